import Foundation
import TableIO
import Testing
@testable import XLSXReader

/// One fixture per reading pitfall of NOTES.md, by openpyxl, XlsxWriter, LibreOffice and hand-made
/// XML, each checked value by value.
@Suite struct XLSXPitfallTests {
    @Test func richTextRunsAreJoinedOpenpyxl() throws {
        let rows = try Fixture.rows("rich-text-openpyxl.xlsx")
        #expect(rows[1] == ["取組事業内容", "  先頭の空白と末尾  "])
        #expect(rows[2] == ["普通の文字列"])
    }

    @Test func richTextRunsAreJoinedXlsxWriter() throws {
        let rows = try Fixture.rows("rich-text-xlsxwriter.xlsx")
        #expect(rows[1] == ["施策ID", "評価は0〜10の整数", " 前に空白", "後ろに空白 "])
    }

    @Test func inlineStringsWithRunsPhoneticsAndEscapes() throws {
        let rows = try Fixture.rows("inline-strings-handmade.xlsx")
        #expect(rows[1] == ["施策ID", "取組事業内容"])
        // xml:space="preserve" kept, furigana (<rPh>) left out, a line break kept, &amp; decoded.
        #expect(rows[2] == ["  前後に空白  ", "苫小牧", "1行目\n2行目", "R&D <研究>"])
    }

    @Test func sharedStringCellWithEmptyValue() throws {
        let rows = try Fixture.rows("empty-shared-value-handmade.xlsx")
        #expect(rows[1] == ["", "", "二番目", "", "最初"])
    }

    @Test func rowsAndCellsWithoutReferences() throws {
        let table = try Fixture.tables("no-cell-references-handmade.xlsx")[0]
        #expect(table.rows.map(\.number) == [1, 3, 4, 5])
        #expect(table.rows.map(\.values) == [["a", "1"], ["2", "", "", "3", "4"], ["", "共有", "TRUE"], ["5"]])
    }

    @Test func partsFoundThroughRelationshipsWithAbsoluteAndRelativeTargets() throws {
        let workbook = try XLSXWorkbook.open(url: Fixture.url("odd-part-paths-handmade.xlsx"))
        // The chart sheet has no cells and is not listed; the order is workbook.xml's.
        #expect(workbook.sheets.map(\.name) == ["一覧", "R&D", "作業用"])
        #expect(workbook.sheets.map(\.part) == ["book/sheets/first.xml", "book/sheets/second.xml", "book/sheets/hidden.xml"])
        let tables = try workbook.readTables()
        #expect(tables.map(\.sheet) == ["一覧", "R&D"])
        #expect(tables[0].rows == [Row(number: 2, values: ["", "一覧の値"])])
        #expect(tables[1].rows == [Row(number: 1, values: ["別表の値"])])
        #expect(try workbook.readTables(includeHidden: true).last?.rows.first?.values == ["隠し"])
    }

    @Test func openpyxlWritesAbsoluteTargets() throws {
        // openpyxl's workbook.xml.rels says Target="/xl/worksheets/sheet1.xml".
        let workbook = try XLSXWorkbook.open(url: Fixture.url("hidden-sheets-openpyxl.xlsx"))
        #expect(workbook.sheets.first?.part == "xl/worksheets/sheet1.xml")
    }

    @Test func strictOOXMLNamespaces() throws {
        let rows = try Fixture.rows("strict-ooxml-handmade.xlsx")
        #expect(rows[1] == ["厳格", "リッチテキスト", "42.5", "2021-04-20", "2021-04-20"])
    }

    @Test func hiddenSheetsAreSkippedOpenpyxl() throws {
        let workbook = try XLSXWorkbook.open(url: Fixture.url("hidden-sheets-openpyxl.xlsx"))
        #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden, .visible])
        let tables = try workbook.readTables()
        #expect(tables.map(\.sheet) == ["提出票", "別紙"])
        #expect(tables[1].rows == [Row(number: 2, values: ["", "二枚目"])])
        #expect(try workbook.readTables(includeHidden: true).map(\.sheet) == ["提出票", "リスト", "設定", "別紙"])
    }

    @Test func hiddenSheetsAreSkippedXlsxWriter() throws {
        let tables = try Fixture.tables("hidden-sheets-xlsxwriter.xlsx")
        #expect(tables.map(\.sheet) == ["提出票", "空"])
        #expect(tables[0].rows == [Row(number: 1, values: ["見える"])])
        #expect(tables[1].rows.isEmpty)
    }

    @Test func date1904SystemOpenpyxl() throws {
        let workbook = try XLSXWorkbook.open(url: Fixture.url("date1904-openpyxl.xlsx"))
        #expect(workbook.date1904)
        let rows = try Fixture.rows("date1904-openpyxl.xlsx")
        #expect(rows[1] == ["提出日", "2021-04-20"])
        #expect(rows[2] == ["日時", "2020-03-31 18:00:00"])
    }

