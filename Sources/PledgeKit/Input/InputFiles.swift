import Foundation
import TableIO

/// The files a run reads: every `.csv`, `.tsv` and `.xlsx` in the folders given (recursively), in
/// a stable order, hidden ones too (`.財政課.csv`, as some unzip tools and copies leave them).
/// Every other entry of an inbox is reported, never silently passed over: a file of another kind,
/// a name that is not UTF-8, a link, a FIFO or device (never opened: it could block), a folder
/// named like a workbook, a hidden folder, and (as information) what the system or Excel left there.
public enum InputFiles {
    public static let readableExtensions: Set<String> = ["csv", "tsv", "xlsx", "xlsm"]

    public static func collect(_ paths: [URL], diagnostics: inout Diagnostics) -> [URL] {
        collect(InboxListing(paths), diagnostics: &diagnostics)
    }

    public static func collect(_ listing: InboxListing, diagnostics: inout Diagnostics) -> [URL] {
        var files: [URL] = []
        for (index, path) in listing.paths.enumerated() {
            var info = stat()
            guard stat(path.path, &info) == 0 else {
                diagnostics.error(.fileUnreadable, at: SourceLocation(file: path.path), "ファイルまたはフォルダが見つかりません。")
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                // Read without a refusal first (audit's inbox): the folder too big to be an inbox is an error, not an empty one.
                if path == listing.oversized {
                    diagnostics.error(.fileUnreadable, at: SourceLocation(file: path.path),
                                      InboxListing.oversizedMessage(role: "提出フォルダ", folder: path))
                    continue
                }
                for entry in listing.entries(at: index) {
                    if let file = accept(entry, root: path, diagnostics: &diagnostics) { files.append(file) }
                }
            case S_IFREG:
                files.append(path)
            default:
                // Named on the command line (`check /dev/stdin`, a FIFO): the link is the user's own, the kind is not readable.
                diagnostics.error(.fileUnreadable, at: SourceLocation(file: path.lastPathComponent),
                                  "通常のファイルではありません（\(FileKind.name(of: info.st_mode))）。提出ファイルそのものを指定してください。")
            }
        }
        return files
    }

