import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encodes text as CP932 (Windows-31J) one Unicode scalar at a time, from a table built once by
/// decoding every CP932 byte sequence with iconv. Foundation's whole-string Shift_JIS conversion is
/// not used: it traps or loops on some inputs (a string ending in U+FEFF or U+00AD).
///
/// Every scalar ends in one of three ways (docs/machine-readability.md, rule L1-08):
/// - **written**: CP932 has it (JIS X 0208, the NEC and IBM extensions), or it is one of the
///   `aliases` below, written as the CP932 character of the same meaning;
/// - **dropped**: a Unicode default-ignorable code point (invisible by definition: U+00AD soft
///   hyphen, U+200B zero width space, U+FEFF, bidi and variation selectors…);
/// - **refused**: anything else (emoji, 𠮷, hangul, the user-defined area U+E000–U+F8FF): the caller
///   names the file, row and character. Never written as `?`.
public enum CP932Encoder {
    public enum Outcome: Equatable, Sendable {
        case bytes([UInt8])
        case dropped
        case unencodable
    }

    /// Where Unicode and Windows disagree on a JIS X 0208 character, or a common character has a
    /// CP932 twin of the same meaning: the scalar given is written as the bytes of the scalar it maps
    /// to. A file declared `Shift_JIS` is read back with the JIS meaning (the left column of the
    /// first seven), which is what the checker of rule L1-08 expects.
    public static let aliases: [(from: Unicode.Scalar, to: Unicode.Scalar, name: String)] = [
        ("\u{301C}", "\u{FF5E}", "WAVE DASH 〜 → 0x8160（Windowsでは FULLWIDTH TILDE ～）"),
        ("\u{2016}", "\u{2225}", "DOUBLE VERTICAL LINE ‖ → 0x8161（Windowsでは PARALLEL TO ∥）"),
        ("\u{2212}", "\u{FF0D}", "MINUS SIGN − → 0x817C（Windowsでは FULLWIDTH HYPHEN-MINUS －）"),
        ("\u{00A2}", "\u{FFE0}", "CENT SIGN ¢ → 0x8191（Windowsでは ￠）"),
        ("\u{00A3}", "\u{FFE1}", "POUND SIGN £ → 0x8192（Windowsでは ￡）"),
        ("\u{00AC}", "\u{FFE2}", "NOT SIGN ¬ → 0x81CA（Windowsでは ￢）"),
        ("\u{2014}", "\u{2015}", "EM DASH — → 0x815C（Windowsでは HORIZONTAL BAR ―）"),
        ("\u{00A5}", "\u{FFE5}", "YEN SIGN ¥ → 0x818F ￥（0x5C は多くの環境で \\ と読まれるため）"),
        ("\u{203E}", "\u{FFE3}", "OVERLINE ‾ → 0x8150 ￣"),
        ("\u{00A0}", " ", "NO-BREAK SPACE → 0x20 空白"),
    ]

    public static func encode(_ scalar: Unicode.Scalar) -> Outcome {
        if scalar.value <= 0xFFFF, case let code = table[Int(scalar.value)], code != unmapped {
            return .bytes(code < 0x100 ? [UInt8(code)] : [UInt8(code >> 8), UInt8(code & 0xFF)])
        }
        if scalar.properties.isDefaultIgnorableCodePoint { return .dropped }
        return .unencodable
    }

    /// `unmapped`, or the byte (< 0x100) or byte pair (lead << 8 | trail) for each BMP scalar.
    static let table: [UInt16] = {
        var table = [UInt16](repeating: unmapped, count: 0x10000)
        var rank = [Int](repeating: Int.max, count: 0x10000)
        let opened = iconv_open("UTF-32BE", "CP932")
        guard let converter = opened, converter != UnsafeMutableRawPointer(bitPattern: -1) else {
            preconditionFailure("iconv has no CP932 converter")
        }
        defer { iconv_close(converter) }
        for (code, preference) in candidates() {
            guard let scalar = decode(code, with: converter) else { continue }
            let index = Int(scalar.value)
            if preference < rank[index] { (table[index], rank[index]) = (code, preference) }
        }
        for alias in aliases where table[Int(alias.from.value)] == unmapped {
            table[Int(alias.from.value)] = table[Int(alias.to.value)]
        }
        return table
    }()

    static let unmapped: UInt16 = 0xFFFF

    /// Every single byte and byte pair CP932 assigns outside the user-defined area, with the
    /// preference Windows uses when two sequences decode to the same character (¬, ∵, ⅰ): JIS X 0208
    /// first, then NEC row 13, then the IBM extensions, then the NEC-selected IBM extensions.
    static func candidates() -> [(code: UInt16, preference: Int)] {
        var codes: [(UInt16, Int)] = (0x00...0x7F).map { (UInt16($0), 0) } + (0xA1...0xDF).map { (UInt16($0), 0) }
        let leads: [(ClosedRange<UInt16>, Int)] = [(0x81...0x84, 0), (0x88...0x9F, 0), (0xE0...0xEA, 0),
                                                   (0x87...0x87, 1), (0xFA...0xFC, 2), (0xED...0xEE, 3)]
        for (range, preference) in leads {
            for lead in range {
                for trail in UInt16(0x40)...0xFC where trail != 0x7F {
                    codes.append((lead << 8 | trail, preference))
                }
            }
        }
        return codes
    }

    /// One CP932 sequence decoded with iconv; nil when CP932 leaves it unassigned.
    static func decode(_ code: UInt16, with converter: iconv_t) -> Unicode.Scalar? {
        var input: [UInt8] = code < 0x100 ? [UInt8(code)] : [UInt8(code >> 8), UInt8(code & 0xFF)]
        var output = [UInt8](repeating: 0, count: 8)
        iconv(converter, nil, nil, nil, nil)  // reset the shift state
        let converted = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == Int(bitPattern: UInt(bitPattern: -1)) || inLeft != 0 ? -1 : outBuffer.count - outLeft
            }
        }
        guard converted == 4 else { return nil }
        let value = output[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        // The user-defined area decodes to the private use area: machine-dependent by definition.
        guard let scalar = Unicode.Scalar(value), !(0xE000...0xF8FF).contains(value) else { return nil }
        return scalar
    }
}
