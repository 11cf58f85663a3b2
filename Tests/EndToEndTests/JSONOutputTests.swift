import Foundation
import PledgeCore
import PledgeKit
import Testing

/// `merge --json` and `check --json` print the outcome the library returns, as JSON (docs/json.md),
/// and nothing else on stdout; the exit status is the same as without the flag.
@Suite struct JSONOutputTests {
    static let plan = PledgeKitBinary.sample("tomakomai/plan.csv")

    @Test func checkJSONIsTheLibrarysOutcome() throws {
        let scratch = try Scratch()
        let file = try scratch.write("財政課.csv", "部署名,財政課\n年度,令和2年度\n提出日,2021-04-21\n\n施策ID,施策内容,取組事業内容,評価,備考\nⅠ-1-2,,基金の管理,11,\n")
        let result = try PledgeKitBinary.run(["check", file, "--plan", Self.plan, "--year", "R2", "--json"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let library = CheckPipeline.run(CheckOptions(files: [URL(fileURLWithPath: file)], plan: URL(fileURLWithPath: Self.plan),
                                                     year: FiscalYear(parsing: "R2")))
        #expect(result.stdout == String(decoding: try library.jsonData(), as: UTF8.self) + "\n")
        #expect(result.stdout.contains("\"cell\" : \"D6\""))
    }

    @Test func mergeJSONHasTheFiguresAndTheFilesWritten() throws {
        let scratch = try Scratch()
        let result = try PledgeKitBinary.run(["merge", PledgeKitBinary.sample("tomakomai/inbox"), "--plan", Self.plan,
                                              "--year", "令和2年度", "--previous", PledgeKitBinary.sample("tomakomai/previous/summary.csv"),
                                              "--out", scratch.path("out"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "success")
        let report = try #require(json["report"] as? [String: Any])
        let summary = try #require(report["summary"] as? [[String: String]])
        #expect(summary.first { $0["id"] == "all" && $0["fiscal_year"] == "2020" }?["progress_pct"] == "74.8")
        let written = try #require(report["written"] as? [String])
        #expect(written.contains(scratch.path("out") + "/summary.csv"))
        // The same report as the library's, but for where it was written.
        let library = MergePipeline.prepare(MergeOptions(
            inboxes: [URL(fileURLWithPath: PledgeKitBinary.sample("tomakomai/inbox"))], plan: URL(fileURLWithPath: Self.plan),
            year: FiscalYear(parsing: "令和2年度")!, out: URL(fileURLWithPath: scratch.path("other")),
            previous: URL(fileURLWithPath: PledgeKitBinary.sample("tomakomai/previous/summary.csv"))))
        var expected = try #require(try JSONSerialization.jsonObject(with: library.jsonData()) as? [String: Any])
        var expectedReport = try #require(expected["report"] as? [String: Any])
        expectedReport["written"] = written
        expected["report"] = expectedReport
        #expect(NSDictionary(dictionary: json).isEqual(to: expected))
    }

    @Test func aRefusalIsInTheJSONWithItsExitStatus() throws {
        let result = try PledgeKitBinary.run(["check", "ない.csv", "--plan", Self.plan, "--json"])
        #expect(result.status == 64)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "usage")
        #expect((json["refusal"] as? String)?.hasPrefix("ない.csv が見つかりません") == true)
    }
}
