/// Text from a department's file made safe to print on a terminal: a control character (C0, DEL,
/// C1) or a bidirectional override from a cell would otherwise reach the terminal as it is, where
/// ESC sequences can recolour, retitle or rewrite the screen and BEL rings, and bidi controls
/// make a line read differently from what it says. Each becomes `\u{1B}`, visible and unambiguous.
/// Only what is printed is escaped: `reconciliation.csv` and the workbook keep the text.
public enum TerminalText {
    /// `text` with every control character escaped; line breaks too unless `keepingLineBreaks`
    /// (a message of our own may span lines; a cell's line break must not start a forged line).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidi embeddings, overrides and isolates, the marks, and the Arabic letter mark.
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
