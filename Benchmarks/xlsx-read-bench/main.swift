import Foundation
import TableIO
import XLSXReader

// xlsx-read-bench FILE [--dump] [--hidden]
// Reads every sheet of FILE with pledgekit's XLSX reader and prints the row and cell counts;
// --dump prints each row instead (sheet, row number, cells separated by " | ").
let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
    FileHandle.standardError.write(Data("usage: xlsx-read-bench FILE [--dump] [--hidden]\n".utf8))
    exit(64)
}
do {
    let workbook = try XLSXWorkbook.open(url: URL(fileURLWithPath: path))
    let tables = try workbook.readTables(includeHidden: arguments.contains("--hidden"))
    if arguments.contains("--dump") {
        for sheet in workbook.sheets { print("# sheet \(sheet.name) \(sheet.visibility.rawValue) \(sheet.part)") }
        for table in tables {
            for row in table.rows {
                print("\(table.sheet ?? "")!\(row.number): " + row.values.map { $0.debugDescription }.joined(separator: " | "))
            }
            if !table.mergedRanges.isEmpty { print("merged: \(table.mergedRanges)") }
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
