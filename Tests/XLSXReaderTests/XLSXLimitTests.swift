import Foundation
import TableIO
import Testing
@testable import XLSXReader

/// Hostile and absurd workbooks (issue 16): each limit is enforced while streaming and refuses with
/// its figure and the file, sheet and cell; the bounded counts are asserted, never the wall clock.
@Suite struct XLSXLimitTests {
    static func refusal(_ workbook: GeneratedWorkbook, limits: ZipLimits = .standard) throws -> TableReadError? {
        do {
            _ = try workbook.open("hostile.xlsx", limits: limits).readTables(includeHidden: true)
            return nil
        } catch let error as TableReadError {
            return error
        }
    }

    @Test func rowBeyondExcelsLastRowIsRefused() throws {
        let body = "<row r=\"1048576\"><c><v>1</v></c></row><row r=\"1048577\"><c><v>2</v></c></row>"
        let error = try #require(try Self.refusal(.standard(sheets: [("S", body)])))
        #expect(error.message == "行番号1,048,577がExcelの上限1,048,576行を超えています。安全のため読み込みません。")
        #expect(error.location == SourceLocation(file: "hostile.xlsx", sheet: "S", row: 1_048_577))
        // Row 1,048,576 itself is read.
        let last = try GeneratedWorkbook.standard(sheets: [("S", "<row r=\"1048576\"><c><v>1</v></c></row>")]).open("last.xlsx")
        #expect(try last.readTables()[0].rows.map(\.number) == [1_048_576])
    }

    @Test func rowsWithoutNumbersCannotPassTheLastRowEither() throws {
        let body = String(repeating: "<row/>", count: 1_048_576) + "<row><c><v>1</v></c></row>"
        let error = try #require(try Self.refusal(.standard(sheets: [("S", body)])))
        #expect(error.location == SourceLocation(file: "hostile.xlsx", sheet: "S", row: 1_048_577))
    }

    @Test func columnBeyondXFDIsRefused() throws {
        let error = try #require(try Self.refusal(.standard(sheets: [("S", "<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>")])))
        #expect(error.message == "セルの内容を読めません（列がExcelの上限XFD（16,384列目）を超えています）。")
        #expect(error.location == SourceLocation(file: "hostile.xlsx", sheet: "S", row: 3, column: 16_384))
    }

    @Test func cellsPaddedOutToXFDAreBoundedPerSheet() throws {
        // Each row has one cell at XFD: 16,384 cells a row once padded; 611 rows pass 10 million.
        let rows = SheetStreamReader.maxCells / 16_384 + 1
        let body = (1...rows).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        let error = try #require(try Self.refusal(.standard(sheets: [("S", body)])))
        #expect(error.message == "シートのセルが多すぎます（空白を含めて上限10,000,000個）。安全のため読み込みません。")
        #expect(error.location == SourceLocation(file: "hostile.xlsx", sheet: "S"))
    }

