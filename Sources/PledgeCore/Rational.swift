/// An exact fraction. Averages of ratings must match the published report to the digit, and
/// binary floating point does not: (0.1 + 0.2) * 10 is not 3 in a Double, and 88.45 is stored as
/// 88.4499…, which rounds the wrong way.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "Rational with a zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Rational.gcd(abs(numerator), abs(denominator))
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    /// Parses a plain decimal such as `88.45`, `-3`, `74.8`; nil for anything else.
    public init?(decimal text: String) {
        var digits = Substring(text)
        var sign = 1
        if digits.first == "-" { sign = -1; digits = digits.dropFirst() } else if digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.joined().count > 0, parts.joined().count <= 17 else { return nil }
        let whole = Int(parts[0]) ?? 0
        let fraction = parts.count == 2 ? parts[1] : ""
        var scale = 1
        for _ in fraction { scale *= 10 }
        self.init(sign * (whole * scale + (Int(fraction) ?? 0)), scale)
    }

    public static func mean(_ values: [Rational]) -> Rational? {
        guard !values.isEmpty else { return nil }
        return values.reduce(Rational(0), +) / Rational(values.count)
    }

    /// Rounds half away from zero (四捨五入) to `digits` decimals; the result is still exact.
    public func roundedHalfUp(digits: Int) -> Rational {
        var scale = 1
        for _ in 0..<max(digits, 0) { scale *= 10 }
        let scaled = Rational(numerator * scale, denominator)
        let magnitude = abs(scaled.numerator)
        // floor(|x| + 1/2) computed in integers: (2|n| + d) / 2d.
        let rounded = (2 * magnitude + scaled.denominator) / (2 * scaled.denominator)
        return Rational((scaled.numerator < 0 ? -rounded : rounded), scale)
    }

    /// The value printed with exactly `digits` decimals after rounding half up: `88.5`, `73`.
    public func formatted(digits: Int) -> String {
        let rounded = roundedHalfUp(digits: digits)
        var scale = 1
        for _ in 0..<max(digits, 0) { scale *= 10 }
        let units = rounded.numerator * (scale / rounded.denominator)
        let sign = units < 0 ? "-" : ""
        let whole = abs(units) / scale
        guard digits > 0 else { return sign + String(whole) }
        let fraction = String(abs(units) % scale)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
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

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}
