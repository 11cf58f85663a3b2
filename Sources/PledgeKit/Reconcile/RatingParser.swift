import PledgeCore

/// Ratings as departments type them: `7`, `７`, `7.0`, or star glyphs `★★★★★★★☆☆☆` (the ★ count).
public enum RatingParser {
    public static func parse(_ text: String) -> Int? {
        let value = Normalize.compact(text)
        if !value.isEmpty, value.allSatisfy({ $0 == "★" || $0 == "☆" }) {
            let stars = value.filter { $0 == "★" }.count
            return value.count <= 10 ? stars : nil
        }
        guard let number = Rational(decimal: value), number.denominator == 1, (0...10).contains(number.numerator) else {
            return nil
        }
        return number.numerator
    }
}
