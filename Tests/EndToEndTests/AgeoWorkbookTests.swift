import Foundation
import PledgeKit
import TableIO
import Testing

/// The Ageo workbook read back with pledgekit's own reader (`TableLoader`): the title, every area
/// heading in order, every achievement exactly once as a `・` item under its area in the seed's
/// order with its status, each area's count line, and the 状況別件数 sheet's numbers.
@Suite struct AgeoWorkbookTests {
    static let title = "市長公約(2期目3年目)に係る上尾市の取組状況"

    func mergedWorkbook(_ scratch: Scratch) throws -> [Table] {
        let result = try InProcess.merge(PledgeKitBinary.sample("ageo/inbox"), plan: PledgeKitBinary.sample("ageo/plan.csv"),
                                         year: "R4", out: scratch.path("out"), layout: AgeoMergeTests.layout)
        try #require(result.status == .success, "\(result.problems)")
        return try TableLoader.tables(at: URL(fileURLWithPath: scratch.path("out/" + AgeoMergeTests.workbookName)))
    }

    /// Area id and title in plan order (Samples/ageo/plan.csv: 政策番号, 基本政策).
    func areas() throws -> [(id: String, title: String)] {
        let plan = try CSVReader.read(contentsOf: URL(fileURLWithPath: PledgeKitBinary.sample("ageo/plan.csv"))).table
        return plan.rows.dropFirst().map { ($0[1], $0[2]) }
    }

    @Test func everyAchievementAppearsOnceUnderItsAreaInSeedOrder() throws {
        let scratch = try Scratch()
        let tables = try mergedWorkbook(scratch)
        #expect(tables.map(\.sheet) == ["取組状況", "状況別件数", "照合結果"])
        let sheet = try #require(tables.first { $0.sheet == "取組状況" })
        let cells = sheet.rows.filter { !$0.isBlank }
        #expect(cells.first?[1] == Self.title)
        #expect(cells.dropFirst().first?[1] == "「みんなでつくる みんなが輝くまち あげお」の実現")

        let areas = try areas()
        var headingsSeen: [String] = []
        var current: String?
        var items: [String] = []
        var statuses: [String] = []
        var countLines: [String: String] = [:]
        for row in cells {
            let text = row[1]
            if let area = areas.first(where: { $0.title == text }) {
                headingsSeen.append(area.id)
                current = area.id
            } else if text.hasPrefix("・") {
                let area = try #require(current, "an item above the first area heading: \(text)")
                items.append(area + "\t" + text.dropFirst())
                statuses.append(row[2])
            } else if text.hasPrefix("取組 "), let current, countLines[current] == nil {
                countLines[current] = text
            }
        }
        #expect(headingsSeen == areas.map(\.id))
        let expected = try AgeoMergeTests.expectedOrder().map { $0.area + "\t" + $0.text }
        #expect(items.count == 86)
        #expect(items == expected)
        #expect(Set(items).count == 86)

        // The workbook and activities.csv are two renderings of one model: same statuses, same order.
        let activities = try AgeoMergeTests().rows(scratch, "activities.csv")
        #expect(statuses == activities.map { $0["status"]! })
        #expect(countLines["1"] == "取組 6件（実施済 5件、実施中 1件）")
        #expect(countLines["6"] == "取組 7件（実施済 7件）")
        #expect(countLines["7"] == "取組 16件（実施済 9件、実施中 4件、予算計上 3件）")
        #expect(countLines.count == 8)
    }

    @Test func statusCountSheetHoldsTheCountsAsNumbers() throws {
        let scratch = try Scratch()
        let sheet = try #require(try mergedWorkbook(scratch).first { $0.sheet == "状況別件数" })
        let rows = sheet.rows.filter { !$0.isBlank }
        #expect(rows[0][1] == "分野別・状況別の取組件数（令和4年度）")
        #expect(rows[1].values == ["No.", "分野", "実施済", "実施中", "予算計上", "検討中", "計"])
        let areas = try areas()
        for (index, area) in areas.enumerated() {
            let row = rows[2 + index]
            #expect(row[1] == area.id && row[2] == area.title)
            let expected = AgeoMergeTests.counts[area.id]!
            // Columns: 実施済, 実施中, 予算計上, 検討中, 計.
            #expect((3...7).map { Int(row[$0]) } == Array(expected.dropFirst()) + [expected[0]], "area \(area.id)")
        }
        let total = rows[2 + areas.count]
        #expect(total[1] == "合計")
        #expect((3...7).map { Int(total[$0]) } == [63, 14, 9, 0, 86])
    }

    @Test func printsOnA4PortraitWithTheHeaderRepeated() throws {
        let scratch = try Scratch()
        _ = try mergedWorkbook(scratch)
        let parts = try WorkbookParts.read(scratch.path("out/" + AgeoMergeTests.workbookName))
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(sheet.contains("paperSize=\"9\"") && sheet.contains("orientation=\"portrait\""))
        // Fit to one page wide (fitToWidth defaults to 1), as many pages tall as needed.
        #expect(sheet.contains("fitToPage=\"1\"") && sheet.contains("fitToHeight=\"0\"") && !sheet.contains("fitToWidth"))
        let workbook = String(decoding: try #require(parts["xl/workbook.xml"]), as: UTF8.self)
        #expect(workbook.contains("_xlnm.Print_Titles\" localSheetId=\"0\">'取組状況'!$5:$5"), "\(workbook)")
        let styles = String(decoding: try #require(parts["xl/styles.xml"]), as: UTF8.self)
        #expect(styles.contains("ＭＳ Ｐゴシック"))
        #expect(styles.contains("wrapText=\"1\""))
    }
}
