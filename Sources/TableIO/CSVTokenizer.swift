/// Splits UTF-8 CSV bytes into rows as they arrive, chunk by chunk (RFC 4180: quoted fields may
/// hold delimiters, `""` and line breaks; records end with CRLF, LF or CR), and enforces
/// `TableLimits` as each cell and row ends, so that a hostile file stops at the first cell past a
/// limit instead of being read whole. A cell's bytes stop being kept once it is past Excel's
/// 32,767 characters; the rest is only counted, for the message.
struct CSVTokenizer {
    let file: String
    let delimiter: UInt8
    private(set) var rows: [Row] = []

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    /// UTF-16 code units of the field so far, as Excel counts a cell's characters.
    private var fieldCharacters = 0
    private var rowNumber = 1
    private var quoteOpenedAt = (row: 0, column: 0)
    /// A CR just ended a record: an LF right after it belongs to the same line end.
    private var afterCR = false
    private var cells = 0
    private var textBytes = 0

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    init(file: String, delimiter: UInt8) {
        self.file = file
        self.delimiter = delimiter
    }

    /// The row being read now (1-based): where a decoder that fails mid-file is.
    var currentRow: Int { rowNumber }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(TableReadError) {
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == Self.lf { continue }
            }
            switch state {
            case .quoted:
                if byte == Self.quote { state = .quoteInQuoted } else { append(byte) }
            case .quoteInQuoted:
                if byte == Self.quote {
                    append(byte)
                    state = .quoted
                } else if byte == delimiter {
                    try endField()
                } else if byte == Self.cr || byte == Self.lf {
                    try endRecord(cr: byte == Self.cr)
                } else {
                    let column = fields.count + 1
                    throw TableReadError(location(column: column), "CSVの引用符の後に余分な文字があります（\(rowNumber)行目 \(column)列目）。")
                }
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    try endField()
                } else if byte == Self.cr || byte == Self.lf {
                    try endRecord(cr: byte == Self.cr)
                } else if byte == Self.quote {
                    let column = fields.count + 1
                    guard state == .fieldStart else {
                        throw TableReadError(location(column: column),
                                             "CSVの引用符(\")が項目の途中にあります（\(rowNumber)行目 \(column)列目）。引用符を含む値は全体を\"で囲み、\"は\"\"と書きます。")
                    }
                    state = .quoted
                    quoteOpenedAt = (rowNumber, column)
                } else {
                    state = .unquoted
                    append(byte)
                }
            }
        }
    }

    /// The end of the input: the last record (without a final line break) and an unclosed quote.
    mutating func finish() throws(TableReadError) -> [Row] {
        if state == .quoted {
            throw TableReadError(SourceLocation(file: file, row: quoteOpenedAt.row, column: quoteOpenedAt.column),
                                 "CSVの引用符(\")が閉じられていません（\(quoteOpenedAt.row)行目 \(quoteOpenedAt.column)列目から始まる値）。")
        }
        if !field.isEmpty || !fields.isEmpty || state == .quoteInQuoted { try endRecord(cr: false) }
        return rows
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        // Continuation bytes add nothing; a 4-byte sequence is a surrogate pair in UTF-16.
        if byte & 0xC0 != 0x80 { fieldCharacters += byte >= 0xF0 ? 2 : 1 }
        if fieldCharacters <= TableLimits.maxCellCharacters { field.append(byte) }
    }

    private func location(column: Int?) -> SourceLocation {
        SourceLocation(file: file, row: rowNumber, column: column)
    }

    private mutating func endField() throws(TableReadError) {
        let column = fields.count + 1
        guard column <= TableLimits.maxColumn else {
            throw TableReadError(location(column: TableLimits.maxColumn),
                                 "\(rowNumber)行目の列の数がExcelの上限\(TableLimits.grouped(TableLimits.maxColumn))列（XFD列）を超えています。安全のため読み込みません。")
        }
        guard fieldCharacters <= TableLimits.maxCellCharacters else {
            throw TableReadError(location(column: column), TableLimits.cellTooLongMessage(characters: fieldCharacters))
        }
        cells += 1
        guard cells <= TableLimits.maxCells else {
            throw TableReadError(location(column: nil),
                                 "CSVのセルが多すぎます（空白を含めて上限\(TableLimits.grouped(TableLimits.maxCells))個）。安全のため読み込みません。")
        }
        textBytes += field.count
        guard textBytes <= TableLimits.maxTextBytes else {
            throw TableReadError(location(column: nil),
                                 "CSVの文字の合計が上限（\(TableLimits.grouped(TableLimits.maxTextBytes))バイト）を超えます。安全のため読み込みません。")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldCharacters = 0
        state = .fieldStart
    }

    private mutating func endRecord(cr: Bool) throws(TableReadError) {
        guard rowNumber <= TableLimits.maxRow else {
            throw TableReadError(location(column: nil), TableLimits.rowBeyondMessage(rowNumber))
        }
        try endField()
        rows.append(Row(number: rowNumber, values: fields))
        fields = []
        rowNumber += 1
        afterCR = cr
    }
}
