import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TableIO
import TestSupport

/// The CP932 writer over every BMP code point and over random strings: it never traps or loops,
/// never writes `?` for a character it cannot hold, and what it writes reads back as what it was
/// given (after the documented aliases and the dropped invisible characters).
@Suite struct CP932EncoderTests {
    /// A written character read back with Foundation's decoder, one character a time.
    static func decoded(_ bytes: [UInt8]) -> String? { String(data: Data(bytes), encoding: .shiftJIS) }

    /// A whole file read back with iconv: Foundation's Shift_JIS decoder swaps 0x1A, 0x1C and 0x7F
    /// after a double-byte character (IBM's control mapping), which CP932 does not.
    static func iconvDecoded(_ data: Data) -> String? {
        guard let converter = iconv_open("UTF-8", "CP932"), converter != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [UInt8](data), output = [UInt8](repeating: 0, count: data.count * 4 + 4)
        let ok = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == Int(bitPattern: UInt(bitPattern: -1)) || inLeft != 0 ? -1 : outBuffer.count - outLeft
            }
        }
        return ok < 0 ? nil : String(decoding: output.prefix(ok), as: UTF8.self)
    }

    /// The documented aliases folded to the character they are written as (Foundation may read
    /// 0x8160 as either 〜 or ～).
    static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(CP932Encoder.aliases.first { $0.from == scalar || $0.to == scalar }?.to ?? scalar)
        }
        return String(scalars)
    }

    static func expected(_ text: String) -> String {
        folded(String(String.UnicodeScalarView(text.unicodeScalars.filter { CP932Encoder.encode($0) != .dropped })))
    }

    @Test func everyBMPCodePointIsWrittenDroppedOrRefused() throws {
        var counts = (written: 0, dropped: 0, refused: 0)
        var mismatches: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates are no scalars
            switch CP932Encoder.encode(scalar) {
            case let .bytes(bytes):
                counts.written += 1
                #expect(!(bytes == [0x3F] && scalar != "?"), "U+\(String(value, radix: 16)) written as ?")
                let back = Self.decoded(bytes).map(Self.folded)
                if back != Self.folded(String(scalar)) { mismatches.append("U+\(String(value, radix: 16)) → \(bytes) → \(back ?? "nil")") }
            case .dropped:
                counts.dropped += 1
                #expect(scalar.properties.isDefaultIgnorableCodePoint)
            case .unencodable:
                counts.refused += 1
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        // CP932's distinct characters outside the user-defined area, plus the ten aliases.
        #expect(counts.written == 7_527, "\(counts)")
        #expect(counts.written + counts.dropped + counts.refused == 0x10000 - 0x800)
        print("CP932 over the BMP: written \(counts.written), dropped \(counts.dropped), refused \(counts.refused)")
    }

    @Test func theAliasesAndTheWindowsPreferences() {
        for (from, to) in [("〜", "～"), ("‖", "∥"), ("−", "－"), ("¢", "￠"), ("£", "￡"), ("¬", "￢"), ("—", "―"), ("¥", "￥")] {
            #expect(CP932Encoder.encode(from.unicodeScalars.first!) == CP932Encoder.encode(to.unicodeScalars.first!), "\(from)")
        }
        #expect(CP932Encoder.encode("～") == .bytes([0x81, 0x60]))
        #expect(CP932Encoder.encode("¬") == .bytes([0x81, 0xCA]), "JIS X 0208 before the IBM extension 0xEEF9")
        #expect(CP932Encoder.encode("Ⅰ") == .bytes([0x87, 0x54]), "NEC row 13 before IBM 0xFA4A")
        #expect(CP932Encoder.encode("ⅰ") == .bytes([0xFA, 0x40]), "IBM before NEC-selected IBM 0xEEEF")
        #expect(CP932Encoder.encode("\u{E000}") == .unencodable, "the user-defined area is machine-dependent")
        #expect(CP932Encoder.encode("\u{0080}") == .unencodable)
    }

    /// The inputs fuzzing found: an activity ending in U+FEFF or U+00AD trapped or looped in
    /// Foundation's conversion.
    @Test func invisibleFormatCharactersAreDropped() throws {
        for ending in ["\u{FEFF}", "\u{00AD}", "\u{200B}", "\u{2060}", "\u{200D}", "\u{FE0F}"] {
            let data = try CSVWriter.encode(header: ["activity"], rows: [["講座を開催" + ending]], encoding: .cp932)
            #expect(String(data: data, encoding: .shiftJIS) == "activity\r\n講座を開催\r\n")
        }
    }

    @Test func refusalNamesRecordColumnAndCodePoint() {
        do {
            _ = try CSVWriter.encode(header: ["id", "activity"], rows: [["1", "ok"], ["2", "𠮷野家と😀"]], encoding: .cp932)
            Issue.record("no refusal")
        } catch let CSVWriter.WriteError.unencodable(found, _) {
            #expect(found.map(\.record) == [3, 3] && found.map(\.column) == ["activity", "activity"])
            #expect(found.map(\.characterText) == ["「𠮷」（U+20BB7）", "「😀」（U+1F600）"])
        } catch { Issue.record("\(error)") }
    }

    /// Random strings drawn from every class of BMP code point (and beyond): each is written and
    /// reads back as given, or is refused naming exactly the characters CP932 cannot hold.
    @Test func randomStringsNeverTrapAndRoundTrip() throws {
        var random = SplitMix64(seed: 0x5EED_CB93)
        let classes: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x00...0x1F, 0x7F...0x9F, 0xA0...0xFF, 0x370...0x4FF, 0x2000...0x206F, 0x2100...0x22FF,
            0x2460...0x24FF, 0x2500...0x257F, 0x3000...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xE000...0xF8FF,
            0xF900...0xFAFF, 0xFE00...0xFE6F, 0xFF00...0xFFEF, 0xFFF0...0xFFFF, 0x0...0xFFFF, 0x1F300...0x1F6FF,
            0x20000...0x2A6DF, 0xE0000...0xE007F,
        ]
        let special: [Unicode.Scalar] = CP932Encoder.aliases.flatMap { [$0.from, $0.to] } + ["\u{FEFF}", "\u{00AD}", "\u{200B}", ",", "\"", "\r", "\n"]
        let trials = 30_000
        var (written, refused, scalarsTried) = (0, 0, 0)
        for _ in 0..<trials {
            var scalars = String.UnicodeScalarView()
            // Half the strings hold only characters CP932 can write (or drops), so both outcomes are common.
            let writable = random.next() % 2 == 0
            let length = Int(random.next() % 41)
            while scalars.count < length {
                if random.next() % 8 == 0 {
                    scalars.append(special[Int(random.next() % UInt64(special.count))])
                } else {
                    let range = classes[Int(random.next() % UInt64(classes.count))]
                    if let scalar = Unicode.Scalar(range.lowerBound + UInt32(random.next() % UInt64(range.count))),
                       !writable || CP932Encoder.encode(scalar) != .unencodable {
                        scalars.append(scalar)
                    }
                }
            }
            scalarsTried += scalars.count
            let text = String(scalars)
            let cannot = text.unicodeScalars.filter { CP932Encoder.encode($0) == .unencodable }
            do {
                let data = try CSVWriter.encode(header: ["v"], rows: [[text]], encoding: .cp932)
                written += 1
                #expect(cannot.isEmpty)
                let back = try #require(Self.iconvDecoded(data), "\(Array(text.unicodeScalars))")
                #expect(Self.folded(back) == Self.expected("v\r\n" + CSVWriter.quoted(text) + "\r\n"), "\(Array(text.unicodeScalars))")
            } catch let CSVWriter.WriteError.unencodable(found, _) {
                refused += 1
                #expect(found.map(\.character) == Array(cannot))
                #expect(found.allSatisfy { $0.record == 2 && $0.column == "v" })
            }
        }
        #expect(written > 10_000 && refused > 10_000, "both outcomes are exercised")
        print("CP932 random strings: \(trials) tried (\(scalarsTried) scalars), \(written) written and read back, \(refused) refused")
    }
}
