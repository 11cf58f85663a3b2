import Foundation
import PledgeKit
import Testing

/// Issue 28: open data written without a layout naming the municipality and its publisher is said
/// so on every run (stderr and JSON), and a layout that names both silences it.
@Suite struct PublicationNoticeTests {
    static let notice = "オープンデータに自治体コード（各CSVの municipality_code が空欄）と公開者（datapackage.json に作成者がない）が設定されていません。"

    static func scratch() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("plan.csv", XLSXMergeTests.plan)
        try scratch.write("inbox/財政課.csv", InboxEntriesTests.submission)
        return scratch
    }

    @Test func mergeWithoutAMunicipalitySaysSo() throws {
        let scratch = try Self.scratch()
        let run = try PledgeKitBinary.run(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"),
                                           "--year", "2020", "--out", scratch.path("out")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("注意 " + Self.notice), "\(run.stderr)")
        #expect(try scratch.csv("out/activities.csv").map { $0["municipality_code"] } == [""])
        let merged = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out2"))
        let json = try #require(try JSONSerialization.jsonObject(with: merged.jsonData()) as? [String: Any])
        let report = try #require(json["report"] as? [String: Any])
        #expect((report["publication_notice"] as? String)?.hasPrefix(Self.notice) == true, "\(report)")
    }

    @Test func aLayoutNamingTheCityIsQuiet() throws {
        let scratch = try Self.scratch()
        try scratch.write("layout/layout.yaml", """
        publication:
          organisation: 苫小牧市 総合政策部 政策推進課
          municipalityName: 苫小牧市
          municipalityCode: "012131"

        """)
        let run = try PledgeKitBinary.run(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"),
                                           "--year", "2020", "--out", scratch.path("out"), "--layout", scratch.path("layout")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("注意"), "\(run.stderr)")
        #expect(try scratch.csv("out/activities.csv").map { $0["municipality_code"] } == ["012131"])
    }
}
