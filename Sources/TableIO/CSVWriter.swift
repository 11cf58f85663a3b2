import Foundation

/// Writes CSV for the open-data portal: CRLF record ends, a field quoted only when it holds a
/// comma, a quote or a line break, and the encoding the portal asks for.
public enum CSVWriter {
    /// A character the encoding cannot hold: its record (1 = the header), column and code point.
    public struct Unencodable: Sendable, Equatable {
        public var record: Int
        public var column: String
        public var character: Unicode.Scalar
        /// `「𠮷」（U+20BB7）`
        public var characterText: String {
            "「\(character)」（U+\(String(character.value, radix: 16, uppercase: true).leftPadded(to: 4))）"
        }
    }

    public enum WriteError: Error, CustomStringConvertible {
        /// Every character that could not be encoded, in file order.
        case unencodable([Unencodable], encoding: CSVEncoding)
        public var description: String {
            switch self {
            case let .unencodable(found, encoding):
                let first = found.first.map { "\($0.record)行目 \($0.column) 列の文字\($0.characterText)" } ?? ""
                return "\(first)ほか\(found.count - 1)文字は\(encoding.rawValue)で表せません。CSVの文字コードに UTF-8（BOM付き）を使ってください。"
            }
        }
    }

    public static func encode(header: [String], rows: [[String]], encoding: CSVEncoding) throws -> Data {
        switch encoding {
        case .utf8:
            return utf8(header, rows, byteOrderMark: false)
        case .utf8BOM:
            return utf8(header, rows, byteOrderMark: true)
        case .cp932:
            return try cp932(header: header, rows: rows)
        case .utf16LE, .utf16BE:
            let body = text(header, rows).data(using: encoding == .utf16LE ? .utf16LittleEndian : .utf16BigEndian)!
            return Data(encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]) + body
        }
    }

    static func text(_ header: [String], _ rows: [[String]]) -> String {
        var text = line(header)
        for row in rows { text += line(row) }
        return text
    }

    /// The UTF-8 text of `text` written byte by byte into one buffer: building a String per line
    /// and per field was most of the time of a 100,000-activity activities.csv.
    static func utf8(_ header: [String], _ rows: [[String]], byteOrderMark: Bool) -> Data {
        var bytes: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        bytes.reserveCapacity(64 * (rows.count + 1))
        appendLine(header, to: &bytes)
        for row in rows { appendLine(row, to: &bytes) }
        return Data(bytes)
    }

    private static func appendLine(_ values: [String], to bytes: inout [UInt8]) {
        for (column, value) in values.enumerated() {
            if column > 0 { bytes.append(UInt8(ascii: ",")) }
            var value = value
            value.withUTF8 { field in
                guard needsQuotes(field) else { return bytes.append(contentsOf: field) }
                bytes.append(UInt8(ascii: "\""))
                for byte in field {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes += [0x0D, 0x0A]
    }

    /// `needsQuotes` on UTF-8: U+0085 is C2 85, U+2028 and U+2029 are E2 80 A8 and E2 80 A9, and
    /// in valid UTF-8 those bytes in that order are nothing else.
    private static func needsQuotes(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in field.indices {
            switch field[index] {
            case 0x22, 0x2C, 0x0A...0x0D: return true
            case 0xC2 where index + 1 < field.count && field[index + 1] == 0x85: return true
            case 0xE2 where index + 2 < field.count && field[index + 1] == 0x80 && (field[index + 2] == 0xA8 || field[index + 2] == 0xA9):
                return true
            default: continue
            }
        }
        return false
    }

    /// Scalar by scalar through `CP932Encoder`, collecting every character it refuses.
    static func cp932(header: [String], rows: [[String]]) throws -> Data {
        var bytes: [UInt8] = []
        var refused: [Unencodable] = []
        for (index, row) in ([header] + rows).enumerated() {
            for (column, value) in row.enumerated() {
                if column > 0 { bytes.append(UInt8(ascii: ",")) }
                for scalar in quoted(value).unicodeScalars {
                    switch CP932Encoder.encode(scalar) {
                    case let .bytes(encoded): bytes += encoded
                    case .dropped: break
                    case .unencodable:
                        refused.append(Unencodable(record: index + 1, column: column < header.count ? header[column] : "\(column + 1)",
                                                   character: scalar))
                    }
                }
            }
            bytes += [0x0D, 0x0A]
        }
        if !refused.isEmpty { throw WriteError.unencodable(refused, encoding: .cp932) }
        return Data(bytes)
    }

    static func line(_ values: [String]) -> String {
        values.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// Looks at scalars, not characters: a comma or a quote followed by a combining mark is one
    /// Swift `Character` (`,̐`) that equals neither, and was written unquoted, so a reader split
    /// the field there (found by fuzz-csv-write).
    static func quoted(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: needsQuotes) else { return value }
        var field = String.UnicodeScalarView()
        field.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" { field.append("\"") }
            field.append(scalar)
        }
        field.append("\"")
        return String(field)
    }

    /// A comma, a quote, or anything a reader may take for a line break.
    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x2C, 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
