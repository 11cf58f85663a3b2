import Foundation

/// Writes CSV for the open-data portal: CRLF record ends, a field quoted only when it holds a
/// comma, a quote or a line break, and the encoding the portal asks for.
public enum CSVWriter {
    public enum WriteError: Error, CustomStringConvertible {
        case unencodable(value: String, encoding: CSVEncoding)
        public var description: String {
            switch self {
            case let .unencodable(value, encoding):
                return "値「\(value)」は\(encoding.rawValue)で表せない文字を含みます。--csv-encoding utf-8-bom を使ってください。"
            }
        }
    }

    public static func encode(header: [String], rows: [[String]], encoding: CSVEncoding) throws -> Data {
        var text = line(header)
        for row in rows { text += line(row) }
        switch encoding {
        case .utf8:
            return Data(text.utf8)
        case .utf8BOM:
            return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .cp932:
            var data = Data()
            for row in [header] + rows {
                for value in row where value.data(using: .shiftJIS, allowLossyConversion: false) == nil {
                    throw WriteError.unencodable(value: value, encoding: encoding)
                }
                data += line(row).data(using: .shiftJIS, allowLossyConversion: false)!
            }
            return data
        case .utf16LE, .utf16BE:
            let body = text.data(using: encoding == .utf16LE ? .utf16LittleEndian : .utf16BigEndian)!
            return Data(encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]) + body
        }
    }

    static func line(_ values: [String]) -> String {
        values.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ value: String) -> String {
        // Scalars first (fast): a field none of whose scalars is a comma, a quote or a line break
        // has no such character either; only the others need the character-by-character look.
        guard value.unicodeScalars.contains(where: { [0x22, 0x2C, 0x85, 0x2028, 0x2029].contains($0.value) || (0x0A...0x0D).contains($0.value) }),
              value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
