import PledgeCore

/// Ratings as departments type them: `7`, `７`, `7.0`, or star glyphs `★★★★★★★☆☆☆` (the ★ count).
public enum RatingParser {
    public static func parse(_ text: String) -> Int? {
        let value = Normalize.compact(text)
        if isStars(value) {
            let stars = value.filter { $0 == "★" }.count
            return value.count <= 10 ? stars : nil
        }
        guard let number = Rational(decimal: value), number.denominator == 1, (0...10).contains(number.numerator) else {
            return nil
        }
        return Int(number.numerator)
    }

    /// Whether a rating is written as star glyphs (spaces aside) rather than as a number.
    public static func isStars(_ text: String) -> Bool {
        let value = Normalize.compact(text)
        return !value.isEmpty && value.allSatisfy { $0 == "★" || $0 == "☆" }
    }
}
