import PledgeCore

/// The 提出日 of a submission, which decides which of two files from one department counts.
public struct SubmissionDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2021/4/20`, `2021-04-16`, `2021年4月20日`, `令和3年4月19日`, `R3.4.19`, a workbook's
    /// `2021-04-20 00:00:00`, or an Excel serial day number such as `44306`.
    public init?(parsing text: String) {
        // A workbook's date-time (`2021-04-20 00:00:00`): the date is what comes before the time.
        let words = Normalize.nfkc(text).split(whereSeparator: \.isWhitespace)
        let dated = words.count > 1 && words[1].contains(":") ? String(words[0]) : text
        var value = Normalize.compact(dated).uppercased()
        if value.count == 5, let serial = Int(value), serial > 20000 {
            self.init(excelSerial: serial)
            return
        }
        var eraOffset: Int?
        for (prefix, firstYear) in [("令和", 2019), ("R", 2019), ("平成", 1989), ("H", 1989)] where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
            eraOffset = firstYear - 1
            break
        }
        value = value.replacingOccurrences(of: "元年", with: "1年")
        let parts = value.split(whereSeparator: { "/-.年月日".contains($0) }).map(String.init)
        // Digits counted before any arithmetic: `R9223372036854775807` must not overflow the era's
        // offset; an era year has at most two digits, a western year four.
        guard parts.count == 3, let first = Self.number(parts[0], digits: eraOffset == nil ? 4 : 2),
              let month = Self.number(parts[1], digits: 2), let day = Self.number(parts[2], digits: 2) else { return nil }
        self.init(year: eraOffset.map { $0 + first } ?? first, month: month, day: day)
    }

    /// A number of at most `digits` ASCII digits; nil for anything else (a sign, a fraction, more digits).
    private static func number(_ text: String, digits: Int) -> Int? {
        guard !text.isEmpty, text.count <= digits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// Excel's 1900 date system: serial 1 is 1900-01-01, with the phantom 1900-02-29.
    init?(excelSerial serial: Int) {
        // Days from 1970-01-01: serial 25569 is 1970-01-01.
        let days = serial - 25569
        let (y, m, d) = SubmissionDate.civil(fromDays: days)
        self.init(year: y, month: m, day: d)
    }

    /// Howard Hinnant's days-to-civil algorithm.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public static func < (lhs: SubmissionDate, rhs: SubmissionDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
