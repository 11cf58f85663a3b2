/// Decides a BOM-less CSV's encoding from its bytes, row by row, in one pass of constant memory:
/// each row is checked as UTF-8 (exactly) and as CP932 (lead and trail byte ranges). A row of valid
/// UTF-8 with a three- or four-byte sequence (every kana and kanji) votes UTF-8: CP932 text is
/// almost never valid UTF-8, while UTF-8 text nearly always has the shape of CP932 bytes, so the
/// shape alone cannot vote for UTF-8's absence. A row that is not UTF-8 but has CP932's shape votes
/// CP932. Pure ASCII, and valid UTF-8 of two-byte sequences only that is also CP932-shaped (as
/// half-width katakana `ﾃｽ` in CP932 is), do not vote. Rows voting both ways mean a file that mixes encodings (lines pasted from another
/// file): refused, naming the first row of the minority, since reading it as either encoding turns
/// the other rows into mojibake. Row boundaries are line breaks outside quotes; `"`, CR and LF are
/// single bytes that no multi-byte character of either encoding contains.
struct EncodingScan {
    enum Verdict: Equatable {
        case utf8, cp932
        /// A NUL byte: not a text file.
        case binary
        /// The first row that is neither UTF-8 nor CP932.
        case invalid(row: Int)
        /// Rows of both encodings: the encoding most rows use, where one of them is, and the first row of the other.
        case mixed(majority: CSVEncoding, majorityRow: Int, minority: CSVEncoding, minorityRow: Int, minorityRows: Int)
    }

    /// A UTF-8 BOM declares the encoding: every CP932 row disagrees with it, however many there are.
    let declaredUTF8: Bool
    private var row = 1
    private var inQuotes = false
    private var afterCR = false
    private var rowHasBytes = false
    private var nonASCII = false
    private var utf8Valid = true, cp932Valid = true
    /// A three- or four-byte UTF-8 sequence began in this row.
    private var utf8Wide = false
    /// UTF-8 continuation bytes still expected, and the range the next one must fall in.
    private var utf8Need = 0, utf8Low: UInt8 = 0x80, utf8High: UInt8 = 0xBF
    private var cp932Trail = false
    private var utf8Rows = 0, cp932Rows = 0
    private var firstUTF8Row = 0, firstCP932Row = 0
    private(set) var stopped: Verdict?

    init(declaredUTF8: Bool = false) { self.declaredUTF8 = declaredUTF8 }

    /// Scans more bytes; false once the verdict is already known (binary or invalid).
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stopped == nil else { return false }
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            if byte == 0 { stopped = .binary; return false }
            if !inQuotes && (byte == 0x0D || byte == 0x0A) {
                if !endRow() { return false }
                afterCR = byte == 0x0D
                continue
            }
            if byte == 0x22 { inQuotes.toggle() }
            rowHasBytes = true
            if byte >= 0x80 { nonASCII = true }
            scanUTF8(byte)
            scanCP932(byte)
        }
        return true
    }

    @inline(__always)
    private mutating func scanUTF8(_ byte: UInt8) {
        guard utf8Valid else { return }
        if utf8Need > 0 {
            guard byte >= utf8Low && byte <= utf8High else { utf8Valid = false; return }
            utf8Need -= 1
            utf8Low = 0x80
            utf8High = 0xBF
            return
        }
        switch byte {
        case 0x00...0x7F: break
        case 0xC2...0xDF: utf8Need = 1
        case 0xE0: utf8Need = 2; utf8Low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: utf8Need = 2
        case 0xED: utf8Need = 2; utf8High = 0x9F  // no surrogates
        case 0xF0: utf8Need = 3; utf8Low = 0x90
        case 0xF1...0xF3: utf8Need = 3
        case 0xF4: utf8Need = 3; utf8High = 0x8F  // nothing past U+10FFFF
        default: utf8Valid = false
        }
        if utf8Need >= 2 { utf8Wide = true }
    }

    @inline(__always)
    private mutating func scanCP932(_ byte: UInt8) {
        guard cp932Valid else { return }
        if cp932Trail {
            cp932Trail = false
            if !(0x40...0x7E).contains(byte) && !(0x80...0xFC).contains(byte) { cp932Valid = false }
            return
        }
        switch byte {
        case 0x00...0x7F, 0xA1...0xDF: break  // ASCII, half-width katakana
        case 0x81...0x9F, 0xE0...0xFC: cp932Trail = true
        default: cp932Valid = false
        }
    }

    /// Classifies the row just ended; false when it is neither encoding (the scan stops there).
    private mutating func endRow() -> Bool {
        defer {
            row += 1
            rowHasBytes = false
            nonASCII = false
            utf8Valid = true
            utf8Wide = false
            cp932Valid = true
            utf8Need = 0
            utf8Low = 0x80
            utf8High = 0xBF
            cp932Trail = false
        }
        guard nonASCII else { return true }
        let utf8 = utf8Valid && utf8Need == 0, cp932 = cp932Valid && !cp932Trail
        switch (utf8, cp932) {
        case (true, true) where !utf8Wide:
            break
        case (true, _):
            if utf8Rows == 0 { firstUTF8Row = row }
            utf8Rows += 1
        case (false, true):
            if cp932Rows == 0 { firstCP932Row = row }
            cp932Rows += 1
        case (false, false):
            stopped = .invalid(row: row)
            return false
        }
        return true
    }

    /// The verdict once every byte has been fed.
    mutating func finish() -> Verdict {
        if stopped == nil && rowHasBytes { _ = endRow() }
        if let stopped { return stopped }
        if declaredUTF8 {
            return cp932Rows == 0 ? .utf8
                : .mixed(majority: .utf8BOM, majorityRow: 1, minority: .cp932, minorityRow: firstCP932Row, minorityRows: cp932Rows)
        }
        guard utf8Rows > 0 && cp932Rows > 0 else { return cp932Rows > 0 ? .cp932 : .utf8 }
        // The minority is the odd one out; on a tie, the encoding that starts later.
        let cp932IsMinority = cp932Rows < utf8Rows || (cp932Rows == utf8Rows && firstCP932Row > firstUTF8Row)
        return cp932IsMinority
            ? .mixed(majority: .utf8, majorityRow: firstUTF8Row, minority: .cp932, minorityRow: firstCP932Row, minorityRows: cp932Rows)
            : .mixed(majority: .cp932, majorityRow: firstCP932Row, minority: .utf8, minorityRow: firstUTF8Row, minorityRows: utf8Rows)
    }
}
