import Foundation
import TableIO
#if canImport(Glibc)
import Glibc
#endif

/// One entry of an inbox folder as the file system has it: its name as bytes (a name unzipped from
/// a CP932 zip is not UTF-8, and Foundation would turn it into U+FFFD and lose it), and its kind by
/// `lstat`, so that a link is seen as a link and a FIFO is never opened.
struct InboxEntry: Sendable {
    enum Kind: Equatable { case regular, directory, symlink, fifo, device, socket, other }

    /// The path below the inbox folder, as bytes (`2回目/総務課.csv`).
    let relativePath: [UInt8]
    let mode: mode_t
    var kind: Kind { Self.kind(mode) }
    /// What the entry is, for messages (`名前付きパイプ(FIFO)`).
    var kindName: String { FileKind.name(of: mode) }
    /// The path as a URL; nil when its name is not UTF-8 (such a folder is not entered).
    let url: URL?

    var name: [UInt8] { Array(relativePath.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last ?? []) }

    /// The relative path for messages: UTF-8 as it is, any other byte as `\x91`.
    var displayName: String { Self.escaped(relativePath) }

    var pathExtension: String {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    var isHidden: Bool { name.first == UInt8(ascii: ".") }

    /// What an operating system or Excel left here by itself, never a department's file: why it
    /// is not read, for an information note; nil for anything else.
    var systemFile: String? {
        let lowered = String(decoding: name, as: UTF8.self).lowercased()
        if name.starts(with: Array("~$".utf8)) { return "Excelがブックを開いている間に作る一時ファイル（~$で始まる）です" }
        if name.starts(with: Array("._".utf8)) { return "macOSがコピーやZIPの際に作る付随ファイル（._で始まる）です" }
        switch lowered {
        case ".ds_store": return "macOSがフォルダの表示設定を保存するファイル(.DS_Store)です"
        case "thumbs.db", "ehthumbs.db", "desktop.ini": return "Windowsがフォルダの表示のために作るファイルです"
        case "__macosx": return "macOSで作ったZIPを展開すると作られるフォルダ(__MACOSX)です"
        default: return nil
        }
    }

    /// More entries than any inbox of a city's departments holds (a few hundred files): past it the
    /// folder is taken for the wrong one (`/`, a home folder, a link to either) and the walk stops,
    /// so that a run on it is refused at once instead of reading the whole disk.
    static let maxEntries = 20_000

    /// Every entry below `root`, sorted by path; folders are entered unless hidden, a system
    /// folder (`__MACOSX`), named like a submission file (they are reported, not read), or not named in UTF-8.
    /// Nil when the folder holds more than `maxEntries`.
    static func walk(_ root: URL) -> [InboxEntry]? {
        var found: [InboxEntry] = []
        guard walk(root.path, relative: [], into: &found) else { return nil }
        // By whole path, as before (`a.csv` before `a/b.csv`): the order files are read in.
        return found.sorted { $0.displayName < $1.displayName }
    }

    /// False once more than `maxEntries` are found.
    private static func walk(_ folder: String, relative: [UInt8], into found: inout [InboxEntry]) -> Bool {
        guard let directory = opendir(folder) else { return true }
        defer { closedir(directory) }
        var children: [(name: [UInt8], mode: mode_t)] = []
        while let entry = readdir(directory) {
            if found.count + children.count >= maxEntries { return false }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            var info = stat()
            let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
            let status = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) } }
            children.append((name, status == 0 ? info.st_mode : 0))
        }
        for (name, mode) in children {
            let relativePath = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            let url = String(validating: name, as: UTF8.self).map { URL(fileURLWithPath: folder).appendingPathComponent($0) }
            let entry = InboxEntry(relativePath: relativePath, mode: mode, url: url)
            found.append(entry)
            if entry.kind == .directory, let url, !entry.isHidden, entry.systemFile == nil,
               !InputFiles.readableExtensions.contains(entry.pathExtension) {
                guard walk(url.path, relative: relativePath, into: &found) else { return false }
            }
        }
        return true
    }

    private static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        case S_IFSOCK: .socket
        default: .other
        }
    }

    /// Bytes as text, a path component at a time: a component that is valid UTF-8 as it is, one that
    /// is not with every non-ASCII byte as `\xHH` (decoding the pairs that happen to be valid UTF-8
    /// would mix stray characters into the escapes: `\x8C\xF0\x92ʉ\xDB.csv`).
    static func escaped(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return bytes.split(separator: 0x2F, omittingEmptySubsequences: false).map { component in
            if let text = String(validating: component, as: UTF8.self) { return text }
            return component.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }
                .joined()
        }.joined(separator: "/")
    }

    /// The name read as CP932, as Windows wrote it into the zip: what the clerk will recognise.
    var cp932Reading: String? {
        String(data: Data(name), encoding: .shiftJIS)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
