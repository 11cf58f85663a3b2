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
        case .elapsed: return elapsed(days: value) ?? number(value)
        case .date, .time:
            // Serial 0.x in the 1900 system is Excel's "1900-01-00": only the time means anything.
            let timeOnly = value < 1 && (kind == .time || !date1904)
            return date(serial: value, date1904: date1904, timeOnly: timeOnly) ?? number(value)
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

    /// A duration in days as Excel's `[h]:mm:ss` shows it: `36:00:00` for 1.5, never a date.
    public static func elapsed(days value: Double) -> String? {
        guard value.isFinite, abs(value) < 2_958_466 else { return nil }
        let total = Int((abs(value) * 86_400).rounded())
        return (value < 0 && total > 0 ? "-" : "") + two(total / 3600) + ":" + two(total / 60 % 60) + ":" + two(total % 60)
    }

    /// A `t="d"` cell (ISO 8601, e.g. `2021-04-20T00:00:00Z`) as `2021-04-20` or `2021-04-20 09:30:00`:
    /// times rounded to the second (Strict OOXML writers store `15:59:59.999…` for 16:00), a time on
    /// Excel's day 0 as the time alone; an ISO duration (`PT24H0M0.000S`) as elapsed `24:00:00`.
    static func isoDate(_ text: String) -> String {
        if text.hasPrefix("P") || text.hasPrefix("-P") { return isoDuration(text) ?? text }
        // A time alone (`23:44:51.894`): a time on Excel's day 0.
        if !text.contains("T") && text.contains(":") { return isoDate("1899-12-30T" + text) }
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let datePart = parts.first, datePart.count == 10 else { return text }
        let fields = datePart.split(separator: "-")
        guard fields.count == 3, let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) else { return text }
        guard parts.count == 2 else { return String(datePart) }
        // The time: hh:mm:ss(.fff…), then an optional zone (Z, +hh:mm) that Excel ignores.
        let timeText = parts[1].prefix { $0 != "Z" && $0 != "+" && $0 != "-" }
        let timeFields = timeText.split(separator: ":", omittingEmptySubsequences: false)
        // Two-digit hours and minutes and seconds under a minute: the arithmetic below cannot overflow
        // on a hostile `T99999999999999999:00` or `00:00:1e300`.
        guard timeFields.count >= 2, timeFields[0].count <= 2, timeFields[1].count <= 2,
              let hours = Int(timeFields[0]), let minutes = Int(timeFields[1]),
              let seconds = timeFields.count > 2 ? Double(timeFields[2]) : 0, seconds >= 0, seconds < 61 else { return text }
        var days = unixDays(year: year, month: month, day: day)
        var total = hours * 3600 + minutes * 60 + Int(seconds.rounded())
        days += total / 86_400
        total %= 86_400
        let dateText = civil(fromUnixDays: days)
        let time = two(total / 3600) + ":" + two(total / 60 % 60) + ":" + two(total % 60)
        if dateText == "1899-12-30" || dateText == "1899-12-31" { return time }
        if total == 0 { return dateText }
        return dateText + " " + time
    }

    /// `PT24H0M0.000S`, `P1DT2H` as elapsed hours `24:00:00`, `26:00:00`.
    static func isoDuration(_ text: String) -> String? {
        var negative = false
        var rest = Substring(text)
        if rest.hasPrefix("-") { negative = true; rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var seconds = 0.0, number = "", inTime = false
        for character in rest {
            switch character {
            case "T": inTime = true
            case "0"..."9", ".": number.append(character)
            default:
                guard let value = Double(number) else { return nil }
                number = ""
                switch (character, inTime) {
                case ("W", false): seconds += value * 604_800
                case ("D", false): seconds += value * 86_400
                case ("H", true): seconds += value * 3600
                case ("M", true): seconds += value * 60
                case ("S", true): seconds += value
                default: return nil  // years and months have no fixed length
                }
            }
        }
        guard number.isEmpty else { return nil }
        return elapsed(days: (negative ? -seconds : seconds) / 86_400)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (the inverse of `civil`).
    static func unixDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
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
