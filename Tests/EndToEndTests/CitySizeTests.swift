import Foundation
import PledgeKit
import TableIO
import Testing

/// What a whole city's inbox brings that the samples do not: a layout averaging exact children
/// over measures whose activity counts differ (denominators past any machine integer), and a
/// measure whose activities outgrow one row of the detail sheet.
@Suite struct CitySizeTests {
    /// One policy, 5 pledges of 10 measures; measure i has i activities, one rated 10 and the
    /// rest 0, so its score is 10/i and its % is 100/i.
    static func fiftyMeasures(_ scratch: Scratch) throws {
        var plan = "基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署\n"
        var inbox = "部署名,総務課\n年度,令和2年度\n\n施策ID,取組事業内容,評価\n"
        for index in 1...50 {
            let (pledge, measure) = ((index - 1) / 10 + 1, (index - 1) % 10 + 1)
            plan += "Ⅰ,政策,\(pledge),公約\(pledge),\(measure),施策\(index),総務課\n"
            for activity in 1...index { inbox += "1-\(pledge)-\(measure),取組\(activity),\(activity == 1 ? 10 : 0)\n" }
        }
        try scratch.write("plan.csv", plan)
        try scratch.write("inbox/総務課.csv", inbox)
    }

    @Test func exactChildrenOverFiftyMeasuresOfDifferentCountsGiveExactFigures() throws {
        let scratch = try Scratch()
        try Self.fiftyMeasures(scratch)
        let layout = try String(contentsOf: PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/tomakomai/layout.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "averageRoundedChildren: true", with: "averageRoundedChildren: false")
        try scratch.write("layout/layout.yaml", layout)
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "R2", out: scratch.path("out"),
                                         layout: scratch.path("layout"))
        try #require(result.status == .success, "\(result.problems)")
        // Pledge g is the mean of 100/i over its ten measures: 29.29, 6.69, 3.97, 2.84, 2.21; the
        // policy and 全体 the mean of all fifty, 2·H(50) = 8.998…, not the mean of rounded pledges (9.0 too, by chance 9).
        let figures = Dictionary(uniqueKeysWithValues: try scratch.csv("out/summary.csv").map { ($0["id"]!, $0["progress_pct"]!) })
        #expect(figures == ["I": "9", "I-1": "29", "I-2": "7", "I-3": "4", "I-4": "3", "I-5": "2", "all": "9.0"])
        let scores = try scratch.csv("out/measures.csv").map { $0["score"]! }
        #expect(scores.prefix(4) == ["10.00", "5.00", "3.33", "2.50"])
        #expect(scores.last == "0.20")
    }

    @Test func aMeasureWithManyActivitiesIsLaidOverRowsExcelKeeps() throws {
        let scratch = try Scratch()
        let plan = "基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署\nⅠ,政策,1,公約,1,大きな施策,総務課\nⅠ,政策,1,公約,2,小さな施策,総務課\n"
        let texts = (1...600).map { "地域公共交通について第\($0)期の取組を実施し、利用者アンケートの結果を公表しました。" }
        let rows = texts.map { "1-1-1,\($0),7" } + ["1-1-2,小さな取組,8"]
        try scratch.write("plan.csv", plan)
        try scratch.write("inbox/総務課.csv", "部署名,総務課\n年度,令和2年度\n\n施策ID,取組事業内容,評価\n" + rows.joined(separator: "\n") + "\n")
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "R2", out: scratch.path("out"))
        try #require(result.status == .success, "\(result.problems)")
        let workbook = scratch.path("out/市長公約取組状況.xlsx")
        let detail = try #require(try TableLoader.tables(at: URL(fileURLWithPath: workbook)).first { $0.sheet == "取組状況" })
        // Column A from the big measure's first row to the small measure's: every activity once, in order.
        let cells = detail.rows.map { $0[1] }
        let first = try #require(cells.firstIndex { $0.hasPrefix("● 大きな施策") })
        let small = try #require(cells.firstIndex { $0.hasPrefix("● 小さな施策") })
        let lines = cells[first..<small].flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(lines == ["● 大きな施策"] + texts.map { "・" + $0 })
        #expect(small - first > 1)
        #expect(cells[small] == "● 小さな施策\n・小さな取組")
        // Every row within Excel's 409 pt; the departments and stars merged beside the big measure's rows.
        let sheetXML = try #require(String(data: try WorkbookParts.read(workbook)["xl/worksheets/sheet2.xml"]!, encoding: .utf8))
        let heights = sheetXML.matches(of: /ht="([0-9.]+)"/).map { Double($0.1)! }
        #expect(!heights.isEmpty && heights.allSatisfy { $0 <= 409 })
        let firstRow = detail.rows[first].number, lastRow = detail.rows[small].number - 1
        #expect(sheetXML.contains("<mergeCell ref=\"B\(firstRow):B\(lastRow)\"/>"))
        #expect(sheetXML.contains("<mergeCell ref=\"C\(firstRow):C\(lastRow)\"/>"))
    }
}
