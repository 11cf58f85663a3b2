import Foundation
import Testing
@testable import TableIO

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let table = try CSVReader.parse("ID,取組\r\nI-1-1,\"研修を実施、\"\"3回\"\"\r\n開催\"\r\n", file: "a.csv")
        #expect(table.rows.map(\.values) == [["ID", "取組"], ["I-1-1", "研修を実施、\"3回\"\r\n開催"]])
        #expect(table.rows.map(\.number) == [1, 2])
    }

    @Test func acceptsLFAndCRAndAMissingFinalNewline() throws {
        #expect(try CSVReader.parse("a,b\nc,d", file: "x").rows.map(\.values) == [["a", "b"], ["c", "d"]])
        #expect(try CSVReader.parse("a,b\rc,d\r", file: "x").rows.map(\.values) == [["a", "b"], ["c", "d"]])
        #expect(try CSVReader.parse("a,\"\"\n,\n", file: "x").rows.map(\.values) == [["a", ""], ["", ""]])
    }

    @Test func keepsRaggedRowsAsTheyAre() throws {
        let table = try CSVReader.parse("a,b,c\n1\n1,2,3,4\n", file: "x")
        #expect(table.rows.map(\.values.count) == [3, 1, 4])
        #expect(table.rows[1][3] == "")
    }

    @Test func anUnclosedQuoteNamesWhereItOpened() {
        #expect {
            try CSVReader.parse("ID,取組,評価\nI-1-1,\"研修,7\nI-1-2,相談,8\n", file: "総務課.csv")
        } throws: { error in
            let error = error as! TableReadError
            return error.location == SourceLocation(file: "総務課.csv", row: 2, column: 2)
                && error.description.hasPrefix("総務課.csv!B2: ") && error.message.contains("閉じられていません")
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect {
            try CSVReader.parse("a,b\n\"x\"y,2\n", file: "f.csv")
        } throws: { ($0 as! TableReadError).location.cell == "A2" }
        #expect {
            try CSVReader.parse("a,b\n1,ab\"c\n", file: "f.csv")
        } throws: { ($0 as! TableReadError).location.cell == "B2" }
    }

    @Test func detectsUTF8WithAndWithoutBOMAndCP932() throws {
        let text = "部署名,行政監理室\r\n評価,①\r\n"
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        #expect(try TextEncodingDetector.decode(bom, file: "a").encoding == .utf8BOM)
        #expect(try TextEncodingDetector.decode(bom, file: "a").text == text)
        #expect(try TextEncodingDetector.decode(Data(text.utf8), file: "a").encoding == .utf8)
        // 部署名 in CP932, and ① (0x8740), one of the NEC extensions Shift_JIS proper lacks.
        let cp932 = Data([0x95, 0x94, 0x8F, 0x90, 0x96, 0xBC, 0x2C, 0x87, 0x40])
        let decoded = try TextEncodingDetector.decode(cp932, file: "a")
        #expect(decoded.encoding == .cp932)
        #expect(decoded.text == "部署名,①")
    }

    @Test func refusesBinaryAndUndecodableFiles() {
        let cases: [(Data, String)] = [
            (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "Excel 97-2003"),
            (Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "ZIP"),
            (Data([0x61, 0x00, 0x62]), "バイナリ"),
            (Data([0x82, 0xA0, 0xFF, 0xFE, 0x41]), "文字コード"),
        ]
        for (data, phrase) in cases {
            #expect {
                try TextEncodingDetector.decode(data, file: "x.csv")
            } throws: { ($0 as! TableReadError).message.contains(phrase) && ($0 as! TableReadError).location.file == "x.csv" }
        }
    }

    @Test func readsAFileAsExcelSavesIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "施策ID,評価\r\nⅠ-1-1,７\r\n".data(using: .shiftJIS)!.write(to: url)
        let (table, encoding) = try CSVReader.read(contentsOf: url, displayName: "総務課.csv")
        #expect(encoding == .cp932)
        #expect(table.file == "総務課.csv")
        #expect(table.rows[1].values == ["Ⅰ-1-1", "７"])
    }
}
