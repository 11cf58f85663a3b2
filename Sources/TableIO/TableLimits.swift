/// The limits every table reader enforces while it reads (issue 16), with one set of figures for
/// CSV and XLSX alike: Excel's own (last row, column XFD, 32,767 characters a cell) and the
/// reader's (cells and text one table may hold), so that no input can take more than seconds and
/// a few hundred MB, and a CSV is never allowed what the same table as a workbook is not.
public enum TableLimits {
    /// Excel's last row.
    public static let maxRow = 1_048_576
    /// Columns beyond XFD do not exist in Excel.
    public static let maxColumn = 16_384
    /// Cells a table may occupy (empty ones between values included): 10 million empty cells are
    /// 160 MB of row arrays.
    public static let maxCells = 10_000_000
    /// What an Excel cell holds (UTF-16 code units, as Excel counts).
    public static let maxCellCharacters = 32_767
    /// The text one table's cells may hold together (UTF-8 bytes).
    public static let maxTextBytes = 256 << 20
    /// Largest CSV file read at all, checked from the file's size before its body is read. A
    /// department's file is a few hundred KB and 200,000 rows of 100-character activities are about
    /// 60 MB of UTF-8; a CSV's cells each become their own string (a workbook's shared strings do
    /// not), 64 bytes for a short one, so 256 MB of 24-byte cells took 950 MB: 64 MB ends near 250 MB.
    public static let maxCSVFileBytes = 64 << 20

    /// `1,048,576`: figures in messages are read by people.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// The message for a row beyond Excel's last, the same for every format.
    public static func rowBeyondMessage(_ row: Int) -> String {
        "行番号\(grouped(row))がExcelの上限\(grouped(maxRow))行を超えています。安全のため読み込みません。"
    }

    /// The message for a cell longer than Excel allows, the same for every format.
    public static func cellTooLongMessage(characters: Int) -> String {
        "セルの文字数が\(grouped(characters))文字あり、Excelのセルの上限\(grouped(maxCellCharacters))文字を超えています。"
            + "長すぎる文章を分けてください。"
    }

    public static var tooManyCellsMessage: String {
        "シートのセルが多すぎます（空白を含めて上限\(grouped(maxCells))個）。安全のため読み込みません。"
    }
}
