import Foundation
import TableIO

/// An XLSX workbook opened for reading: its zip vetted (`ZipArchiveGuard`), its sheets listed.
/// Read it with `readTables`; every failure is a `TableReadError` in Japanese naming the file.
public final class XLSXWorkbook {
    public let file: String
    public let sheets: [XLSXSheetInfo]
    public let date1904: Bool
    /// What the reader skipped in the workbook as a whole (a sheet with no part): reported with the
    /// first table `readTables` returns.
    public let notices: [TableNotice]
    private let zip: ZipArchiveGuard
    private let index: WorkbookIndex
    private var sharedStrings: [String]?
    private var styles: CellStyles?

    /// Opens `url`; `displayName` is how messages name the file (default: its file name).
    public static func open(url: URL, displayName: String? = nil, limits: ZipLimits = .standard) throws(TableReadError) -> XLSXWorkbook {
        let name = displayName ?? url.lastPathComponent
        do {
            return try XLSXWorkbook(url: url, file: name, limits: limits)
        } catch {
            throw error.tableReadError(file: name)
        }
    }

    private init(url: URL, file: String, limits: ZipLimits) throws(XLSXReadError) {
        self.file = file
        zip = try ZipArchiveGuard(url: url, limits: limits)
        index = try WorkbookIndex(zip: zip)
        sheets = index.sheets
        date1904 = index.date1904
        notices = index.skippedSheets.map {
            TableNotice(SourceLocation(file: file, sheet: $0), "シート「\($0)」は中身の部品が指定されていないため読み飛ばしました（削除されたマクロシートの残りなど）。")
        }
    }

    /// One table per sheet, in workbook order; hidden sheets only when asked for.
    public func readTables(includeHidden: Bool = false) throws(TableReadError) -> [Table] {
        var tables: [Table] = []
        for sheet in sheets where includeHidden || !sheet.isHidden {
            tables.append(try readTable(sheet))
        }
        if !notices.isEmpty && !tables.isEmpty { tables[0].notices.insert(contentsOf: notices, at: 0) }
        return tables
    }

    public func readTable(named name: String) throws(TableReadError) -> Table? {
        guard let sheet = sheets.first(where: { $0.name == name }) else { return nil }
        return try readTable(sheet)
    }

    public func readTable(_ sheet: XLSXSheetInfo) throws(TableReadError) -> Table {
        do {
            return try read(sheet)
        } catch {
            throw error.tableReadError(file: file)
        }
    }

    private func read(_ sheet: XLSXSheetInfo) throws(XLSXReadError) -> Table {
        if sharedStrings == nil { sharedStrings = try SharedStrings.read(zip: zip, part: index.sharedStringsPart) }
        if styles == nil { styles = try CellStyles(zip: zip, part: index.stylesPart) }
        guard let entry = zip.entry(sheet.part) else { throw .missingPart(sheet.part) }
        let reader = SheetStreamReader(sheet: sheet.name, sharedStrings: sharedStrings ?? [], styles: styles ?? CellStyles(),
                                       date1904: date1904)
        let (rows, merged) = try reader.read(part: entry.name, source: zip.stream(entry))
        return Table(file: file, sheet: sheet.name, rows: rows, mergedRanges: merged)
    }
}
