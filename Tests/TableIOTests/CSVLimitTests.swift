import Foundation
import Testing
@testable import TableIO

/// Hostile and absurd CSV files (issue 16), made here while the test runs: each limit is enforced
/// while the file streams and refuses with its figure, the file and the cell; what is asserted is
/// counted (rows, bytes), never the wall clock.
@Suite struct CSVLimitTests {
    static func refusal(_ text: String, file: String = "財政課.csv") -> TableReadError? {
        do {
            _ = try CSVReader.parse(text, file: file)
            return nil
        } catch {
            return error
        }
    }

    /// A file in a scratch folder, removed afterwards.
    static func withFile<T>(_ bytes: [UInt8], name: String = "財政課.csv", _ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-\(UUID())-\(name)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        return try body(url)
    }

    static func readRefusal(_ bytes: [UInt8]) throws -> TableReadError? {
        try withFile(bytes) { url in
            do {
                _ = try CSVReader.read(contentsOf: url, displayName: "財政課.csv")
                return nil
            } catch let error as TableReadError {
                return error
            }
        }
    }

    @Test func rowBeyondExcelsLastRowIsRefused() throws {
        let lastRow = String(repeating: "\n", count: TableLimits.maxRow)
        #expect(try CSVReader.parse(lastRow, file: "x").rows.count == 1_048_576)
        let error = try #require(Self.refusal(lastRow + "a\n"))
        #expect(error.message == "行番号1,048,577がExcelの上限1,048,576行を超えています。安全のため読み込みません。")
        #expect(error.description.hasPrefix("財政課.csv!1048577:1048577: "))
    }

    @Test func columnBeyondXFDIsRefusedAtThatCell() throws {
        let fits = String(repeating: ",", count: TableLimits.maxColumn - 1) + "\n"
        #expect(try CSVReader.parse(fits, file: "x").rows[0].values.count == 16_384)
        // A million columns: refused at the 16,385th, never read to the end of the line.
        let error = try #require(Self.refusal("a,b\n" + String(repeating: "a,", count: 1_000_000) + "\n"))
        #expect(error.message == "2行目の列の数がExcelの上限16,384列（XFD列）を超えています。安全のため読み込みません。")
        #expect(error.location == SourceLocation(file: "財政課.csv", row: 2, column: 16_384))
    }

    @Test func cellsAreBoundedPerFile() throws {
        // 611 rows of 16,384 empty cells pass 10 million.
        let row = String(repeating: ",", count: TableLimits.maxColumn - 1) + "\n"
        let rows = TableLimits.maxCells / TableLimits.maxColumn + 1
        let error = try #require(Self.refusal(String(repeating: row, count: rows)))
        #expect(error.message == "CSVのセルが多すぎます（空白を含めて上限10,000,000個）。安全のため読み込みません。")
        #expect(error.location == SourceLocation(file: "財政課.csv", row: rows))
    }

    @Test func cellLongerThan32767CharactersIsRefusedWhereItIsRead() throws {
        let fits = String(repeating: "あ", count: 32_767)
        #expect(try CSVReader.parse("a,\(fits)\n", file: "x").rows[0][2].count == 32_767)
        let error = try #require(Self.refusal("施策ID,取組\nI-1-1,\"\(fits)あ\"\n"))
        #expect(error.message == "セルの文字数が32,768文字あり、Excelのセルの上限32,767文字を超えています。長すぎる文章を分けてください。")
        #expect(error.location == SourceLocation(file: "財政課.csv", row: 2, column: 2))
        // Counted as Excel counts (UTF-16): 16,384 emoji are 32,768.
        #expect(Self.refusal(String(repeating: "😀", count: 16_384))?.message.hasPrefix("セルの文字数が32,768文字") == true)
        // A 12 MB cell in a file: its bytes stop being kept at the limit, the count goes on.
        let big = try #require(try Self.readRefusal(Array("a,b\n1,".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 12_000_000)))
        #expect(big.message.hasPrefix("セルの文字数が12,000,000文字あり"))
        #expect(big.location.cell == "B2")
    }