    @Test func date1904SystemXlsxWriter() throws {
        // 0 is 1904-01-01 in the 1904 system; an unformatted number stays a number.
        #expect(try Fixture.rows("date1904-xlsxwriter.xlsx")[1] == ["2021-04-20", "1904-01-01", "44306"])
    }

    @Test func isoDateCellsOpenpyxl() throws {
        #expect(try Fixture.rows("iso-dates-openpyxl.xlsx")[1] == ["2021-04-20", "2021-04-20 09:30:15"])
    }

    @Test func cellTypesOpenpyxl() throws {
        let rows = try Fixture.rows("types-openpyxl.xlsx")
        #expect(rows[1] == ["文字", "7", "7.5", "TRUE", "FALSE", "#N/A"])
        #expect(rows[2] == ["2021-04-20", "2021-04-20 09:30:00", "13:45:00", "-0.25", "1e-07", "123456789012"])
        // A formula openpyxl wrote has no cached value: empty, as Excel would show before recalculating.
        #expect(rows[3] == ["  空白を保つ  ", "改行\nあり", "", "", "", "末尾"])
    }

    @Test func cellTypesAndMergesXlsxWriter() throws {
        let table = try Fixture.tables("types-xlsxwriter.xlsx")[0]
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.number, $0.values) })
        #expect(rows[1] == ["合計", "3", "#DIV/0!", "TRUE", "FALSE", "2021-04-20"])
        #expect(rows[2] == ["2021-04-20 09:30:00", "7", "7.5", "7", "#N/A"])
        #expect(rows[4] == ["結合したタイトル"])
        #expect(rows[5] == ["9"])
        #expect(table.mergedRanges.map(\.description) == ["A4:C4", "A5:A7"])
    }

    @Test func cellTypesHandMade() throws {
        let rows = try Fixture.rows("types-handmade.xlsx")
        // Built-in 14, Japanese era format, scientific (a number), date-time, time, colour sections.
        #expect(rows[1] == ["2021-04-20", "2021-04-20", "12345.678", "2021-04-20 09:30:00", "12:00:00", "1234"])
        // Excel's phantom 1900-02-29 (serial 60), then 61 = 1900-03-01; General numbers.
        #expect(rows[2] == ["1900-02-29", "1900-03-01", "1900-01-01", "0.1", "0.001", "-7"])
        // An error, a boolean, a t="str" formula result kept as text, a cached formula number.
        #expect(rows[3] == ["#DIV/0!", "FALSE", "44306", "0.3333333333333333", "7", "1.2345678901234567e+19"])
    }

    @Test func libreOfficeSubmission() throws {
        let workbook = try XLSXWorkbook.open(url: Fixture.url("submission-libreoffice.xlsx"))
        #expect(workbook.sheets.map(\.isHidden) == [false, true])
        let tables = try workbook.readTables()
        #expect(tables.count == 1)
        let table = tables[0]
        #expect(table.file == "submission-libreoffice.xlsx" && table.sheet == "提出票")
        #expect(table.rows == [
            Row(number: 1, values: ["令和2年度 取組状況"]),
            Row(number: 2, values: ["部署名", "こども育成課"]),
            Row(number: 3, values: ["提出日", "2021-04-20"]),
            Row(number: 5, values: ["施策ID", "取組事業内容", "評価", "備考"]),
            Row(number: 6, values: ["1-3-2", "  副食費を無償化しました ", "8", "18"]),
            Row(number: 7, values: ["5-2-2", "園舎を整備しました", "10", "1"]),
            Row(number: 8, values: ["7.25", "文字列"]),
        ])
        #expect(table.mergedRanges == [CellRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 4)])
    }

    @Test func tomakomaiWorkbooksMatchTheirCSV() throws {
        // Every converted submission reads back to its CSV's cells (a date cell as ISO text).
        let inbox = Fixture.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/tomakomai/inbox")
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names.count == 40)
        for name in names {
            let csv = try CSVReader.read(contentsOf: inbox.appendingPathComponent(name)).table
            let xlsx = try Fixture.tables("tomakomai-xlsx/" + name.dropLast(4) + ".xlsx")[0]
            let expected = csv.rows.filter { !$0.isBlank }.map { row -> [String] in
                var values = row.values
                while values.last == "" { values.removeLast() }
                if values.first == "提出日", values.count > 1, let date = SlashDate(values[1]) { values[1] = date.iso }
                return values
            }
            #expect(xlsx.rows.map(\.values) == expected, "\(name)")
        }
    }
}

/// `2021/4/20` → `2021-04-20`, as the fixture script stores such a 提出日 as a date cell.
private struct SlashDate {
    let iso: String
    init?(_ text: String) {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        iso = String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
    }
}
