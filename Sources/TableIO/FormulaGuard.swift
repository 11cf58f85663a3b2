/// CSV injection (OWASP "CSV Injection"): a spreadsheet program opening a CSV file runs a field
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
/// (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`). Such a text field is written with a single quote in
/// front, which the spreadsheet shows as text. A field that already begins with `'` gets one too,
/// so that `restored` gives back exactly what was neutralised. Numbers are never passed through
/// this: a numeric column holds a number we computed, never a text.
public enum FormulaGuard {
    /// Whether a spreadsheet would read the text as a formula.
    public static func startsLikeFormula(_ text: String) -> Bool {
        text.unicodeScalars.first.map(isTrigger) ?? false
    }

    /// Whether a text beginning with `scalar` starts like a formula. A switch, not a set: it is
    /// asked of every text field written, and hashing the scalar cost more than the rest.
    public static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "=", "+", "-", "@", "\t", "\r": true
        default: false
        }
    }

    public static func neutralised(_ text: String) -> String {
        needsNeutralising(text) ? "'" + text : text
    }

    /// Whether `neutralised` changes the text. The first scalar settles it for most texts; only one
    /// that begins with a quote needs the Character comparison of `hasPrefix` (as `restored` does).
    public static func needsNeutralising(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return isTrigger(first) || (first == "'" && text.hasPrefix("'"))
    }

    /// What a field read back from one of our CSV files said before `neutralised`.
    public static func restored(_ text: String) -> String {
        text.hasPrefix("'") ? String(text.dropFirst()) : text
    }
}