    @Test func fileLargerThanTheLimitIsRefusedFromItsSize() throws {
        // A sparse file: 4 GiB on paper, a few blocks on disk, deleted at the end.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        // NULs in the first 64 KB say binary; 64 KB of text first, and the size is what refuses it.
        for head in ["", String(repeating: "部署名,財政課\n", count: 4000)] {
            try Data(head.utf8).write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 4 << 30)
            try handle.close()
            #expect {
                try CSVReader.read(contentsOf: url, displayName: "財政課.csv")
            } throws: { error in
                let message = (error as! TableReadError).message
                return head.isEmpty ? message == "CSVファイルではありません（バイナリデータを含んでいます）。"
                    : message.hasPrefix("ファイルが大きすぎます（4,294,967,296バイト、CSVの上限67,108,864バイト）。")
            }
        }
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-\(UUID()).csv").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect {
            try CSVReader.read(contentsOf: URL(fileURLWithPath: path), displayName: "財政課.csv")
        } throws: { ($0 as! TableReadError).message == "通常のファイルではありません（名前付きパイプ(FIFO)）。提出ファイルそのものを入れてください。" }
    }
}

/// Encodings decided row by row: a file whose lines are of both encodings is read line by line
/// (MixedEncodingTests), while every file of one encoding is still read (PRODUCT.md §3).
@Suite struct CSVEncodingScanTests {
    static let header = "施策ID,取組事業内容,評価\r\n"

    @Test func oneEncodingFilesAreStillRead() throws {
        let text = Self.header + "Ⅰ-1-1,\"研修を実施、\r\n①ﾃｽﾄ～\",７\r\n"
        for (bytes, encoding) in [(Array(text.data(using: .shiftJIS)!), CSVEncoding.cp932), (Array(text.utf8), .utf8),
                                  ([0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8BOM),
                                  ([0xFF, 0xFE] + Array(text.replacingOccurrences(of: ",", with: "\t").data(using: .utf16LittleEndian)!), .utf16LE)] {
            let read = try CSVLimitTests.withFile(bytes) { try CSVReader.read(contentsOf: $0) }
            #expect(read.encoding == encoding)
            #expect(read.table.rows[1].values == ["Ⅰ-1-1", "研修を実施、\r\n①ﾃｽﾄ～", "７"], "\(encoding)")
        }
    }

    @Test func aCharacterAcrossTwoChunksIsDecodedWhole() throws {
        // The 1 MB chunk ends between the two bytes of 研 (CP932 0x8CA4) and inside a UTF-16 pair.
        let padding = String(repeating: "a\n", count: (1 << 19) - 1) + "a"
        let cp932 = Array((padding + "研,相談\r\n").data(using: .shiftJIS)!)
        #expect(try CSVLimitTests.withFile(cp932) { try CSVReader.read(contentsOf: $0) }.table.rows.last?.values == ["a研", "相談"])
        let units = String(repeating: "a\n", count: (1 << 18) - 1) + "a"
        let utf16 = [0xFF, 0xFE] + Array((units + "😀\tb\r\n").data(using: .utf16LittleEndian)!)
        #expect(try CSVLimitTests.withFile(utf16) { try CSVReader.read(contentsOf: $0) }.table.rows.last?.values == ["a😀", "b"])
    }

    @Test func aCP932CodeWithoutACharacterNamesItsRow() throws {
        // 0x85 0x40 has the shape of a CP932 character but none is assigned to it.
        let bytes = Array((Self.header + "I-1-1,研修,7\r\n").data(using: .shiftJIS)!) + [0x85, 0x40, 0x2C, 0x31, 0x0D, 0x0A]
        let error = try #require(try CSVLimitTests.readRefusal(bytes))
        #expect(error.message.hasPrefix("3行目にShift_JIS(CP932)の文字として読めないバイト列があります。"))
        #expect(error.location == SourceLocation(file: "財政課.csv", row: 3))
    }

    @Test func aNULAfterTheHeadIsStillBinary() throws {
        let bytes = Array(String(repeating: "a,b\n", count: 40_000).utf8) + [0x00]
        #expect(try CSVLimitTests.readRefusal(bytes)?.message == "CSVファイルではありません（バイナリデータを含んでいます）。")
    }
}
