import Foundation
import TableIO
import Testing
@testable import XLSXReader

/// The classes of workbook other programs really write that the reader once got wrong (issue 11),
/// each from hand-written XML generated here, with the exact values expected.
@Suite struct XLSXWriterClassTests {
    static let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static func read(_ workbook: GeneratedWorkbook, includeHidden: Bool = false) throws -> [Table] {
        try workbook.open("book.xlsx").readTables(includeHidden: includeHidden)
    }

    static func rows(_ table: Table) -> [Int: [String]] {
        Dictionary(uniqueKeysWithValues: table.rows.map { ($0.number, $0.values) })
    }

    @Test func excelEscapesAreDecodedInSharedAndInlineStrings() throws {
        let workbook = GeneratedWorkbook.standard(
            sheets: [("S", """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>ABC_x000D_
                DEF</t></is></c><c r="B2" t="inlineStr"><is><t>_x005f_x000D_ and _x</t></is></c></row>
                """)],
            sharedStrings: "<si><t>line_x000D_\nbreak</t></si><si><t>_x005F_x000D_</t></si><si><t>a_x000d_b_x0041_</t></si><si><t>_xD83D__xDE00_ _x12_</t></si>")
        let table = try #require(try Self.read(workbook).first)
        #expect(Self.rows(table) == [
            1: ["line\r\nbreak", "_x000D_", "a\rbA", "😀 _x12_"],
            2: ["ABC\r\nDEF", "_x000D_ and _x"],
        ])
    }

    @Test func excelEscapesAreDecodedInFormulaResults() throws {
        // Issue 28: Excel writes a CR in a t="str" formula's cached result as _x000D_ too.
        let workbook = GeneratedWorkbook.standard(sheets: [("S", """
            <row r="1"><c r="A1" t="str"><f>A2&amp;CHAR(13)&amp;B2</f><v>研修_x000D_
            実施</v></c><c r="B1" t="str"><f>"_x005F_x000D_"</f><v>_x005F_x000D_</v></c><c r="C1" t="e"><v>#N/A</v></c></row>
            """)])
        let table = try #require(try Self.read(workbook).first)
        #expect(Self.rows(table) == [1: ["研修\r\n実施", "_x000D_", "#N/A"]])
    }

    @Test func inlineStringWithAValueBesideItReadsOnce() throws {
        let workbook = GeneratedWorkbook.standard(sheets: [("S", """
            <row r="2"><c r="D2" t="inlineStr"><is><t>1.</t></is><v>1.</v></c>\
            <c r="E2" t="inlineStr"><v>x</v><is><t>2.</t></is></c><c r="F2" t="inlineStr"><v>only v</v></c></row>
            """)])
        let table = try #require(try Self.read(workbook).first)
        #expect(Self.rows(table) == [2: ["", "", "", "1.", "2.", "only v"]])
    }

    @Test func strictDatesAreRoundedToTheSecond() throws {
        let cells = ["2021-04-20T15:59:59.9999999999984025", "1899-12-30T10:59:59.9999999999984025", "PT24H0M0.000S",
                     "2021-04-20T00:00:00Z", "2021-12-31T23:59:59.6", "2021-04-20T09:30:00+09:00", "P1DT2H30M",
                     "23:44:51.894", "1899-12-30T00:00:00"]
        let body = "<row r=\"1\">" + cells.map { "<c t=\"d\"><v>\($0)</v></c>" }.joined() + "</row>"
        let table = try #require(try Self.read(.standard(sheets: [("S", body)])).first)
        #expect(Self.rows(table) == [1: ["2021-04-20 16:00:00", "11:00:00", "24:00:00", "2021-04-20",
                                         "2022-01-01", "2021-04-20 09:30:00", "26:30:00",
                                         "23:44:52", "00:00:00"]])
    }

    @Test func elapsedTimeFormatsAndSerialZero() throws {
        let styles = """
            <numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="46"/><xf numFmtId="14"/></cellXfs>
            """
        let body = """
            <row r="1"><c s="1"><v>1.5</v></c><c s="2"><v>1.1041666666666667</v></c><c s="1"><v>0.25</v></c>\
            <c s="3"><v>0</v></c><c s="3"><v>0.5</v></c><c s="3"><v>44306</v></c></row>
            """
        let table = try #require(try Self.read(.standard(sheets: [("S", body)], styles: styles)).first)
        #expect(Self.rows(table) == [1: ["36:00:00", "26:30:00", "06:00:00", "00:00:00", "12:00:00", "2021-04-20"]])
    }

    @Test func repeatedRowElementsAreOneRow() throws {
        let body = """
            <row r="7"><c r="A7" t="inlineStr"><is><t>seven</t></is></c></row>\
            <row r="8"><c r="A8" t="inlineStr"><is><t>a</t></is></c></row>\
            <row r="8"><c r="C8" t="inlineStr"><is><t>c</t></is></c></row>\
            <row r="8"><c r="B8"><v>2</v></c></row>\
            <row r="9"><c r="A9"><v>9</v></c></row>
            """
        let table = try #require(try Self.read(.standard(sheets: [("S", body)])).first)
        #expect(table.rows.map(\.number) == [7, 8, 9])
        #expect(Self.rows(table) == [7: ["seven"], 8: ["a", "2", "c"], 9: ["9"]])
    }

    @Test func backslashEntryNamesAreRead() throws {
        var workbook = GeneratedWorkbook.standard(sheets: [("S", "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>")], sharedStrings: "<si><t>ok</t></si>")
        for name in ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"] {
            workbook.rename(name, to: name.replacingOccurrences(of: "/", with: "\\"))
        }
        let table = try #require(try Self.read(workbook).first)
        #expect(Self.rows(table) == [1: ["ok"]])
        // The traversal checks still apply to the name as written.
        workbook.add("xl\\..\\..\\evil.sh", "x")
        #expect(throws: TableReadError(file: "book.xlsx", XLSXReadError.unsafeEntryName("xl\\..\\..\\evil.sh").message)) {
            _ = try Self.read(workbook)
        }
    }

    @Test func unreadEntriesAreNotRatioChecked() throws {
        var workbook = GeneratedWorkbook.standard(sheets: [("S", "<row r=\"1\"><c><v>1</v></c></row>")])
        // A 4 MB "picture" of zeros at about 1:1000: a bomb if read, but nothing reads it.
        workbook.add("xl/media/image1.png", [UInt8](repeating: 0, count: 4 << 20), deflate: true)
        #expect(workbook.ratio(of: "xl/media/image1.png") < 0.002)
        let table = try #require(try Self.read(workbook).first)
        #expect(Self.rows(table) == [1: ["1"]])
    }

    @Test func highlyCompressibleHonestSharedStringsAreRead() throws {
        // 40,000 near-identical strings (about 4 MB): more compressible than the old 1:100 limit allowed.
        let count = 40_000
        let strings = (0..<count).map { "<si><t>事業の進捗状況について報告します（\($0 % 100)）。</t></si>" }.joined()
        let body = (1...20).map { "<row r=\"\($0)\"><c t=\"s\"><v>\($0 * 1000)</v></c></row>" }.joined()
        var workbook = GeneratedWorkbook.standard(sheets: [("S", body)], sharedStrings: strings)
        workbook.add("xl/sharedStrings.xml", workbook.parts.first { $0.name == "xl/sharedStrings.xml" }!.data, deflate: true)
        let ratio = workbook.ratio(of: "xl/sharedStrings.xml")
        #expect(ratio < 0.01 && ratio > ZipLimits.standard.minInflateRatio, "ratio \(ratio)")
        let table = try #require(try Self.read(workbook).first)
        #expect(table.rows.count == 20)
        #expect(table.rows[0].values == ["事業の進捗状況について報告します（0）。"])
    }

    @Test func leftoverSheetWithEmptyRelationshipIsSkippedWithANotice() throws {
        var workbook = GeneratedWorkbook.standard(sheets: [("データ", "<row r=\"1\"><c><v>1</v></c></row>")])
        workbook.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(Self.ns)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="Macro1" sheetId="9" r:id=""/><sheet name="データ" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        let tables = try Self.read(workbook)
        #expect(tables.map(\.sheet) == ["データ"])
        #expect(Self.rows(tables[0]) == [1: ["1"]])
        #expect(tables[0].notices == [TableNotice(SourceLocation(file: "book.xlsx", sheet: "Macro1"),
                                                  "シート「Macro1」は中身の部品が指定されていないため読み飛ばしました（削除されたマクロシートの残りなど）。")])
    }

    @Test func excel2007BetaAndMissingFilesAreNamedForWhatTheyAre() throws {
        var workbook = GeneratedWorkbook.standard(sheets: [("S", "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>")])
        workbook.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.microsoft.com/office/excel/2006/2" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        #expect(throws: TableReadError(file: "book.xlsx", "Excel 2007のベータ版の形式で保存されたブックです。読み込めません。Excelで開き「Excelブック(*.xlsx)」として保存し直してください。")) {
            _ = try Self.read(workbook)
        }
        #expect(throws: TableReadError(file: "none.xlsx", "ファイルが見つかりません。")) {
            _ = try XLSXWorkbook.open(url: URL(fileURLWithPath: "/nonexistent/none.xlsx"))
        }
    }

    @Test func wideRowOf16384CellsIsReadWhole() throws {
        let body = "<row r=\"1\">" + (1...16_384).map { "<c><v>\($0)</v></c>" }.joined() + "</row>"
        let table = try #require(try Self.read(.standard(sheets: [("S", body)])).first)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].values.count == 16_384)
        #expect(table.rows[0].values.last == "16384")
        #expect(table.rows[0].values == (1...16_384).map(String.init))
    }
}
