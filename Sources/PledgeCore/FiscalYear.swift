import Foundation

/// A Japanese fiscal year (年度, April to March), named by its western starting year.
public struct FiscalYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int

    public init(_ year: Int) { self.year = year }

    /// Accepts `2020`, `FY2020`, `2020年度`, `R2`, `R02`, `令和2年度`, `令和２年度`, `令和元年度`, `H31`,
    /// `平成31年度` (also without 年度 and with full-width characters); nil for anything else.
    public init?(parsing text: String) {
        var value = Normalize.compact(text).uppercased()
        for suffix in ["年度", "年"] where value.hasSuffix(suffix) {
            value.removeLast(suffix.count)
            break
        }
        if value.hasPrefix("FY") { value.removeFirst(2) }
        let eras: [(prefixes: [String], firstYear: Int)] = [(["令和", "R"], 2019), (["平成", "H"], 1989)]
        for era in eras {
            guard let prefix = era.prefixes.first(where: { value.hasPrefix($0) }) else { continue }
            let number = value.dropFirst(prefix.count)
            let eraYear = number == "元" ? 1 : Int(number)
            guard let eraYear, eraYear >= 1, eraYear <= 99, number.allSatisfy({ $0.isASCII }) || number == "元" else { return nil }
            self.init(era.firstYear + eraYear - 1)
            return
        }
        guard value.count == 4, value.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(value),
              (1989...2200).contains(year) else { return nil }
        self.init(year)
    }

    /// `令和2年度`, `令和元年度`, `平成30年度`: the form the reports print.
    public var label: String {
        if year >= 2019 {
            let eraYear = year - 2018
            return "令和" + (eraYear == 1 ? "元" : String(eraYear)) + "年度"
        }
        let eraYear = year - 1988
        return "平成" + (eraYear == 1 ? "元" : String(eraYear)) + "年度"
    }

    public var previous: FiscalYear { FiscalYear(year - 1) }

    /// 1 April, 00:00 UTC: the first day of the fiscal year.
    public var firstDay: Date { FiscalYear.utcMidnight(year, 4, 1) }
    /// 31 March of the next calendar year, 00:00 UTC: the last day of the fiscal year.
    public var lastDay: Date { FiscalYear.utcMidnight(year + 1, 3, 31) }

    private static func utcMidnight(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }
    public var description: String { String(year) }
    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.year < rhs.year }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let year = try? container.decode(Int.self) {
            self.init(year)
        } else if let parsed = FiscalYear(parsing: try container.decode(String.self)) {
            self = parsed
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a fiscal year")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(year)
    }
}
