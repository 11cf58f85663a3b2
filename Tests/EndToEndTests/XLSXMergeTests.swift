import Foundation
import PledgeKit
import Testing
import TestSupport

/// `merge` on workbooks: the Tomakomai sample sent as .xlsx gives the same report as its CSV files,
/// cell references in messages point into the workbook, and every hostile workbook is refused with
/// a message naming it, exit 1, the other files still checked, and the out folder untouched.
@Suite struct XLSXMergeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("XLSXReaderTests/Fixtures")

    static let plan = """
    基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署
    Ⅰ,行革を進めます,1,計画を策定します,1,行革プランを実行します,・行政監理室
    Ⅰ,行革を進めます,1,計画を策定します,2,財政指標を管理します,・財政課

    """

    @Test func tomakomaiSubmissionsAsWorkbooksGiveTheSameReport() throws {
        let scratch = try Scratch()
        let result = try InProcess.merge(Self.fixtures.appendingPathComponent("tomakomai-xlsx").path,
                                         plan: PledgeKitBinary.sample("tomakomai/plan.csv"), year: "令和2年度", out: scratch.path("out"),
                                         previous: [PledgeKitBinary.sample("tomakomai/previous/summary.csv")])
        #expect(result.status == .success, "\(result.problems)")
        #expect(result.overallProgress == "74.8")
        let rows = try scratch.csv("out/summary.csv")
        let current = Dictionary(uniqueKeysWithValues: rows.filter { $0["fiscal_year"] == "2020" }.map { ($0["id"]!, $0["progress_pct"]!) })
        #expect(current == TomakomaiMergeTests.fy2020)
        #expect(try scratch.csv("out/activities.csv").count == 102)
        #expect(try scratch.csv("out/measures.csv").count == 50)

        // The same figures as from the CSV inbox, byte for byte.
        let fromCSV = try Scratch()
        let csvRun = try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                                         year: "令和2年度", out: fromCSV.path("out"),
                                         previous: [PledgeKitBinary.sample("tomakomai/previous/summary.csv")])
        #expect(csvRun.status == .success)
        for name in ["summary.csv", "measures.csv", "departments.csv"] {
            #expect(try scratch.read("out/" + name) == fromCSV.read("out/" + name), "\(name)")
        }
        // Apart from where each activity was read (a workbook's sheet and cell, not a CSV's).
        #expect(try withoutProvenance(scratch.read("out/activities.csv")) == withoutProvenance(fromCSV.read("out/activities.csv")))
    }

    @Test func messagesNameTheWorkbookSheetAndCell() throws {
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan)
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("e2e/行政監理室.xlsx").path,
                                         toPath: scratch.path("inbox/行政監理室.xlsx"))
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        #expect(result.status == .dataErrors)
        #expect(result.problems.contains("行政監理室.xlsx 提出票!D5: 評価は0〜10の整数で入力してください（入力値: 11）"), "\(result.problems)")
        // 7.0 stored as a number is the rating 7; the hidden sheet's rows are not read.
        #expect(!result.problems.contains("提出票!D6"))
        #expect(!result.problems.contains("作業用"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test(arguments: HostileWorkbooks.refusals)
    func hostileWorkbookIsRefused(fixture: String, message: String) throws {
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan)
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("hostile/" + fixture).path,
                                         toPath: scratch.path("inbox/財政課.xlsx"))
        // Another department's file, with an error of its own: it must still be read and reported.
        try scratch.write("inbox/行政監理室.csv", "部署名,行政監理室\n年度,令和2年度\n\n施策ID,施策内容,取組事業内容,評価\nⅠ-1-1,,研修を実施しました,12\n")
        try scratch.write("out/summary.csv", "last run\r\n")
        let started = Date()
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == .dataErrors, "\(result.problems)")
        #expect(result.problems.contains("財政課.xlsx: " + message), "\(result.problems)")
        #expect(result.problems.contains("行政監理室.csv!D5: 評価は0〜10の整数で入力してください（入力値: 12）"))
        #expect(result.problems.contains("何も書き出していません"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")) == ["summary.csv"])
        #expect(try scratch.read("out/summary.csv") == "last run\r\n")
    }
}
