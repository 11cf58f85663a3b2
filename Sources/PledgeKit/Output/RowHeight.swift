import Foundation

/// Row heights for wrapped text. libxlsxwriter cannot measure text and LibreOffice does not grow
/// rows when it opens a file, so the height is estimated: a full-width character takes about two
/// of Excel's width units (the width of `0`), a half-width one about one.
enum RowHeight {
    /// Points per line at a font size, with the line spacing Excel uses for Japanese fonts.
    static func lineHeight(fontSize: Double) -> Double { (fontSize * 1.35).rounded(.up) }

    /// Lines a text takes in a column `width` units wide, wrapping each of its lines.
    static func lines(_ text: String, width: Double) -> Int {
        let usable = max(width - 1, 1)
        func wrapped(_ units: Double) -> Int { max(1, Int((units / usable).rounded(.up))) }
        // One pass over the scalars (a measure's cell can hold thousands of lines). A line ends at
        // each `\n` that is a character of its own, i.e. not the second half of a `\r\n`.
        var total = 0
        var units = 0.0
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            if scalar.value == 0x0A && previous != 0x0D {
                total += wrapped(units)
                units = 0
            } else {
                units += isWide(scalar) ? 1.8 : 1.0
            }
            previous = scalar.value
        }
        return total + wrapped(units)
    }

    /// The height of a row holding these texts in columns of these widths.
    static func points(_ cells: [(text: String, width: Double)], fontSize: Double) -> Double {
        let lineCount = cells.map { lines($0.text, width: $0.width) }.max() ?? 1
        return Double(lineCount) * lineHeight(fontSize: fontSize) + 4
    }

    /// The tallest row Excel keeps (points); a taller one is cut to this when the file is opened.
    static let maximum = 409.0

    /// The lines of a wrapped cell laid over as few rows as keep each row within `maximum` and
    /// `characterLimit` (with the line breaks between them), in order. A line taller than a row
    /// on its own gets a row of its own.
    static func rows(_ lines: [String], width: Double, fontSize: Double, characterLimit: Int) -> [[String]] {
        let maxLines = max(1, Int((maximum - 4) / lineHeight(fontSize: fontSize)))
        var rows: [[String]] = []
        var current: [String] = []
        var currentLines = 0
        var currentCharacters = 0
        for line in lines {
            let wrapped = self.lines(line, width: width)
            // UTF-16 units, as Excel counts a cell's characters.
            let characters = line.utf16.count
            if !current.isEmpty && (currentLines + wrapped > maxLines || currentCharacters + 1 + characters > characterLimit) {
                rows.append(current)
                (current, currentLines, currentCharacters) = ([], 0, 0)
            }
            currentCharacters += characters + (current.isEmpty ? 0 : 1)
            current.append(line)
            currentLines += wrapped
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// East Asian wide and full-width characters (CJK, kana, full-width forms, ★☆●・).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2460...0x24FF, 0x25A0...0x27BF, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x2000...0x206F where scalar.value >= 0x2010:
            return true
        default:
            return false
        }
    }
}
