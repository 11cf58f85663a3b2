#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of bytes says about its own encoding. A run ends at any byte below 0x40 (comma,
/// tab, quote, digit, space, line break): such a byte is never part of a multi-byte character in
/// UTF-8 or in CP932 (whose trail bytes start at 0x40), so every run starts on a character
/// boundary in both, and a line into which text from another file was pasted splits into runs of
/// one encoding each.
///
/// The evidence is asymmetric on purpose. A run is UTF-8 when it is valid UTF-8 with a three- or
/// four-byte sequence, every character it decodes to is ordinary Japanese (a full-width CP932
/// character outside the Greek, Cyrillic and box-drawing rows), and read as CP932 it is not
/// plausible text (half-width katakana, those rows, or unassigned codes: what UTF-8 read as CP932
/// looks like, `遐比ｿｮ`). CP932 text of level-2 kanji alone is sometimes valid UTF-8, but it is
/// always plausible CP932, so it is never taken for UTF-8: at worst it is `ambiguousJapanese`,
/// which a CP932 file refuses rather than guesses.
struct SegmentEvidence {
    enum Kind: Equatable {
        case ascii
        case utf8
        case cp932
        /// Both readings are ordinary Japanese (UTF-8 `委員` reads as CP932 `蟋泌藤`).
        case ambiguousJapanese
        /// Valid in both, ordinary in neither (UTF-8 `ý` is CP932 `ﾃｽ`): the file's encoding decides.
        case ambiguousOther
        /// Valid in neither.
        case invalid
    }

    private var nonASCII = false
    private var utf8Valid = true, utf8Wide = false, utf8Ordinary = true
    private var utf8Need = 0, utf8Low: UInt8 = 0x80, utf8High: UInt8 = 0xBF
    private var scalar: UInt32 = 0
    private var cp932Valid = true, cp932Plausible = true
    private var cp932Lead: UInt8 = 0

    /// Whether the byte ends a run (and is itself ASCII, outside every run).
    @inline(__always)
    static func isBoundary(_ byte: UInt8) -> Bool { byte < 0x40 }

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        if byte >= 0x80 { nonASCII = true }
        addUTF8(byte)
        addCP932(byte)
    }

    @inline(__always)
    private mutating func addUTF8(_ byte: UInt8) {
        guard utf8Valid else { return }
        if utf8Need > 0 {
            guard byte >= utf8Low && byte <= utf8High else { utf8Valid = false; return }
            utf8Need -= 1
            utf8Low = 0x80
            utf8High = 0xBF
            scalar = scalar << 6 | UInt32(byte & 0x3F)
            if utf8Need == 0 && utf8Ordinary { utf8Ordinary = Self.isOrdinaryJapanese(scalar) }
            return
        }
        switch byte {
        case 0x00...0x7F: return
        case 0xC2...0xDF: utf8Need = 1; scalar = UInt32(byte & 0x1F)
        case 0xE0: utf8Need = 2; utf8Low = 0xA0; scalar = 0
        case 0xE1...0xEC, 0xEE...0xEF: utf8Need = 2; scalar = UInt32(byte & 0x0F)
        case 0xED: utf8Need = 2; utf8High = 0x9F; scalar = UInt32(byte & 0x0F)  // no surrogates
        case 0xF0: utf8Need = 3; utf8Low = 0x90; scalar = 0
        case 0xF1...0xF3: utf8Need = 3; scalar = UInt32(byte & 0x07)
        case 0xF4: utf8Need = 3; utf8High = 0x8F; scalar = 4  // nothing past U+10FFFF
        default: utf8Valid = false
        }
        if utf8Need >= 2 { utf8Wide = true }
    }

    @inline(__always)
    private mutating func addCP932(_ byte: UInt8) {
        guard cp932Valid else { return }
        if cp932Lead != 0 {
            guard (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte) else { cp932Valid = false; return }
            if cp932Plausible { cp932Plausible = Self.plausibleCP932[Int(cp932Lead) << 8 | Int(byte)] }
            cp932Lead = 0
            return
        }
        switch byte {
        case 0x00...0x7F: break
        case 0xA1...0xDF: cp932Plausible = false  // half-width katakana: UTF-8's continuation bytes
        case 0x81...0x9F, 0xE0...0xFC: cp932Lead = byte
        default: cp932Valid = false
        }
    }

    /// The run's verdict; the evidence starts afresh for the next run.
    mutating func end() -> Kind {
        defer { self = SegmentEvidence() }
        guard nonASCII else { return .ascii }
        let utf8 = utf8Valid && utf8Need == 0, cp932 = cp932Valid && cp932Lead == 0
        switch (utf8, cp932) {
        case (false, false): return .invalid
        case (true, false): return .utf8
        case (false, true): return .cp932
        case (true, true):
            let japanese = utf8Wide && utf8Ordinary
            switch (japanese, cp932Plausible) {
            case (true, false): return .utf8
            case (false, true): return .cp932
            case (true, true): return .ambiguousJapanese
            case (false, false): return .ambiguousOther
            }
        }
    }

    /// A character a Japanese office writes: one CP932 has, full-width, outside the rows of
    /// Greek, Cyrillic and box drawing (what the mojibake of CP932 read as UTF-8 is made of).
    static func isOrdinaryJapanese(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return true }
        guard scalar <= 0xFFFF else { return false }
        let code = CP932Encoder.table[Int(scalar)]
        return code != CP932Encoder.unmapped && code >= 0x100 && !(0x839F...0x84BE).contains(code)
    }

    /// Every CP932 byte pair that is a character of Japanese text: assigned, and outside the rows
    /// of Greek, Cyrillic and box drawing.
    static let plausibleCP932: [Bool] = {
        var plausible = [Bool](repeating: false, count: 0x10000)
        let opened = iconv_open("UTF-32BE", "CP932")
        guard let converter = opened, converter != UnsafeMutableRawPointer(bitPattern: -1) else {
            preconditionFailure("iconv has no CP932 converter")
        }
        defer { iconv_close(converter) }
        for (code, _) in CP932Encoder.candidates() where code >= 0x100 && !(0x839F...0x84BE).contains(code) {
            plausible[Int(code)] = CP932Encoder.decode(code, with: converter) != nil
        }
        return plausible
    }()
}
