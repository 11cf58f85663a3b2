import Foundation
import PledgeKit
import Testing

/// Samples/messy: templates filled in and then edited the way people do (renamed headers, moved
/// columns, a CP932 CSV, a resubmission, star ratings, …). merge copes with all of it and writes
/// exactly the expected files.
@Suite struct MessySampleTests {
    static let expectedFiles = ["summary.csv", "measures.csv", "activities.csv", "departments.csv", "reconciliation.csv"]

    func merge(strict: Bool = false) throws -> (MergeOutcome, Scratch) {
        let scratch = try Scratch()
        let result = try InProcess.merge(PledgeKitBinary.sample("messy/inbox"), plan: PledgeKitBinary.sample("messy/plan.csv"),
                                         year: "令和2年度", out: scratch.path("out"),
                                         layout: PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/tomakomai").path,
                                         strict: strict)
        return (result, scratch)
    }

    @Test func mergeWritesExactlyTheExpectedFiles() throws {
        let (result, scratch) = try merge()
        #expect(result.status == .success, "\(result.problems)")
        for name in Self.expectedFiles {
            let written = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/" + name)))
            let expected = try Data(contentsOf: URL(fileURLWithPath: PledgeKitBinary.sample("messy/expected/" + name)))
            #expect(written == expected, "\(name)")
        }
        #expect(result.severityCounts == [0, 5, 14])
        #expect(result.overallProgress == "71.0")
    }

    @Test func everyKindOfMessIsAccountedFor() throws {
        let (_, scratch) = try merge()
        let rows = try scratch.csv("out/reconciliation.csv")
        #expect(rows.count == 19)
        let codes = Dictionary(grouping: rows, by: { $0["code"]! }).mapValues(\.count)
        #expect(codes == ["department.no_submission": 1, "measure.unreported": 1, "activity.duplicate": 1, "file.ignored": 1,
                          "department.unassigned": 1, "measure.matched_by_title": 1, "rating.stars": 12, "submission.superseded": 1])
        let activities = try scratch.csv("out/activities.csv")
        // The CP932 CSV with moved, renamed columns and a full-width rating.
        #expect(activities.contains { $0["department"] == "財政課" && $0["measure_id"] == "I-1-2" && $0["rating"] == "9" })
        // The resubmission replaced the first file as a whole: 行政監理室 has 8 activities, none rated 12.
        #expect(activities.filter { $0["department"] == "行政監理室" }.count == 8)
        // A measure nobody reported on is empty, never 0.
        let measure = try #require(try scratch.csv("out/measures.csv").first { $0["id"] == "I-4-2" })
        #expect(measure["score"] == "" && measure["stars"] == "" && measure["activity_count"] == "0")
    }

    @Test func strictRefusesTheWarnings() throws {
        let (result, scratch) = try merge(strict: true)
        #expect(result.status == .dataErrors)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test func checkCatchesTheFirstSubmissionsMistake() throws {
        let result = try PledgeKitBinary.run(["check", PledgeKitBinary.sample("messy/inbox/行政監理室.xlsx"),
                                              "--plan", PledgeKitBinary.sample("messy/plan.csv")])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").first == "エラー 行政監理室.xlsx 提出票!F12: 評価は0〜10の整数で入力してください（入力値: 12）")
        let finance = try PledgeKitBinary.run(["check", PledgeKitBinary.sample("messy/inbox/財政課.csv"), "--plan",
                                               PledgeKitBinary.sample("messy/plan.csv"), "--year", "2020"])
        #expect(finance.status == 0, "\(finance.stdout)")
        #expect(finance.stdout.contains("問題はありません"))
    }
}
