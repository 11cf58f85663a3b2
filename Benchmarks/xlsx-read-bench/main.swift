import Foundation
import TableIO
import XLSXReader

// xlsx-read-bench FILE [--dump | --json] [--hidden]
// Reads every sheet of FILE with pledgekit's XLSX reader and prints the row and cell counts;
// --dump prints each row instead (sheet, row number, cells separated by " | ");
// --json prints the whole workbook as one JSON object (scripts/compare-with-calamine.py reads it):
//   {"sheets": [{"name", "visibility", "rows": [[number, [values]]], "notices": [...]}]}
// A refusal prints its message on stderr and exits 1.
let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
    FileHandle.standardError.write(Data("usage: xlsx-read-bench FILE [--dump | --json] [--hidden]\n".utf8))
    exit(64)
}

struct SheetDump: Encodable {
    var name: String
    var visibility: String
    var rows: [[JSONValue]]
    var notices: [String]
}

enum JSONValue: Encodable {
    case number(Int), texts([String])
    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .number(value): try container.encode(value)
        case let .texts(values): try container.encode(values)
        }
    }
}

do {
    let workbook = try XLSXWorkbook.open(url: URL(fileURLWithPath: path))
    let includeHidden = arguments.contains("--hidden") || arguments.contains("--json")
    let tables = try workbook.readTables(includeHidden: includeHidden)
    if arguments.contains("--json") {
        let visibility = Dictionary(workbook.sheets.map { ($0.name, $0.visibility.rawValue) }, uniquingKeysWith: { first, _ in first })
        let sheets = tables.map { table in
            SheetDump(name: table.sheet ?? "", visibility: visibility[table.sheet ?? ""] ?? "visible",
                      rows: table.rows.map { [.number($0.number), .texts($0.values)] },
                      notices: table.notices.map { "\($0.location): \($0.message)" })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(["sheets": sheets]))
        FileHandle.standardOutput.write(Data("\n".utf8))
    } else if arguments.contains("--dump") {
        for sheet in workbook.sheets { print("# sheet \(sheet.name) \(sheet.visibility.rawValue) \(sheet.part)") }
        for table in tables {
            for row in table.rows {
                print("\(table.sheet ?? "")!\(row.number): " + row.values.map { $0.debugDescription }.joined(separator: " | "))
            }
            if !table.mergedRanges.isEmpty { print("merged: \(table.mergedRanges)") }
            for notice in table.notices { print("notice: \(notice.location): \(notice.message)") }
        }
    } else {
        let rows = tables.reduce(0) { $0 + $1.rows.count }
        let cells = tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.values.count } }
        print("rows \(rows) cells \(cells)")
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
