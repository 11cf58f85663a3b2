import Foundation

/// What the server makes of an uploaded file's name: only something to show (escaped, like every
/// text on a page), and its extension, which decides how the file is read. Never a path.
enum UploadName {
    static let acceptedExtensions = ["xlsx", "csv", "tsv"]

    /// The name as sent, without control characters, at most 200 characters; `（名前なし）` if empty.
    static func display(_ raw: String) -> String {
        let cleaned = String(raw.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let short = cleaned.count > 200 ? String(cleaned.prefix(200)) + "…" : cleaned
        return short.isEmpty ? "（名前なし）" : short
    }

    /// `xlsx`, `csv` or `tsv`, from the last component of the name (`/` or `\`), or nil.
    static func fileExtension(_ raw: String) -> String? {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? raw
        guard let dot = last.lastIndex(of: ".") else { return nil }
        let ext = last[last.index(after: dot)...].lowercased()
        return acceptedExtensions.contains(ext) ? ext : nil
    }

    static let unsupported = PageError(.unsupportedMediaType, "このファイルは受け付けられません",
                                       "提出できるのは Excel のブック（.xlsx）か、CSV（.csv・.tsv）のファイルです。提出票のファイルを選んでください。")
    static let empty = PageError(.badRequest, "ファイルが空です", "提出票のファイルを選んでから、もう一度アップロードしてください。")
}
