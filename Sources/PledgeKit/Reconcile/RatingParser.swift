import PledgeCore

/// Ratings as departments type them on the built-in 0–10 scheme: `7`, `７`, `7.0`, or star glyphs
/// `★★★★★★★☆☆☆` (the ★ count). Other schemes read their cells with `EvaluationScheme.read`.
public enum RatingParser {
    public static func parse(_ text: String, scheme: EvaluationScheme = .tenLevels) -> Int? {
        scheme.read(text)?.points
    }

    /// Whether a rating is written as star glyphs (spaces aside) rather than as a number.
    public static func isStars(_ text: String) -> Bool { Stars.isGlyphs(text) }
}
