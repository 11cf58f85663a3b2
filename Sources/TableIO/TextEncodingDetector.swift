import Foundation

/// The encodings a department's CSV arrives in. Excel saves CP932 by default, "CSV UTF-8" with a
/// BOM, and "Unicode text" as UTF-16 with a BOM.
public enum CSVEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case cp932 = "cp932"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
}

public enum TextEncodingDetector {
    /// Decodes a whole file, deciding the encoding from its bytes: a BOM if present, else UTF-8
    /// if every byte sequence is valid UTF-8, else CP932 if every sequence is valid CP932. Anything
    /// else is refused rather than guessed: a wrong guess would publish mojibake.
    public static func decode(_ data: Data, file: String) throws(TableReadError) -> (text: String, encoding: CSVEncoding) {
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw TableReadError(file: file, "CSVファイルではありません（Excel 97-2003形式のブックまたは暗号化されたブックです）。CSV形式で保存し直してください。")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw TableReadError(file: file, "CSVファイルではありません（ZIP形式、.xlsxのブックと思われます）。拡張子を確認してください。")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try utf8(data.dropFirst(3), file: file), .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = String(data: data.dropFirst(2), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                throw TableReadError(file: file, "UTF-16として読めないバイト列があります。")
            }
            return (text, littleEndian ? .utf16LE : .utf16BE)
        }
        if data.contains(0) {
            throw TableReadError(file: file, "CSVファイルではありません（バイナリデータを含んでいます）。")
        }
        if let text = String(validatingUTF8Data: data) { return (text, .utf8) }
        if let text = String(data: data, encoding: .shiftJIS) { return (text, .cp932) }
        throw TableReadError(file: file, "文字コードを判別できません（UTF-8でもShift_JIS(CP932)でもありません）。ExcelでCSV形式またはCSV UTF-8形式で保存し直してください。")
    }

    private static func utf8(_ data: Data, file: String) throws(TableReadError) -> String {
        guard let text = String(validatingUTF8Data: data) else {
            throw TableReadError(file: file, "UTF-8のBOMがありますが、UTF-8として正しくないバイト列を含んでいます。")
        }
        return text
    }
}

extension String {
    /// Strict UTF-8 decoding: nil on any invalid sequence (Foundation's init repairs silently).
    init?(validatingUTF8Data data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
