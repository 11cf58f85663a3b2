/// The position of a plan node: `[3, 4, 1]` is policy III, pledge 4, measure 1. Written `III-4-1`
/// on a plan whose policies are numbered in Roman numerals, `3-4-1` otherwise.
public struct NodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let path: [Int]

    public init(_ path: [Int]) { self.path = path }

    /// Reads `III-4-1`, `Ⅲ-4-1`, `Ｉ－１－１`, `1-1-1`, `iii.4.1`; nil when any part is not a number.
    public init?(parsing text: String) {
        let compact = Normalize.compact(text).uppercased()
        let hyphens: Set<Character> = ["-", "‐", "‑", "‒", "–", "—", "―", "−", "ｰ", "ー", ".", "_"]
        let parts = compact.split(whereSeparator: { hyphens.contains($0) }).map(String.init)
        guard !parts.isEmpty, parts.count <= 6,
              compact.split(omittingEmptySubsequences: false, whereSeparator: { hyphens.contains($0) }).count == parts.count
        else { return nil }
        var path: [Int] = []
        for part in parts {
            guard let number = NodeID.number(part) else { return nil }
            path.append(number)
        }
        self.init(path)
    }

    /// The largest level number read.
    public static let maxNumber = 9_999

    /// A level number written in Arabic digits or Roman numerals (`4`, `IV`, `Ⅳ`, `４`).
    public static func number(_ text: String) -> Int? {
        let value = Normalize.compact(text).uppercased()
        // A level number of a real plan has a few digits; a bound keeps `RomanNumeral.string` (one
        // M per thousand) and the arithmetic on ids finite for a number like 9223372036854775807.
        if let number = Int(value), number > 0, value.allSatisfy(\.isASCII) { return number <= maxNumber ? number : nil }
        return RomanNumeral.value(of: value)
    }

    public func formatted(romanFirstLevel: Bool) -> String {
        path.enumerated().map { index, number in
            index == 0 && romanFirstLevel ? RomanNumeral.string(number) : String(number)
        }.joined(separator: "-")
    }

    public var parent: NodeID? { path.count > 1 ? NodeID(Array(path.dropLast())) : nil }
    public var description: String { formatted(romanFirstLevel: false) }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.path.lexicographicallyPrecedes(rhs.path) }
}

public enum RomanNumeral {
    private static let table: [(Int, String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    public static func string(_ number: Int) -> String {
        var rest = number
        var text = ""
        for (value, symbol) in table {
            while rest >= value { text += symbol; rest -= value }
        }
        return text
    }

    /// The value of a canonical Roman numeral (`IV`, not `IIII`); nil otherwise.
    public static func value(of text: String) -> Int? {
        guard !text.isEmpty, text.count <= 15, text.allSatisfy({ "IVXLCDM".contains($0) }) else { return nil }
        var total = 0
        var rest = Substring(text)
        for (value, symbol) in table {
            while rest.hasPrefix(symbol) { total += value; rest = rest.dropFirst(symbol.count) }
        }
        guard rest.isEmpty, string(total) == text else { return nil }
        return total
    }
}
