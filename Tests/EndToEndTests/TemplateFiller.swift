import Foundation
import ZIPFoundation

/// Opens a workbook written by `pledgekit template` and types into its cells the way a department
/// does in Excel: the cell keeps its style (and so its lock, validation and borders), the value
/// becomes an inline string or a number, every other part of the file is copied unchanged.
final class TemplateFiller {
    let url: URL
    private var entries: [(path: String, data: Data)] = []
    private(set) var sheetXML: String
    private let sheetPath: String
    /// The shared strings, for reading what the template pre-filled.
    let sharedStrings: [String]

    init(_ url: URL, sheetPath: String = "xl/worksheets/sheet1.xml") throws {
        self.url = url
        self.sheetPath = sheetPath
        let archive = try Archive(url: url, accessMode: .read)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            entries.append((entry.path, data))
        }
        guard let sheet = entries.first(where: { $0.path == sheetPath }) else {
            throw FillerError("\(url.lastPathComponent) に \(sheetPath) がありません")
        }
        sheetXML = String(decoding: sheet.data, as: UTF8.self)
        let strings = entries.first { $0.path == "xl/sharedStrings.xml" }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        sharedStrings = TemplateFiller.matches(of: #"<si>(.*?)</si>"#, in: strings).map { item in
            TemplateFiller.matches(of: #"<t[^>]*>(.*?)</t>"#, in: item).map(TemplateFiller.unescape).joined()
        }
    }

    struct FillerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The text shown in a cell (`A12`), "" for a blank one.
    func text(_ reference: String) -> String {
        guard let cell = cellElement(reference) else { return "" }
        let value = TemplateFiller.matches(of: #"<v>(.*?)</v>"#, in: cell).first ?? ""
        if cell.contains(#"t="s""#), let index = Int(value) { return sharedStrings[index] }
        if cell.contains(#"t="inlineStr""#) {
            return TemplateFiller.matches(of: #"<t[^>]*>(.*?)</t>"#, in: cell).map(TemplateFiller.unescape).joined()
        }
        return TemplateFiller.unescape(value)
    }

    /// Types text into a cell of the template (which must exist, as every template cell does).
    func type(_ text: String, into reference: String) throws {
        try replace(reference) { style in
            #"<c r="\#(reference)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(TemplateFiller.escape(text))</t></is></c>"#
        }
    }

    /// Types a number (a rating, or a date as Excel stores it: days since 1899-12-30).
    func type(number: Int, into reference: String) throws {
        try replace(reference) { style in #"<c r="\#(reference)"\#(style)><v>\#(number)</v></c>"# }
    }

    /// Renames a header cell or any other cell holding text.
    func retype(_ reference: String, to text: String) throws { try type(text, into: reference) }

    private func cellElement(_ reference: String) -> String? {
        guard let range = cellRange(reference) else { return nil }
        return String(sheetXML[range])
    }

    private func cellRange(_ reference: String) -> Range<String.Index>? {
        let pattern = #"<c r="\#(reference)"[^>]*?(/>|>.*?</c>)"#
        return sheetXML.range(of: pattern, options: .regularExpression)
    }

    private func replace(_ reference: String, with make: (String) -> String) throws {
        guard let range = cellRange(reference) else { throw FillerError("\(url.lastPathComponent): セル \(reference) がありません") }
        let old = String(sheetXML[range])
        let style = TemplateFiller.matches(of: #"( s="\d+")"#, in: old).first ?? ""
        sheetXML.replaceSubrange(range, with: make(style))
    }

    /// Writes the edited workbook to `destination` (the template itself when nil).
    func save(to destination: URL? = nil) throws {
        let target = destination ?? url
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".filling-\(UUID().uuidString).xlsx")
        let archive = try Archive(url: temporary, accessMode: .create)
        for (path, original) in entries {
            let data = path == sheetPath ? Data(sheetXML.utf8) : original
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_600_000_000), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.moveItem(at: temporary, to: target)
    }

    /// The raw XML of a part (for checks on validation, protection, styles).
    func part(_ path: String) -> String? {
        if path == sheetPath { return sheetXML }
        return entries.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            ns.substring(with: match.numberOfRanges > 1 ? match.range(at: 1) : match.range)
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
