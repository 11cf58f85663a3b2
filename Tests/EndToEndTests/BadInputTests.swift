import Foundation
import PledgeKit
import Testing

/// Each kind of bad input stops the run with a data error (exit 1), names the file, row and column,
/// and leaves the output folder exactly as it was.
@Suite struct BadInputTests {
    static let plan = """
    基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署
    Ⅰ,行革を進めます,1,計画を策定します,1,行革プランを実行します,・行政監理室
    Ⅰ,行革を進めます,1,計画を策定します,2,財政指標を管理します,・財政課

    """

    static func submission(rating: String, id: String = "Ⅰ-1-1") -> String {
        "部署名,行政監理室\n年度,令和2年度\n\n施策ID,施策内容,取組事業内容,評価\n\(id),,研修を実施しました,\(rating)\n"
    }

    /// Runs merge on one department file into an out folder that already holds last run's file.
    func mergeRefused(file name: String, contents: Data) throws -> (MergeOutcome, Scratch) {
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan)
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        try contents.write(to: URL(fileURLWithPath: scratch.path("inbox/" + name)))
        try scratch.write("out/summary.csv", "last run\r\n")
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        #expect(result.status == .dataErrors, "\(result.problems)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")) == ["summary.csv"])
        #expect(try scratch.read("out/summary.csv") == "last run\r\n")
        #expect(result.problems.contains("何も書き出していません"))
        return (result, scratch)
    }

    @Test(arguments: [("11", "11"), ("7.5", "7.5"), ("済", "済"), ("-1", "-1")])
    func ratingOutsideZeroToTen(rating: String, shown: String) throws {
        let (result, _) = try mergeRefused(file: "行政監理室.csv", contents: Data(Self.submission(rating: rating).utf8))
        #expect(result.problems.contains("エラー 行政監理室.csv!D5: 評価は0〜10の整数で入力してください（入力値: \(shown)）"))
    }

    @Test func unknownMeasureID() throws {
        let (result, _) = try mergeRefused(file: "行政監理室.csv", contents: Data(Self.submission(rating: "7", id: "Ⅰ-1-9").utf8))
        #expect(result.problems.contains("行政監理室.csv!A5: 施策ID「Ⅰ-1-9」は計画にありません。"))
    }

    @Test func fileThatIsNotCSV() throws {
        let (result, _) = try mergeRefused(file: "財政課.csv", contents: Data([0x00, 0x01, 0x02, 0xFF, 0x00]))
        #expect(result.problems.contains("財政課.csv: CSVファイルではありません"))
    }

    @Test func xlsWorkbookRenamedCSV() throws {
        let (result, _) = try mergeRefused(file: "財政課.csv", contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]))
        #expect(result.problems.contains("財政課.csv: CSVファイルではありません（Excel 97-2003形式"))
    }

    @Test func brokenQuote() throws {
        let text = "部署名,行政監理室\n\n施策ID,施策内容,取組事業内容,評価\nⅠ-1-1,,\"研修を実施しました,7\n"
        let (result, _) = try mergeRefused(file: "行政監理室.csv", contents: Data(text.utf8))
        #expect(result.problems.contains("行政監理室.csv!C4: CSVの引用符(\")が閉じられていません（4行目 3列目から始まる値）"))
    }

    @Test func everyErrorIsListedNotJustTheFirst() throws {
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan)
        try scratch.write("inbox/行政監理室.csv", Self.submission(rating: "11") + "Ⅰ-1-2,,相談会,済\n")
        try scratch.write("inbox/財政課.csv", "部署名,財政課\n\n施策ID,取組事業内容,評価\nⅠ-1-2,\"x,7\n")
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "R2", out: scratch.path("out"))
        #expect(result.status == .dataErrors)
        #expect(result.problems.contains("行政監理室.csv!D5"))
        #expect(result.problems.contains("行政監理室.csv!D6"))
        #expect(result.problems.contains("財政課.csv!B4"))
        #expect(result.severityCounts.first == 3)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test func usageErrorsExit64() throws {
        let scratch = try Scratch()
        let missingYear = try PledgeKitBinary.run(["merge", scratch.path("x"), "--plan", scratch.path("p.csv"), "--out", scratch.path("o")])
        #expect(missingYear.status == 64)
        try scratch.write("p.csv", Self.plan)
        let badYear = try PledgeKitBinary.run(["merge", scratch.path("x"), "--plan", scratch.path("p.csv"), "--year", "昭和60", "--out", scratch.path("o")])
        #expect(badYear.status == 64)
        let missingPlan = try PledgeKitBinary.run(["merge", scratch.path("x"), "--plan", scratch.path("none.csv"), "--year", "2020", "--out", scratch.path("o")])
        #expect(missingPlan.status == 64)
        #expect(missingPlan.stderr.contains("none.csv"))
    }
}
