/// A format-neutral table: what every reader (CSV, XLSX) produces and every pipeline consumes.
/// Row and column numbers are 1-based, as a spreadsheet user counts them, so that a message can
/// name the cell the user sees.
public struct Table: Sendable, Equatable {
    /// The file the table came from, as the user named it (for messages).
    public var file: String
    /// The sheet name for a workbook; nil for a CSV file.
    public var sheet: String?
    public var rows: [Row]
    /// Merged ranges (XLSX only), so that a value shown across several cells is not lost silently.
    public var mergedRanges: [CellRange]
    /// Things the reader noticed but could read past (a ragged CSV row, a merged range):
    /// reported to the user, never silently dropped.
    public var notices: [TableNotice]

    public init(file: String, sheet: String? = nil, rows: [Row], mergedRanges: [CellRange] = [],
                notices: [TableNotice] = []) {
        self.file = file
        self.sheet = sheet
        self.rows = rows
        self.mergedRanges = mergedRanges
        self.notices = notices
    }

    /// Where a cell of this table is, for messages and the reconciliation list.
    public func location(row: Int, column: Int?) -> SourceLocation {
        SourceLocation(file: file, sheet: sheet, row: row, column: column)
    }
}

public struct Row: Sendable, Equatable {
    /// The row number in the source (1-based); rows are not renumbered when blank ones are skipped.
    public var number: Int
    /// Cell texts by column (index 0 is column A); "" is an empty cell.
    public var values: [String]

    public init(number: Int, values: [String]) {
        self.number = number
        self.values = values
    }

    /// The text in a 1-based column, or "" past the end of the row.
    public subscript(column: Int) -> String {
        column >= 1 && column <= values.count ? values[column - 1] : ""
    }

    public var isBlank: Bool {
        values.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }
}

public struct CellRange: Sendable, Equatable, CustomStringConvertible {
    public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }
    public var description: String {
        CellReference.a1(row: firstRow, column: firstColumn) + ":" + CellReference.a1(row: lastRow, column: lastColumn)
    }
}

/// File, sheet and cell of a value, printed the way a spreadsheet user finds it again:
/// `総務課.xlsx 提出票!F12`, or `総務課.csv!F12` for a CSV file.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible, Codable {
    public var file: String
    public var sheet: String?
    public var row: Int?
    public var column: Int?

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
    }

    private enum CodingKeys: String, CodingKey { case file, sheet, row, column, cell }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        row = try container.decodeIfPresent(Int.self, forKey: .row)
        column = try container.decodeIfPresent(Int.self, forKey: .column)
    }

    /// The stored fields and `cell` (`F12`), every key present (null when unknown).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(sheet, forKey: .sheet)
        try container.encode(row, forKey: .row)
        try container.encode(column, forKey: .column)
        try container.encode(cell, forKey: .cell)
    }

    /// `F12`, `12:12` for a whole row, or "" when the location is the whole file.
    public var cell: String {
        switch (row, column) {
        case let (row?, column?): return CellReference.a1(row: row, column: column)
        case let (row?, nil): return "\(row):\(row)"
        default: return ""
        }
    }

    public var description: String {
        var text = file
        if let sheet { text += " " + sheet }
        if !cell.isEmpty { text += "!" + cell }
        return text
    }
}

public enum CellReference {
    /// Column letters for a 1-based column number: 1 → A, 27 → AA.
    public static func columnLetters(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    public static func a1(row: Int, column: Int) -> String {
        columnLetters(column) + String(row)
    }

    /// Parses `B12` (or `$B$12`) into (row 12, column 2); nil for anything else.
    public static func parse(_ reference: String) -> (row: Int, column: Int)? {
        let scalars = reference.unicodeScalars.filter { $0 != "$" }
        let letters = scalars.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        let digits = scalars.dropFirst(letters.count)
        guard !letters.isEmpty, letters.count <= 3, !digits.isEmpty, digits.count <= 7,
              digits.allSatisfy({ ("0"..."9").contains($0) }), let row = Int(String(digits)), row > 0
        else { return nil }
        let column = letters.reduce(0) { $0 * 26 + Int($1.properties.uppercaseMapping.unicodeScalars.first!.value) - 64 }
        return (row, column)
    }
}

public struct TableNotice: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Something read past that the user should look at (cells outside the header, a sheet skipped).
        case readPast
        /// A CSV whose lines are of two encodings, each read in its own: a record of what was decided.
        case mixedEncoding
    }

    public var location: SourceLocation
    public var message: String
    public var kind: Kind
    public init(_ location: SourceLocation, _ message: String, kind: Kind = .readPast) {
        self.location = location
        self.message = message
        self.kind = kind
    }
}
