import Foundation
import TableIO
import XLSXReader

/// XLSX input goes through XLSXReader: every sheet (visible ones unless asked), each a table with
/// its file, sheet and 1-based row numbers; refusals come back as Japanese messages naming the file.
enum WorkbookTables {
    static func read(_ url: URL, includeHidden: Bool) throws(TableReadError) -> [Table] {
        let workbook = try XLSXWorkbook.open(url: url)
        return try workbook.readTables(includeHidden: includeHidden)
    }
}
