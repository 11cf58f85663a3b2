import Foundation

/// Text normalisation for matching what people type against what the plan says. Matching keys are
/// NFKC-folded (full-width digits and letters, Roman-numeral glyphs, full-width spaces), but text
/// that is published (titles, activities) keeps its original characters.
public enum Normalize {
    /// NFKC, then without any whitespace: the key used to compare headers, titles and names.
    public static func key(_ text: String) -> String {
        fastFold(text, droppingSpaces: true, lowercasing: true) ?? compact(text).lowercased()
    }

    /// NFKC without whitespace, case kept.
    public static func compact(_ text: String) -> String {
        fastFold(text, droppingSpaces: true, lowercasing: false) ?? nfkc(text).filter { !$0.isWhitespace }
    }

    public static func nfkc(_ text: String) -> String {
        fastFold(text, droppingSpaces: false, lowercasing: false) ?? text.precomposedStringWithCompatibilityMapping
    }

    /// NFKC (and the dropping of spaces, the lowering of A–Z) without Foundation, for the texts
    /// that are most cells: nil when the text holds a scalar `isNFKCStable` does not know, which
    /// then goes the long way. Full-width ASCII forms (`Ｉ－１`, `（`) and the ideographic space
    /// are their ASCII counterparts under NFKC, and nothing they become composes further.
    static func fastFold(_ text: String, droppingSpaces: Bool, lowercasing: Bool) -> String? {
        var changed = false
        for scalar in text.unicodeScalars {
            if isNFKCStable(scalar) {
                if (droppingSpaces && scalar.value <= 0x20) || (lowercasing && (0x41...0x5A).contains(scalar.value)) { changed = true }
            } else if (0xFF01...0xFF5E).contains(scalar.value) || scalar.value == 0x3000 {
                changed = true
            } else {
                return nil
            }
        }
        guard changed else { return text }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
            if droppingSpaces && value <= 0x20 { continue }
            if lowercasing && (0x41...0x5A).contains(value) { value += 0x20 }
            UTF8.encode(Unicode.Scalar(value)!) { folded.append($0) }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// Scalars that NFKC leaves alone wherever they stand: no decomposition, combining class 0,
    /// and none composes with what precedes it (ASCII, kana, the CJK ideographs, 、。々「」『』【】).
    /// A text of these only is its own NFKC form; anything else (Ⅰ, ①, combining marks, …) goes
    /// through Foundation.
    static func isNFKCStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20...0x7E, 0x3001...0x3002, 0x3005, 0x300C...0x3011, 0x3041...0x3096, 0x30A1...0x30FC, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }

    /// Trims spaces (full-width included) and unifies line breaks to `\n`; nothing else changes.
    public static func text(_ text: String) -> String {
        // Most cells are empty, or have neither a carriage return nor a space at either end:
        // nothing to do (and Foundation's trimming, even of an empty text, costs a bridge).
        if text.isEmpty { return text }
        let scalars = text.unicodeScalars
        let hasReturn = containsCarriageReturn(text)
        if !hasReturn, let first = scalars.first, let last = scalars.last, !isTrimmable(first), !isTrimmable(last) {
            return text
        }
        let unified = hasReturn ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        return unified.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `trimmingCharacters(in: .whitespacesAndNewlines)` removes the scalar: general
    /// category Z*, U+0009–U+000D, U+0085 and (as Foundation has it) U+200B, without building the set.
    public static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        // Kana, kanji and full-width forms, the ends of most cells: no separator lies above U+3000.
        if scalar.value > 0x3000 { return false }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.value == 0x85 || scalar.value == 0x200B
        }
    }

    private static func containsCarriageReturn(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var found = false
            for byte in bytes { found = found || byte == 0x0D }  // no early exit: the loop vectorises
            return found
        } ?? text.utf8.contains(0x0D)
    }

    /// Drops a leading list bullet (`・`, `･`, `•`, `●`) and the spaces after it.
    public static func droppingBullet(_ text: String) -> String {
        let trimmed = self.text(text)
        // The first scalar rules out most texts before the character comparison.
        guard let scalar = trimmed.unicodeScalars.first, [0x30FB, 0xFF65, 0x2022, 0x25CF, 0x25E6].contains(scalar.value),
              let first = trimmed.first, "・･•●◦".contains(first) else { return trimmed }
        return self.text(String(trimmed.dropFirst()))
    }

    /// Whether the text holds a line break of any kind (LF, VT, FF, CR, NEL, U+2028, U+2029).
    public static func hasLineBreak(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: { (0x0A...0x0D).contains($0.value) || [0x85, 0x2028, 0x2029].contains($0.value) })
    }

    /// One line: line breaks become a space (the open-data rule L1-14), runs of spaces collapse.
    public static func singleLine(_ text: String) -> String {
        // Without a line break there is one line, already trimmed by `text`.
        guard hasLineBreak(text) else { return self.text(text) }
        return self.text(text).split(whereSeparator: { $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
