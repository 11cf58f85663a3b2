import Foundation

/// Text normalisation for matching what people type against what the plan says. Matching keys are
/// NFKC-folded (full-width digits and letters, Roman-numeral glyphs, full-width spaces), but text
/// that is published (titles, activities) keeps its original characters.
public enum Normalize {
    /// NFKC, then without any whitespace: the key used to compare headers, titles and names.
    public static func key(_ text: String) -> String {
        compact(text).lowercased()
    }

    /// NFKC without whitespace, case kept.
    public static func compact(_ text: String) -> String {
        nfkc(text).filter { !$0.isWhitespace }
    }

    public static func nfkc(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
    }

    /// Trims spaces (full-width included) and unifies line breaks to `\n`; nothing else changes.
    public static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Drops a leading list bullet (`・`, `･`, `•`, `●`) and the spaces after it.
    public static func droppingBullet(_ text: String) -> String {
        let trimmed = self.text(text)
        guard let first = trimmed.first, "・･•●◦".contains(first) else { return trimmed }
        return self.text(String(trimmed.dropFirst()))
    }

    /// One line: line breaks become a space (the open-data rule L1-14), runs of spaces collapse.
    public static func singleLine(_ text: String) -> String {
        self.text(text).split(whereSeparator: { $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