    @Test func cellLongerThan32767CharactersIsRefusedWhereItIsRead() throws {
        let long = String(repeating: "あ", count: 32_768)
        let fits = String(repeating: "あ", count: 32_767)
        let ok = try GeneratedWorkbook.standard(sheets: [("S", "<row r=\"1\"><c t=\"inlineStr\"><is><t>\(fits)</t></is></c></row>")]).open("ok.xlsx")
        #expect(try ok.readTables()[0].rows[0].values[0].count == 32_767)
        let inline = try #require(try Self.refusal(.standard(sheets: [("S", "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>\(long)</t></is></c></row>")])))
        #expect(inline.message == "セルの文字数が32,768文字あり、Excelのセルの上限32,767文字を超えています。長すぎる文章を分けてください。")
        #expect(inline.location == SourceLocation(file: "hostile.xlsx", sheet: "S", row: 4, column: 2))
        let shared = try #require(try Self.refusal(.standard(sheets: [("S", "<row r=\"9\"><c r=\"C9\" t=\"s\"><v>0</v></c></row>")],
                                                             sharedStrings: "<si><t>\(long)</t></si>")))
        #expect(shared.location == SourceLocation(file: "hostile.xlsx", sheet: "S", row: 9, column: 3))
    }

    @Test func sharedStringAmplificationIsCappedPerTable() throws {
        // One 1 MB shared string and 300 cells pointing at it: 300 MB of cell text from a small file.
        let big = String(repeating: "x", count: 1 << 20)
        let cellsPerRow = 30
        let body = (1...10).map { row in
            "<row r=\"\(row)\">" + String(repeating: "<c t=\"s\"><v>0</v></c>", count: cellsPerRow) + "</row>"
        }.joined()
        var workbook = GeneratedWorkbook.standard(sheets: [("S", body)], sharedStrings: "<si><t>\(big.prefix(30_000))</t></si>")
        // 30,000 characters a cell (under Excel's limit) × 300 cells = 9 MB: read.
        let read = try workbook.open("ok.xlsx").readTables()
        #expect(read[0].rows.count == 10)
        // 1 MB a cell would pass the cell limit only through the table cap: use many 30,000-character cells.
        let manyRows = SheetStreamReader.maxTableTextBytes / (30_000 * cellsPerRow) + 1
        let hostileBody = (1...manyRows).map { row in
            "<row r=\"\(row)\">" + String(repeating: "<c t=\"s\"><v>0</v></c>", count: cellsPerRow) + "</row>"
        }.joined()
        workbook = .standard(sheets: [("S", hostileBody)], sharedStrings: "<si><t>\(big.prefix(30_000))</t></si>")
        let error = try #require(try Self.refusal(workbook))
        #expect(error.message == "シートの文字の合計が上限（268,435,456バイト）を超えます（同じ長い文字列を多くのセルが参照しています）。安全のため読み込みません。")
        #expect(error.location == SourceLocation(file: "hostile.xlsx", sheet: "S", row: manyRows))
    }

    @Test func elementWithManyAttributesIsRefusedBeforeParsing() throws {
        let attributes = (0..<400_000).map { " a\($0)=\"1\"" }.joined()
        let sheet = "<row r=\"1\"><c\(attributes)><v>1</v></c></row>"
        let error = try #require(try Self.refusal(.standard(sheets: [("S", sheet)])))
        #expect(error.message == "部品「xl/worksheets/sheet1.xml」に属性が1,000個を超える要素があります。Excelの作るファイルにはないもので、安全のため読み込みません。")
        // In the workbook part too (the sheet list), and in a comment it is nothing.
        var workbook = GeneratedWorkbook.standard(sheets: [("S", "<!-- <c" + String(repeating: " a=\"1\"", count: 2000) + "> ' --><row r=\"1\"><c><v>1</v></c></row>")])
        #expect(try workbook.open("ok.xlsx").readTables()[0].rows.count == 1)
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        workbook.add("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"\(attributes)/></sheets></workbook>")
        let inWorkbook = try #require(try Self.refusal(workbook))
        #expect(inWorkbook.message.hasPrefix("部品「xl/workbook.xml」に属性が1,000個を超える要素があります。"))
        // The counter itself: exactly the limit passes, one more does not.
        var scanner = MarkupScanner()
        let exact = Array(("<c" + String(repeating: " a=\"=>\"", count: 1000) + ">").utf8)
        #expect(exact.withUnsafeBufferPointer { scanner.scan($0) })
        let over = Array(("<c" + String(repeating: " a='1'", count: 1001) + "/>").utf8)
        #expect(!over.withUnsafeBufferPointer { scanner.scan($0) })
    }

    @Test func sheetsSharingOnePartAreRefused() throws {
        var workbook = GeneratedWorkbook.standard(sheets: [("S", "<row r=\"1\"><c><v>1</v></c></row>")])
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let sheets = (1...500).map { "<sheet name=\"S\($0)\" sheetId=\"\($0)\" r:id=\"rId1\"/>" }.joined()
        workbook.add("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(rel)\"><sheets>\(sheets)</sheets></workbook>")
        let error = try #require(try Self.refusal(workbook))
        #expect(error.message == "500枚のシート（「S1」「S2」「S3」ほか）が同じ部品「xl/worksheets/sheet1.xml」を指しています（1部品に1シートまで）。"
                + "Excelの作るファイルにはないもので、安全のため読み込みません。")
        #expect(error.location == SourceLocation(file: "hostile.xlsx"))
    }

    @Test func inflateBudgetCountsEveryPartRead() throws {
        // Three sheets of 4,000 bytes each: a budget of 10,000 bytes is passed by the third.
        let body = String(repeating: "<row><c><v>1</v></c></row>", count: 160)
        let workbook = GeneratedWorkbook.standard(sheets: [("A", body), ("B", body), ("C", body)])
        var limits = ZipLimits()
        limits.maxTotalBytes = 10_000
        let error = try #require(try Self.refusal(workbook, limits: limits))
        #expect(error.message == "ブックの部品を展開した合計が上限（10,000バイト）を超えます。ZIP爆弾の疑いがあるため読み込みません。")
        #expect(ZipLimits.standard.maxTotalBytes == 256 << 20)
    }

    @Test func partMoreCompressedThanAnyHonestXMLIsRefusedAtOnce() throws {
        // 8 MB of one repeated row, deflated about 1:1000: refused before it is inflated.
        var workbook = GeneratedWorkbook.standard(sheets: [("S", String(repeating: "<row><c><v>1</v></c></row>", count: 320_000))])
        workbook.add("xl/worksheets/sheet1.xml", workbook.parts.first { $0.name == "xl/worksheets/sheet1.xml" }!.data, deflate: true)
        let error = try #require(try Self.refusal(workbook))
        #expect(error.message.hasPrefix("部品「xl/worksheets/sheet1.xml」の圧縮率が異常です"))
    }
}
