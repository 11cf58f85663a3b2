import Foundation

/// Turns a cell's stored value into the text a user sees: numbers as Excel's General shows an
/// integer ("7", never "7.0") and otherwise at full precision ("7.5"); dates and times as ISO text
/// (`2021-04-20`, `2021-04-20 09:30:00`, `09:30:00`), which `SubmissionDate` reads.
public enum CellValue {
    /// A numeric cell's text from its `<v>` bytes. `kind` comes from the cell's number format.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, kind: CellStyles.Kind, date1904: Bool) -> String {
        if kind == .number, isPlainInteger(bytes) { return String(decoding: bytes, as: UTF8.self) }
        guard let value = parseDouble(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        switch kind {
        case .number: return number(value)
        case .date, .time: return date(serial: value, date1904: date1904, timeOnly: kind == .time && value < 1) ?? number(value)
        }
    }

    /// `7` for 7.0, `7.5`, `-0.25`; the shortest text that reads back as the same double.
    public static func number(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value.rounded() == value && abs(value) < 1e16 { return String(Int64(value)) }
        return "\(value)"
    }

    /// An Excel serial date as ISO text. 1900 system: serial 1 is 1900-01-01 and 60 the phantom
    /// 1900-02-29 Excel keeps for Lotus; 1904 system: serial 0 is 1904-01-01.
    public static func date(serial: Double, date1904: Bool, timeOnly: Bool = false) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var day = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds >= 86_400 { day += 1; seconds -= 86_400 }
        let time = two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
        if timeOnly { return time }
        let text: String
        if date1904 {
            text = civil(fromUnixDays: day - 24_107)
        } else if day == 60 {
            text = "1900-02-29"
        } else {
            text = civil(fromUnixDays: day < 60 ? day - 25_568 : day - 25_569)
        }
        return seconds == 0 ? text : text + " " + time
    }

    /// A `t="d"` cell (ISO 8601, e.g. `2021-04-20T00:00:00Z`) as `2021-04-20` or `2021-04-20 09:30:00`.
    static func isoDate(_ text: String) -> String {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let datePart = parts.first, datePart.count == 10 else { return text }
        guard parts.count == 2 else { return String(datePart) }
        let time = parts[1].prefix(8)
        if time == "00:00:00" || time.isEmpty { return String(datePart) }
        if datePart == "1899-12-30" || datePart == "1899-12-31" { return String(time) }
        return String(datePart) + " " + time
    }

    static func civil(fromUnixDays days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(y) + "-" + two(m) + "-" + two(d)
    }

    @inline(__always) static func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// `-?[1-9][0-9]{0,14}` or `0`: already what General shows.
    @inline(__always)
    static func isPlainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if bytes.count > 0 && bytes[0] == UInt8(ascii: "-") { index = 1 }
        let digits = bytes.count - index
        guard digits >= 1, digits <= 15 else { return false }
        if digits > 1 && bytes[index] == UInt8(ascii: "0") { return false }
        if digits == 1 && index == 1 && bytes[1] == UInt8(ascii: "0") { return false }  // "-0"
        while index < bytes.count {
            let byte = bytes[index]
            if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") { return false }
            index += 1
        }
        return true
    }

    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count > 0, bytes.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> Double? in
            for index in 0..<bytes.count { buffer[index] = CChar(bitPattern: bytes[index]) }
            buffer[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end == buffer.baseAddress! + bytes.count, value.isFinite else { return nil }
            // strtod also takes hex floats, "inf" and "nan": Excel writes none of them.
            if bytes.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "n") || $0 == UInt8(ascii: "N") }) {
                return nil
            }
            return value
        }
    }
}
