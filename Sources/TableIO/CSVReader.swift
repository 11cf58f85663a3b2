import Foundation

/// Reads RFC 4180 CSV (or TSV) into a Table: quoted fields may hold commas, quotes (`""`) and line
/// breaks; records end with CRLF, LF or CR. A quote that opens and never closes, or text after a
/// closing quote, is an error naming the row and column, because reading past it would shift
/// every later value into the wrong column.
public enum CSVReader {
    public static func read(contentsOf url: URL, displayName: String? = nil) throws(TableReadError) -> (table: Table, encoding: CSVEncoding) {
        let file = displayName ?? url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TableReadError(file: file, "ファイルを読み込めません（\(error.localizedDescription)）。")
        }
        let (text, encoding) = try TextEncodingDetector.decode(data, file: file)
        let tabSeparated = url.pathExtension.lowercased() == "tsv" || encoding == .utf16LE || encoding == .utf16BE
        let table = try parse(text, file: file, delimiter: tabSeparated ? "\t" : ",")
        return (table, encoding)
    }

    public static func parse(_ text: String, file: String, delimiter: Unicode.Scalar = ",") throws(TableReadError) -> Table {
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var rowNumber = 1
        var quoteOpenedAt: (row: Int, column: Int)?
        var inQuotes = false
        var afterClosingQuote = false
        let scalars = Array(text.unicodeScalars)
        var index = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            rows.append(Row(number: rowNumber, values: fields))
            fields = []
            rowNumber += 1
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case delimiter:
                endField()
            case "\r", "\n":
                if scalar == "\r" && index < scalars.count && scalars[index] == "\n" { index += 1 }
                endRecord()
            case "\"" where field.isEmpty && !afterClosingQuote:
                inQuotes = true
                quoteOpenedAt = (rowNumber, fields.count + 1)
            default:
                let column = fields.count + 1
                if afterClosingQuote {
                    throw TableReadError(SourceLocation(file: file, row: rowNumber, column: column),
                                         "CSVの引用符の後に余分な文字があります（\(rowNumber)行目 \(column)列目）。")
                }
                if scalar == "\"" {
                    throw TableReadError(SourceLocation(file: file, row: rowNumber, column: column),
                                         "CSVの引用符(\")が項目の途中にあります（\(rowNumber)行目 \(column)列目）。引用符を含む値は全体を\"で囲み、\"は\"\"と書きます。")
                }
                field.append(scalar)
            }
        }
        if inQuotes, let opened = quoteOpenedAt {
            throw TableReadError(SourceLocation(file: file, row: opened.row, column: opened.column),
                                 "CSVの引用符(\")が閉じられていません（\(opened.row)行目 \(opened.column)列目から始まる値）。")
        }
        if !field.isEmpty || !fields.isEmpty || afterClosingQuote { endRecord() }
        return Table(file: file, rows: rows)
    }
}
