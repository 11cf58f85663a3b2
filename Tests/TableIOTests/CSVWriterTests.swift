import Foundation
import Testing
@testable import TableIO

@Suite struct CSVWriterTests {
    @Test func writesBOMCRLFAndQuotesOnlyWhenNeeded() throws {
        let data = try CSVWriter.encode(header: ["id", "title"], rows: [["I-1", "計画, \"NEXT\""], ["I-2", "plain"]], encoding: .utf8BOM)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "id,title\r\nI-1,\"計画, \"\"NEXT\"\"\"\r\nI-2,plain\r\n")
    }

    @Test func writesCP932AndRefusesWhatItCannotEncode() throws {
        let data = try CSVWriter.encode(header: ["部署"], rows: [["行政監理室"]], encoding: .cp932)
        #expect(String(data: data, encoding: .shiftJIS) == "部署\r\n行政監理室\r\n")
        #expect(throws: CSVWriter.WriteError.self) {
            try CSVWriter.encode(header: ["x"], rows: [["😀"]], encoding: .cp932)
        }
    }

    @Test func roundTripsThroughTheReader() throws {
        let rows = [["a,b", "\"q\"", "line1\nline2", ""]]
        let data = try CSVWriter.encode(header: ["1", "2", "3", "4"], rows: rows, encoding: .utf8)
        let table = try CSVReader.parse(String(decoding: data, as: UTF8.self), file: "x")
        #expect(table.rows[1].values == rows[0])
    }

    /// A comma or a quote followed by a combining mark is one Swift Character equal to neither.
    @Test func quotesACommaOrQuoteThatCarriesACombiningMark() throws {
        let rows = [["B,\u{0310}ID", "x\"\u{0301}y", "a\r\u{0300}b"]]
        let data = try CSVWriter.encode(header: ["1", "2", "3"], rows: rows, encoding: .utf8)
        #expect(String(decoding: data, as: UTF8.self) == "1,2,3\r\n\"B,\u{0310}ID\",\"x\"\"\u{0301}y\",\"a\r\u{0300}b\"\r\n")
        let table = try CSVReader.parse(String(decoding: data, as: UTF8.self), file: "x")
        #expect(table.rows[1].values == rows[0])
    }

    /// The UTF-8 path writes bytes; the text path (UTF-16 output) builds strings: the same text.
    @Test func utf8BytesAreTheTextPathsText() throws {
        let pieces = ["a", ",", "\"", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{C2}", "課", "😀", "\u{0310}", " "]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let field = { (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
            let header = (0..<3).map { _ in field() }
            let rows = (0..<Int.random(in: 0...4, using: &random)).map { _ in (0..<3).map { _ in field() } }
            let data = try CSVWriter.encode(header: header, rows: rows, encoding: .utf8)
            #expect(data == Data(CSVWriter.text(header, rows).utf8), "\(header) \(rows)")
        }
    }

    @Test func cellReferences() {
        #expect(CellReference.a1(row: 12, column: 6) == "F12")
        #expect(CellReference.columnLetters(27) == "AA")
        #expect(CellReference.columnLetters(702) == "ZZ")
        #expect(CellReference.parse("AA10")! == (10, 27))
        #expect(CellReference.parse("$B$3")! == (3, 2))
        #expect(CellReference.parse("10") == nil)
        #expect(CellReference.parse("B0") == nil)
        #expect(SourceLocation(file: "a.xlsx", sheet: "提出票", row: 12, column: 6).description == "a.xlsx 提出票!F12")
    }
}
