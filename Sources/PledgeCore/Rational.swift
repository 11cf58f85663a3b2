import BigInt

/// An exact fraction. Averages of ratings must match the published report to the digit, and
/// binary floating point does not: (0.1 + 0.2) * 10 is not 3 in a Double, and 88.45 is stored as
/// 88.4499…, which rounds the wrong way.
///
/// Numerator and denominator are big integers: a layout that averages exact children makes the
/// denominator the least common multiple of every activity count under a node (for counts 1…200
/// that is a 90-digit number), which no fixed-width integer holds. Always in lowest terms, with
/// a positive denominator.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: BigInt
    public let denominator: BigInt

    public init(_ numerator: Int, _ denominator: Int = 1) {
        self.init(BigInt(numerator), BigInt(denominator))
    }

    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(denominator != 0, "Rational with a zero denominator")
        let divisor = BigInt(numerator.magnitude.greatestCommonDivisor(with: denominator.magnitude))
        let signed = denominator < 0 ? -divisor : divisor
        self.numerator = numerator / signed
        self.denominator = denominator / signed
    }

    /// Parses a plain decimal such as `88.45`, `-3`, `74.8`; nil for anything else.
    public init?(decimal text: String) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() } else if digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.joined().count > 0, parts.joined().count <= 17 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        let units = BigInt(parts[0] + fraction) ?? 0
        self.init(negative ? -units : units, Self.power10(fraction.count))
    }

    public static func mean(_ values: [Rational]) -> Rational? {
        guard !values.isEmpty else { return nil }
        return values.reduce(Rational(0), +) / Rational(values.count)
    }

    /// Rounds half away from zero (四捨五入) to `digits` decimals; the result is still exact.
    public func roundedHalfUp(digits: Int) -> Rational {
        let scale = Self.power10(digits)
        let scaled = numerator * scale
        // floor(|x| + 1/2) computed in integers: (2|n| + d) / 2d.
        let rounded = (2 * BigInt(scaled.magnitude) + denominator) / (2 * denominator)
        return Rational(scaled < 0 ? -rounded : rounded, scale)
    }

    /// The value rounded half up to a whole number, clamped into `Int` (for star counts).
    public var roundedInteger: Int { Int(clamping: roundedHalfUp(digits: 0).numerator) }

    /// The value printed with exactly `digits` decimals after rounding half up: `88.5`, `73`.
    public func formatted(digits: Int) -> String {
        let rounded = roundedHalfUp(digits: digits)
        let scale = Self.power10(digits)
        let units = rounded.numerator * (scale / rounded.denominator)
        let sign = units < 0 ? "-" : ""
        let (whole, fractionUnits) = BigInt(units.magnitude).quotientAndRemainder(dividingBy: scale)
        guard digits > 0 else { return sign + String(whole) }
        let fraction = String(fractionUnits)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator - rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    static func power10(_ digits: Int) -> BigInt { BigInt(10).power(max(digits, 0)) }
}
