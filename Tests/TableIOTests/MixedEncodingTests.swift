import Foundation
import Testing
@testable import TableIO

/// Issue 28: a CP932 file into which text was pasted as UTF-8 (a line, or one field) is read with
/// each part in its own encoding, never as mojibake; what the bytes cannot decide is refused,
/// naming the line; and CP932 text that happens to be valid UTF-8 is never read as UTF-8.
@Suite struct MixedEncodingTests {
    static let header = "施策ID,取組事業内容,評価\r\n"

    static func cp932(_ text: String) -> [UInt8] { Array(text.data(using: .shiftJIS)!) }

    static func read(_ bytes: [UInt8]) throws -> (table: Table, encoding: CSVEncoding) {
        try CSVLimitTests.withFile(bytes) { try CSVReader.read(contentsOf: $0, displayName: "財政課.csv") }
    }

    @Test func aFieldPastedAsUTF8IntoACP932LineIsReadAsUTF8() throws {
        // The file: every byte is valid CP932, and read as CP932 the field is 遐比ｿｮ繧貞ｮ滓命縺励∪縺励◆.
        let pasted = Array("研修を実施しました".utf8)
        #expect(String(bytes: pasted, encoding: .shiftJIS) == "遐比ｿｮ繧貞ｮ滓命縺励∪縺励◆")
        let bytes = Self.cp932(Self.header + "I-1-1,相談窓口を開設,8\r\nI-1-2,") + pasted + Self.cp932(",7\r\nI-1-3,説明会を開催,5\r\n")
        let read = try Self.read(bytes)
        #expect(read.encoding == .cp932)
        #expect(read.table.rows.map(\.values) == [["施策ID", "取組事業内容", "評価"], ["I-1-1", "相談窓口を開設", "8"],
                                                  ["I-1-2", "研修を実施しました", "7"], ["I-1-3", "説明会を開催", "5"]])
        // Said once, as a record of what was decided: the line read in the other encoding.
        #expect(read.table.notices == [TableNotice(SourceLocation(file: "財政課.csv", row: 3),
            "文字コードが混在しています。ファイルはShift_JIS(CP932)ですが、3行目にはUTF-8の文字列があり、それぞれの文字コードで読みました（文字化けはありません）。"
            + "ほかのソフトで開くと一部が文字化けするため、ファイル全体を一つの文字コードで保存し直すことをお勧めします。", kind: .mixedEncoding)])
        // The same bytes held in memory decode the same way.
        #expect(try TextEncodingDetector.decode(Data(bytes), file: "財政課.csv").text.contains("I-1-2,研修を実施しました,7"))
    }

    @Test func wholeLinesOfTheOtherEncodingAreReadInTheirOwn() throws {
        // CP932 mostly, one UTF-8 line; UTF-8 mostly, one CP932 line; a UTF-8 BOM with a CP932 line.
        let cp932 = Self.cp932(Self.header + "I-1-1,研修を実施,7\r\n") + Array("I-1-2,相談窓口を開設,8\r\n".utf8)
        #expect(try Self.read(cp932).table.rows.last?.values == ["I-1-2", "相談窓口を開設", "8"])
        #expect(try Self.read(cp932).table.rows[1].values == ["I-1-1", "研修を実施", "7"])
        let utf8 = Array((Self.header + "I-1-1,研修を実施,7\r\n").utf8) + Self.cp932("I-1-2,相談窓口を開設,8\r\n")
        let read = try Self.read(utf8)
        #expect(read.encoding == .utf8)
        #expect(read.table.rows.map(\.values) == [["施策ID", "取組事業内容", "評価"], ["I-1-1", "研修を実施", "7"], ["I-1-2", "相談窓口を開設", "8"]])
        let bom = [0xEF, 0xBB, 0xBF] + Self.cp932("部署名,財政課\r\n") + Array("年度,令和2年度\r\n".utf8)
        let declared = try Self.read(bom)
        #expect(declared.encoding == .utf8BOM)
        #expect(declared.table.rows.map(\.values) == [["部署名", "財政課"], ["年度", "令和2年度"]])
    }

    @Test func textReadableAsJapaneseEitherWayIsRefusedNamingTheLine() throws {
        // UTF-8 委員 is also CP932 蟋泌藤: in a CP932 file nothing says which was meant.
        let pasted = Array("委員".utf8)
        #expect(String(bytes: pasted, encoding: .shiftJIS) == "蟋泌藤")
        let bytes = Self.cp932(Self.header + "I-1-1,研修を実施,7\r\nI-1-2,") + pasted + Self.cp932(",7\r\n")
        let error = try #require(try CSVLimitTests.readRefusal(bytes))
        #expect(error.location == SourceLocation(file: "財政課.csv", row: 3))
        #expect(error.message.hasPrefix("文字コードを判別できません（3行目の文字列はUTF-8としてもShift_JIS(CP932)としても日本語として読めるため"))
        // In a file with lines of both encodings, a run valid in both is refused too (UTF-8 ý is CP932 ﾃｽ).
        let mixed = Self.cp932(Self.header + "I-1-1,研修を実施,7\r\n") + Array("I-1-2,相談窓口を開設,8\r\nI-1-3,ý,1\r\n".utf8)
        let other = try #require(try CSVLimitTests.readRefusal(mixed))
        #expect(other.location == SourceLocation(file: "財政課.csv", row: 4))
        #expect(other.message.contains("UTF-8の行とShift_JIS(CP932)の行が混在しており、4行目にどちらとしても読める文字列がある"))
        // The same 委員 in a UTF-8 file is UTF-8: CP932 text is valid UTF-8 only by rare accident.
        #expect(try Self.read(Array((Self.header + "I-1-1,委員,7\r\n").utf8)).table.rows.last?.values == ["I-1-1", "委員", "7"])
    }

    /// CP932 strings of three level-2 kanji whose bytes are also valid UTF-8 (E?xx 9?E? 9?xx), found
    /// by walking the byte ranges that can give that shape.
    static let level2ValidAsUTF8: [String] = {
        var found: [String] = []
        for lead1 in stride(from: UInt8(0xE0), through: 0xEA, by: 2) {
            for trail1 in stride(from: UInt8(0x80), through: 0xBF, by: 11) {
                for lead2 in stride(from: UInt8(0x98), through: 0x9F, by: 3) {
                    for trail2 in stride(from: UInt8(0xE0), through: 0xEA, by: 3) {
                        for trail3 in stride(from: UInt8(0x80), through: 0xBF, by: 29) {
                            let bytes = [lead1, trail1, lead2, trail2, UInt8(0x9A), trail3]
                            guard String(validating: bytes, as: UTF8.self) != nil,
                                  let text = String(bytes: bytes, encoding: .shiftJIS), text.count == 3,
                                  text.unicodeScalars.allSatisfy({ scalar in
                                      // Level 2 of JIS X 0208: CP932 0x989F-0xEAA4.
                                      let code = String(scalar).data(using: .shiftJIS).map { Int($0[0]) << 8 | Int($0[1]) } ?? 0
                                      return (0x989F...0xEAA4).contains(code)
                                  }) else { continue }
                            found.append(text)
                        }
                    }
                }
            }
        }
        return found
    }()

    @Test func cp932OfLevel2KanjiIsNeverReadAsUTF8() throws {
        let samples = Self.level2ValidAsUTF8
        #expect(samples.count > 100)
        // Each in a CP932 file (its header says so) is read as itself, or refused naming its line
        // when its UTF-8 reading is ordinary Japanese too: never read as UTF-8.
        var readAsItself: [String] = []
        for sample in samples {
            do {
                let read = try Self.read(Self.cp932(Self.header + "I-1-1," + sample + ",7\r\n"))
                #expect(read.table.rows.last?.values == ["I-1-1", sample, "7"])
                readAsItself.append(sample)
            } catch let error as TableReadError {
                #expect(error.location == SourceLocation(file: "財政課.csv", row: 2))
                #expect(error.message.hasPrefix("文字コードを判別できません（2行目の文字列はUTF-8としてもShift_JIS(CP932)としても日本語として読める"))
            }
        }
        #expect(readAsItself.count > samples.count / 2)
        // Together, with nothing else to say CP932 (no header), they are read as CP932 still.
        let read = try Self.read(Self.cp932(readAsItself.map { $0 + "\r\n" }.joined()))
        #expect(read.encoding == .cp932)
        #expect(read.table.rows.map { $0.values[0] } == readAsItself)
    }

    /// Ordinary Japanese as the evidence rule means it: full-width CP932 characters of three UTF-8
    /// bytes outside the Greek, Cyrillic and box-drawing rows, level-2 kanji included.
    static let japanese: [Character] = {
        var found: [Character] = []
        for lead in Array(0x81...0x9F) + Array(0xE0...0xEA) + [0xED, 0xEE, 0xFA, 0xFB, 0xFC] {
            for trail in 0x40...0xFC where trail != 0x7F && !(0x839F...0x84BE).contains(lead << 8 | trail) {
                let bytes = Data([UInt8(lead), UInt8(trail)])
                guard let text = String(data: bytes, encoding: .shiftJIS), text.count == 1, text.utf8.count == 3,
                      text.data(using: .shiftJIS) == bytes, let character = text.first,
                      !(0xE000...0xF8FF).contains(character.unicodeScalars.first!.value) else { continue }
                found.append(character)
            }
        }
        return found
    }()

    /// SplitMix64: the same files on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D1_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomFilesOfBothEncodingsReadAsWrittenOrAreRefused() throws {
        // What fuzz-csv-mixed explores without end, a fixed sample here: lines of ordinary Japanese
        // in either encoding, most files of one encoding with a line or two of the other.
        var random = Seeded(state: 28)
        var asWritten = 0, refused = 0
        for _ in 0..<400 {
            let cp932File = Bool.random(using: &random)
            var lines: [(text: String, cp932: Bool)] = []
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let fields = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                    String((0..<Int.random(in: 1...6, using: &random)).map { _ in Self.japanese.randomElement(using: &random)! })
                }
                lines.append((fields.joined(separator: ","), Int.random(in: 0..<5, using: &random) == 0 ? !cp932File : cp932File))
            }
            var bytes: [UInt8] = []
            for line in lines {
                bytes += line.cp932 ? Array(line.text.data(using: .shiftJIS)!) : Array(line.text.utf8)
                bytes += [0x0D, 0x0A]
            }
            do {
                let read = try Self.read(bytes)
                #expect(read.table.rows.map(\.values) == lines.map { $0.text.components(separatedBy: ",") }, "\(lines)")
                asWritten += 1
            } catch let error as TableReadError {
                #expect(error.message.hasPrefix("文字コードを判別できません"), "\(error.message)")
                refused += 1
            }
        }
        #expect(asWritten > 300, "read \(asWritten), refused \(refused)")
    }
}
