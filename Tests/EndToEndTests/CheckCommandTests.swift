import Foundation
import PledgeKit
import Testing

/// `pledgekit check`: a department's own files, the same rules as merge, each problem printed in
/// Japanese with its file, sheet and cell; exit 1 on any error. The first two run the executable
/// (what it prints, its exit status); the others call the pipeline.
@Suite struct CheckCommandTests {
    static func check(_ files: [String: String], year: String? = nil) throws -> (PledgeKitBinary.Result, Scratch) {
        let scratch = try Scratch()
        try scratch.write("plan.csv", ReconciliationRulesTests.plan)
        for (name, text) in files { try scratch.write(name, text) }
        let result = try PledgeKitBinary.run(["check"] + files.keys.sorted().map { scratch.path($0) }
                                             + ["--plan", scratch.path("plan.csv")] + (year.map { ["--year", $0] } ?? []))
        return (result, scratch)
    }

    static func checkInProcess(_ files: [String: String], year: String? = nil) throws -> CheckOutcome {
        let scratch = try Scratch()
        try scratch.write("plan.csv", ReconciliationRulesTests.plan)
        for (name, text) in files { try scratch.write(name, text) }
        return try InProcess.check(files.keys.sorted().map { scratch.path($0) }, plan: scratch.path("plan.csv"), year: year)
    }

    @Test func ratingOutOfRangeNamesFileAndCell() throws {
        let rows = ["Ⅰ-1-1,,行革プランの取組を評価しました,11", "Ⅰ-2-1,,女性職員の研修を行いました,6", "Ⅰ-2-2,,講演会を開きました,7"]
        let (result, _) = try Self.check(["行政監理室.csv": ReconciliationRulesTests.file("行政監理室", rows: rows)])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").first == "エラー 行政監理室.csv!D6: 評価は0〜10の整数で入力してください（入力値: 11）")
        #expect(result.stdout.contains("確認: 1ファイル、取組 2件、エラー 1件、警告 0件"))
        #expect(result.stderr.contains("エラーを直してから提出してください。"))
    }

    @Test func cleanFilePassesAndOtherDepartmentsAreNotReported() throws {
        let (result, _) = try Self.check(["行政監理室.csv": ReconciliationRulesTests.file("行政監理室", rows: ReconciliationRulesTests.admin)])
        #expect(result.status == 0, "\(result.stdout)")
        // 財政課's measure I-1-2 and 財政課 itself are no concern of 行政監理室.
        #expect(result.stdout == "確認: 1ファイル、取組 3件、エラー 0件、警告 0件\n問題はありません。このまま提出できます。\n")
    }

    @Test func ownMeasureLeftEmptyIsAWarningNotAnError() throws {
        let rows = ["Ⅰ-1-1,,行革プランの取組を評価しました,8", "Ⅰ-2-2,,講演会を開きました,7"]
        let result = try Self.checkInProcess(["行政監理室.csv": ReconciliationRulesTests.file("行政監理室", rows: rows)])
        #expect(result.status == .success)
        #expect(result.problems.hasPrefix("警告 行政監理室.csv: 担当の施策 I-2-1「女性管理職の登用を進めます」の取組が記入されていません（このままでは未提出として扱われます）。"),
                "\(result.problems)")
    }

    @Test func everyProblemIsListedWithItsCell() throws {
        let rows = ["Ⅰ-1-9,,行革プランの取組を評価しました,8", ",女性管理職を増やします,研修,6", "Ⅰ-2-2,,,7", "Ⅰ-2-2,,講演会,済"]
        let result = try Self.checkInProcess(["行政監理室.csv": ReconciliationRulesTests.file("行政監理室", rows: rows)])
        #expect(result.status == .dataErrors)
        let errors = result.errorLines.map { String($0.prefix(while: { $0 != ":" })) }
        #expect(errors == ["エラー 行政監理室.csv!A6", "エラー 行政監理室.csv!B7", "エラー 行政監理室.csv!C8", "エラー 行政監理室.csv!D9"])
    }

    @Test func yearDefaultsToTheFileAndAGivenYearMustMatch() throws {
        let file = ReconciliationRulesTests.file("行政監理室", year: "令和3年度", rows: ReconciliationRulesTests.admin)
        let withoutYear = try Self.checkInProcess(["行政監理室.csv": file])
        #expect(withoutYear.status == .success)
        let withYear = try Self.checkInProcess(["行政監理室.csv": file], year: "R2")
        #expect(withYear.status == .dataErrors)
        #expect(withYear.problems.hasPrefix("エラー 行政監理室.csv!B2: 年度が令和3年度になっていますが、集計する年度は令和2年度です。"))
    }

    /// The message of the issue, on a template filled in with a rating Excel would have refused
    /// (typed in another application, or pasted).
    @Test func filledTemplateWithARatingOfElevenNamesSheetAndCell() throws {
        let scratch = try Scratch()
        let plan = PledgeKitBinary.sample("tomakomai/plan.csv")
        #expect(try InProcess.template(plan: plan, year: "R2", out: scratch.path("t")).status == .success)
        let filler = try TemplateFiller(URL(fileURLWithPath: scratch.path("t/行政監理室.xlsx")))
        try filler.type("行革プランの各取組を評価しました。", into: "E12")
        try filler.type(number: 11, into: "F12")
        try filler.type(number: 44306, into: "B5")
        try filler.save()
        let result = try InProcess.check([scratch.path("t/行政監理室.xlsx")], plan: plan)
        #expect(result.status == .dataErrors)
        #expect(result.problems.split(separator: "\n").first == "エラー 行政監理室.xlsx 提出票!F12: 評価は0〜10の整数で入力してください（入力値: 11）")
        // The five measures left empty are reported as such: a warning for the three that are the
        // department's alone, a note for the two it shares (another department may report them).
        #expect(result.diagnostics.filter { $0.line.hasPrefix("警告 行政監理室.xlsx: 担当の施策") }.count == 3)
        let shared = result.diagnostics.filter { $0.line.hasPrefix("情報 行政監理室.xlsx: 担当の施策") }
        #expect(shared.count == 2)
        #expect(shared.allSatisfy { $0.code == .measureUnreported && $0.message.contains("ほかの担当部署") && $0.message.hasSuffix("の取組で集計されます）。") })
    }
}
