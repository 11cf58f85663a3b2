import Foundation
import TableIO
import XLSXReader

/// Fixtures made by Fixtures/make-fixtures.py (committed; the tests never run the script).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func tables(_ name: String, includeHidden: Bool = false) throws -> [Table] {
        try XLSXWorkbook.open(url: url(name)).readTables(includeHidden: includeHidden)
    }

    /// The rows of the only (or first) visible sheet, as number → values.
    static func rows(_ name: String, sheet: Int = 0) throws -> [Int: [String]] {
        let table = try tables(name)[sheet]
        return Dictionary(uniqueKeysWithValues: table.rows.map { ($0.number, $0.values) })
    }

    /// The refusal an open or read of the fixture gives.
    static func refusal(_ name: String) -> TableReadError? {
        do {
            _ = try XLSXWorkbook.open(url: url(name)).readTables(includeHidden: true)
            return nil
        } catch {
            return error
        }
    }
}