    /// The file to read for an inbox entry, or nil with the entry reported.
    static func accept(_ entry: InboxEntry, root: URL, diagnostics: inout Diagnostics) -> URL? {
        let place = SourceLocation(file: entry.displayName)
        let readable = readableExtensions.contains(entry.pathExtension)
        if let system = entry.systemFile {
            diagnostics.info(.fileIgnored, at: place, "\(system)。提出ファイルではないため読み込みません。")
            return nil
        }
        if entry.isHidden && entry.kind == .directory {
            // A department's file in there would leave the department 未提出 with only a note: say it louder.
            let inside = (entry.url.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? [])
                .filter { readableExtensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            if inside.isEmpty {
                diagnostics.info(.fileIgnored, at: place, "隠しフォルダ（名前が「.」で始まる）のため、中のファイルは読み込みません。")
            } else {
                let names = inside.prefix(3).joined(separator: "、") + (inside.count > 3 ? " ほか\(inside.count - 3)件" : "")
                diagnostics.warning(.fileIgnored, at: place,
                                    "隠しフォルダ（名前が「.」で始まる）の中に提出ファイルらしいもの（\(names)）がありますが、読み込みません。集計に使うなら、提出フォルダに移してください。")
            }
            return nil
        }
        guard let url = entry.url else {
            reportNonUTF8Name(entry.displayName, cp932Reading: entry.cp932Reading, diagnostics: &diagnostics)
            return nil
        }
        switch entry.kind {
        case .regular:
            if readable { return url }
            if entry.pathExtension == "xls" {
                diagnostics.error(.fileUnreadable, at: place,
                                  "Excel 97-2003形式(.xls)は読めません。Excelで.xlsx形式(Excelブック)として保存し直してください。")
            } else if entry.isHidden {
                diagnostics.info(.fileIgnored, at: place, "隠しファイル（名前が「.」で始まる）で、対象外の種類です（.xlsx・.csv・.tsvのみ読み込みます）。")
            } else {
                diagnostics.warning(.fileIgnored, at: place, "対象外のファイルです（.xlsx・.csv・.tsvのみ読み込みます）。")
            }
        case .directory:
            // Any other folder is entered: its entries follow this one.
            guard readable else { return nil }
            diagnostics.error(.fileUnreadable, at: place,
                              "ファイルではなくフォルダです（名前が.\(entry.pathExtension)で終わっています）。ブックを展開したものであれば、元の.\(entry.pathExtension)ファイルを入れてください。")
        case .symlink:
            reportLink(entry, url: url, root: root, diagnostics: &diagnostics)
        case .fifo, .device, .socket, .other:
            guard readable else {
                diagnostics.warning(.fileIgnored, at: place, "対象外のファイルです（.xlsx・.csv・.tsvのみ読み込みます）。")
                return nil
            }
            diagnostics.error(.fileUnreadable, at: place,
                              "通常のファイルではありません（\(entry.kindName)）。開くと止まるおそれがあるため読み込みません。提出ファイルそのものを入れてください。")
        }
        return nil
    }

    /// A name that is not UTF-8 (what unzipping a CP932 zip leaves) is named, with how Windows
    /// wrote it, instead of being read under a name no output could carry.
    static func reportNonUTF8Name(_ displayName: String, cp932Reading: String?, diagnostics: inout Diagnostics) {
        let reading = cp932Reading.map { "（CP932として読むと「\($0)」）" } ?? ""
        diagnostics.error(.fileUnreadable, at: SourceLocation(file: displayName),
                          "ファイル名の文字コードがUTF-8ではないため読み込みません\(reading)。Windowsで作ったZIPを文字コードを指定せずに展開すると"
                          + "こうなります。ZIPを文字コードCP932（Shift_JIS）を指定して展開し直してください（例: unzip -O cp932）。")
    }

    /// Paths named on the command line whose bytes are not UTF-8 (a Swift `String` would have
    /// repaired them into U+FFFD and named a file that does not exist): looked up by their own
    /// bytes, and reported as `merge` reports the same file found in a folder; a usage refusal
    /// when there is no such file.
    static func checkNonUTF8Paths(_ paths: [[UInt8]], diagnostics: inout Diagnostics) -> Refusal? {
        for path in paths {
            var info = stat()
            let found = (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) } } == 0
            let shown = InboxEntry.escaped(path)
            guard found else { return Refusal(.usage, "\(shown) が見つかりません。ファイルの場所と名前を確かめてください。") }
            let name = Array(path.split(separator: UInt8(ascii: "/")).last ?? [])
            let reading = String(data: Data(name), encoding: .shiftJIS)
            reportNonUTF8Name(InboxEntry.escaped(name), cp932Reading: reading, diagnostics: &diagnostics)
        }
        return nil
    }

    /// A link is never read as a submission: one to a file inside the inbox is that file, read under
    /// its own name; one pointing outside could show any file of this computer in the messages and
    /// the reconciliation list (a zip can carry such a link).
    private static func reportLink(_ entry: InboxEntry, url: URL, root: URL, diagnostics: inout Diagnostics) {
        let place = SourceLocation(file: entry.displayName)
        let target = url.resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: target.path) else {
            diagnostics.error(.fileUnreadable, at: place, "シンボリックリンクですが、リンク先がありません。提出ファイルそのものを入れてください。")
            return
        }
        if PathContainment.contains(PathContainment.canonical(root), target.pathComponents) {
            diagnostics.info(.fileIgnored, at: place,
                             "提出フォルダの中の \(InboxReader.displayName(of: target, roots: [root.resolvingSymlinksInPath()])) へのシンボリックリンクです。"
                             + "同じファイルを2回読まないよう、リンクとしては読み込みません（リンク先はそのファイルとして扱います）。")
        } else {
            diagnostics.error(.fileUnreadable, at: place,
                              "提出フォルダの外（\(target.path)）を指すシンボリックリンクです。安全のため読み込みません。提出ファイルそのものを提出フォルダにコピーしてください。")
        }
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
