import Foundation

/// Row heights for wrapped text. libxlsxwriter cannot measure text and LibreOffice does not grow
/// rows when it opens a file, so the height is estimated: a full-width character takes about two
/// of Excel's width units (the width of `0`), a half-width one about one.
enum RowHeight {
    /// Points per line at a font size, with the line spacing Excel uses for Japanese fonts.
    static func lineHeight(fontSize: Double) -> Double { (fontSize * 1.35).rounded(.up) }

    /// Lines a text takes in a column `width` units wide, wrapping each of its lines.
    static func lines(_ text: String, width: Double) -> Int {
        measure(text, width: width).lines
    }

    /// The lines `text` wraps to and its length in UTF-16 units (as Excel counts a cell's
    /// characters), in one pass over the scalars: a measure's cell can hold thousands of lines,
    /// and `utf16.count` of a long text builds an index of its own.
    static func measure(_ text: String, width: Double) -> (lines: Int, characters: Int) {
        let usable = max(width - 1, 1)
        func wrapped(_ units: Double) -> Int { max(1, Int((units / usable).rounded(.up))) }
        // A line ends at each `\n` that is a character of its own, i.e. not the second half of a `\r\n`.
        var total = 0
        var units = 0.0
        var characters = 0
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            characters += scalar.value > 0xFFFF ? 2 : 1
            if scalar.value == 0x0A && previous != 0x0D {
                total += wrapped(units)
                units = 0
            } else {
                units += isWide(scalar) ? 1.8 : 1.0
            }
            previous = scalar.value
        }
        return (total + wrapped(units), characters)
    }

    /// One line of a wrapped cell, measured once for the row heights and the character limit.
    struct MeasuredLine {
        let text: String
        let lines: Int
        /// UTF-16 units.
        let characters: Int

        init(_ text: String, width: Double) {
            self.text = text
            (lines, characters) = RowHeight.measure(text, width: width)
        }
    }

    /// The lines and UTF-16 units of `lines` joined by `\n`, from their measures: the sums, unless
    /// a line ends in `\r` (then it and the `\n` after it are one break, and the text is measured whole).
    static func measureJoined(_ lines: some Collection<MeasuredLine>, width: Double) -> (lines: Int, characters: Int) {
        if lines.dropLast().contains(where: { $0.text.utf8.last == 0x0D }) {
            return measure(lines.map(\.text).joined(separator: "\n"), width: width)
        }
        return (lines.reduce(0) { $0 + $1.lines }, lines.reduce(max(0, lines.count - 1)) { $0 + $1.characters })
    }

    /// The height of a row whose tallest cell wraps to `lineCount` lines.
    static func points(lineCount: Int, fontSize: Double) -> Double {
        Double(lineCount) * lineHeight(fontSize: fontSize) + 4
    }

    /// The height of a row holding these texts in columns of these widths.
    static func points(_ cells: [(text: String, width: Double)], fontSize: Double) -> Double {
        points(lineCount: cells.map { lines($0.text, width: $0.width) }.max() ?? 1, fontSize: fontSize)
    }

    /// The tallest row Excel keeps (points); a taller one is cut to this when the file is opened.
    static let maximum = 409.0

    /// The lines of a wrapped cell laid over as few rows as keep each row within `maximum` and
    /// `characterLimit` (with the line breaks between them), in order. A line taller than a row
    /// on its own gets a row of its own.
    static func rows(_ lines: [MeasuredLine], fontSize: Double, characterLimit: Int) -> [ArraySlice<MeasuredLine>] {
        let maxLines = max(1, Int((maximum - 4) / lineHeight(fontSize: fontSize)))
        var rows: [ArraySlice<MeasuredLine>] = []
        var start = lines.startIndex
        var currentLines = 0
        var currentCharacters = 0
        for index in lines.indices {
            let line = lines[index]
            if index > start && (currentLines + line.lines > maxLines || currentCharacters + 1 + line.characters > characterLimit) {
                rows.append(lines[start..<index])
                (start, currentLines, currentCharacters) = (index, 0, 0)
            }
            currentCharacters += line.characters + (index == start ? 0 : 1)
            currentLines += line.lines
        }
        if start < lines.endIndex { rows.append(lines[start...]) }
        return rows
    }

    /// East Asian wide and full-width characters (CJK, kana, full-width forms, ★☆●・).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2460...0x24FF, 0x25A0...0x27BF, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x2010...0x206F:
            return true
        default:
            return false
        }
    }
}
