import Foundation

/// The package's Swift sources, read as text, for the architecture tests.
enum SourceTree {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The library targets: everything a caller links, none of which may act on the whole process.
    static let libraryTargets = ["PledgeCore", "TableIO", "XLSXReader", "XLSXWriter", "PledgeKit"]

    struct File {
        var path: String
        /// The first folder under the target (`Input`, `Workbook`, …), or "" at the target's top.
        var folder: String
        var text: String
        /// The text without comments and string literals' contents, so that words in either count for nothing.
        var code: String
    }

    static func files(in target: String) -> [File] {
        let root = sources.appendingPathComponent(target)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [File] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)
            let parts = relative.split(separator: "/")
            files.append(File(path: "\(target)/\(relative)", folder: parts.count > 1 ? String(parts[0]) : "",
                              text: text, code: stripped(text)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Comments removed, string literals emptied (interpolations too: what they name is still code,
    /// but nothing here needs it), line by line.
    static func stripped(_ text: String) -> String {
        var lines: [String] = []
        var inBlockComment = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var out = ""
            var inString = false
            var index = line.startIndex
            while index < line.endIndex {
                let rest = line[index...]
                if inBlockComment {
                    if rest.hasPrefix("*/") { inBlockComment = false; index = line.index(index, offsetBy: 2) } else { index = line.index(after: index) }
                    continue
                }
                if !inString && rest.hasPrefix("//") { break }
                if !inString && rest.hasPrefix("/*") { inBlockComment = true; index = line.index(index, offsetBy: 2); continue }
                let character = line[index]
                if character == "\\" && inString { index = line.index(index, offsetBy: 2, limitedBy: line.endIndex) ?? line.endIndex; continue }
                if character == "\"" { inString.toggle(); out.append("\""); index = line.index(after: index); continue }
                if !inString { out.append(character) }
                index = line.index(after: index)
            }
            lines.append(out)
        }
        return lines.joined(separator: "\n")
    }
}
