import Foundation
import TableIO

/// The files a run reads: every `.csv`, `.tsv` and `.xlsx` in the folders given (recursively), in
/// a stable order. Anything else in an inbox is listed, never silently ignored.
public enum InputFiles {
    public static let readableExtensions: Set<String> = ["csv", "tsv", "xlsx", "xlsm"]

    public static func collect(_ paths: [URL], diagnostics: inout Diagnostics) -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                diagnostics.error(.fileUnreadable, at: SourceLocation(file: path.path), "ファイルまたはフォルダが見つかりません。")
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let found = (FileManager.default.enumerator(at: path, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles])?.allObjects as? [URL]) ?? []
            for file in found.sorted(by: { $0.path < $1.path }) {
                guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let name = file.lastPathComponent
                let ext = file.pathExtension.lowercased()
                if name.hasPrefix("~$") { continue }  // Excel's lock file of an open workbook
                if readableExtensions.contains(ext) {
                    files.append(file)
                } else if ext == "xls" {
                    diagnostics.error(.fileUnreadable, at: SourceLocation(file: name),
                                      "Excel 97-2003形式(.xls)は読めません。Excelで.xlsx形式(Excelブック)として保存し直してください。")
                } else {
                    diagnostics.warning(.fileIgnored, at: SourceLocation(file: name),
                                        "対象外のファイルです（.xlsx・.csv・.tsvのみ読み込みます）。")
                }
            }
        }
        return files
    }
}

/// Reads any supported file into tables: one for a CSV, one per sheet for a workbook.
public enum TableLoader {
    public static func tables(at url: URL, includeHiddenSheets: Bool = false) throws(TableReadError) -> [Table] {
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm":
            return try WorkbookTables.read(url, includeHidden: includeHiddenSheets)
        default:
            return [try CSVReader.read(contentsOf: url).table]
        }
    }
}
