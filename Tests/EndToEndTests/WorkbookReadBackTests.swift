import Foundation
import PledgeKit
import TableIO
import Testing

/// Reads the Tomakomai workbook back with pledgekit's own reader: every figure of the seed's
/// summary table, and every measure, department and activity of the sample in the detail sheet.
@Suite struct WorkbookReadBackTests {
    static let workbookName = "市長公約取組状況.xlsx"

    func merge(into scratch: Scratch, previous: String = PledgeKitBinary.sample("tomakomai/previous/summary.csv"),
               year: String = "令和2年度", out: String = "out") throws -> MergeOutcome {
        try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                            year: year, out: scratch.path(out), previous: [previous])
    }

    func sheet(_ name: String, in tables: [Table]) throws -> Table {
        try #require(tables.first { $0.sheet == name }, "sheet \(name)")
    }

    /// Summary rows in report order: each policy, then its five pledges; 全体 last.
    static var summaryOrder: [String] {
        ["I", "II", "III", "IV", "V"].flatMap { policy in [policy] + (1...5).map { "\(policy)-\($0)" } } + ["all"]
    }

    @Test func summarySheetHoldsEveryFigureOfTheSeed() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let summary = try sheet("総括表", in: TableLoader.tables(at: URL(fileURLWithPath: scratch.path("out/\(Self.workbookName)"))))
        let header = try #require(summary.rows.first { $0.values.contains("令和元年度 (%)") })
        #expect(header.values.suffix(2) == ["令和元年度 (%)", "令和2年度 (%)"])
        let body = summary.rows.filter { $0.number > header.number && !$0.isBlank }
        #expect(body.count == Self.summaryOrder.count)
        for (row, id) in zip(body, Self.summaryOrder) {
            #expect(row[3] == TomakomaiMergeTests.fy2019[id], "FY2019 \(id) at row \(row.number)")
            #expect(row[4] == TomakomaiMergeTests.fy2020[id], "FY2020 \(id) at row \(row.number)")
        }
        #expect(body.last?[1] == "全体")
        #expect(body.first?[1] == "Ⅰ")
    }

    @Test func detailSheetHoldsEveryMeasureDepartmentAndActivity() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let detail = try sheet("取組状況", in: TableLoader.tables(at: URL(fileURLWithPath: scratch.path("out/\(Self.workbookName)"))))
        // A measure row: "● title\n・activity…" | "・department…" | stars.
        var measureRows: [String: (activities: [String], departments: [String], stars: String)] = [:]
        for row in detail.rows where row[1].hasPrefix("● ") {
            let lines = row[1].components(separatedBy: "\n")
            let title = String(lines[0].dropFirst(2))
            measureRows[title] = (lines.dropFirst().map { String($0.dropFirst()) },
                                  row[2].components(separatedBy: "\n").map { String($0.dropFirst()) }, row[3])
        }
        #expect(measureRows.count == 50)
        let measures = try scratch.csv("out/measures.csv")
        let titles = Dictionary(uniqueKeysWithValues: measures.map { ($0["id"]!, $0["title"]!) })
        for measure in measures {
            let row = measureRows[measure["title"]!]
            #expect(row != nil, "measure \(measure["id"]!)")
            let stars = Int(measure["stars"]!)!
            #expect(row?.stars == String(repeating: "★", count: min(stars, 5)) + String(repeating: "☆", count: 5 - min(stars, 5))
                    + " " + String(repeating: "★", count: max(stars - 5, 0)) + String(repeating: "☆", count: 10 - max(stars, 5)))
        }
        let activities = try scratch.csv("out/activities.csv")
        #expect(activities.count == 102)
        for activity in activities {
            let title = titles[activity["measure_id"]!]!
            #expect(measureRows[title]?.activities.contains(activity["activity"]!) == true, "\(activity["measure_id"]!): \(activity["activity"]!)")
        }
        let total = measureRows.values.map(\.activities.count).reduce(0, +)
        #expect(total == 102)
        for assignment in try scratch.csv("out/departments.csv") {
            let title = titles[assignment["measure_id"]!]!
            #expect(measureRows[title]?.departments.contains(assignment["department"]!) == true,
                    "\(assignment["measure_id"]!) \(assignment["department"]!)")
        }
        // Policy III: the summary rule gives 89 (the seed's detail pages print 88).
        #expect(detail.rows.contains { $0[1].hasPrefix("政策Ⅲ ") && $0[3] == "89" })
    }

    @Test func lastYearsWorkbookServesAsThePreviousYear() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        // This year's workbook shows 令和元年度 beside 令和2年度: read as a previous-year file, its
        // 令和元年度 column must give the same figures as last year's summary.csv.
        let fromWorkbook = try merge(into: scratch, previous: scratch.path("out/\(Self.workbookName)"), out: "again")
        #expect(fromWorkbook.status == .success, "\(fromWorkbook.problems)")
        #expect(try scratch.read("again/summary.csv") == scratch.read("out/summary.csv"))
    }

    @Test func aWorkbookWithoutThePreviousYearIsRefused() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        // An inbox for 令和4年度 (財政課's file relabelled), whose previous year the workbook does not show.
        let finance = try String(contentsOfFile: PledgeKitBinary.sample("tomakomai/inbox/財政課.csv"), encoding: .utf8)
        try scratch.write("inbox-R4/財政課.csv", finance.replacingOccurrences(of: "年度,令和2年度", with: "年度,令和4年度"))
        let result = try InProcess.merge(scratch.path("inbox-R4"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"), year: "令和4年度",
                                         out: scratch.path("later"), previous: [scratch.path("out/\(Self.workbookName)")])
        #expect(result.status == .dataErrors)
        #expect(result.problems.contains("\(Self.workbookName): 前年度のsummary.csv"))
        #expect(result.problems.contains("令和3年度の列がある総括表としても読めません"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("later")))
    }
}
