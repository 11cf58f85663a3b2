import CLibXML2
import Foundation
import XLSXReader

/// Writes small workbooks from hand-written XML at test time, so that no bomb or odd file is
/// committed: a zip of the given parts (stored, or deflated with zlib), plus the usual
/// `[Content_Types].xml`, `_rels/.rels` and workbook relationships unless a part overrides them.
struct GeneratedWorkbook {
    var parts: [(name: String, data: [UInt8], deflate: Bool)] = []

    /// A workbook whose sheets are `sheets` (name, sheet XML body inside `<sheetData>`), with
    /// optional shared strings (`<si>` elements) and styles.
    static func standard(sheets: [(String, String)], sharedStrings: String? = nil, styles: String? = nil,
                         sheetElementAttributes: [String]? = nil) -> GeneratedWorkbook {
        var workbook = GeneratedWorkbook()
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        workbook.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        workbook.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        var sheetElements = "", relationships = ""
        for (index, sheet) in sheets.enumerated() {
            let extra = sheetElementAttributes.map { " " + $0[index] } ?? ""
            sheetElements += "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"\(extra)/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            workbook.add("xl/worksheets/sheet\(index + 1).xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(ns)\"><sheetData>\(sheet.1)</sheetData></worksheet>")
        }
        if let sharedStrings {
            relationships += "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            workbook.add("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(ns)\">\(sharedStrings)</sst>")
        }
        if let styles {
            relationships += "<Relationship Id=\"rIdT\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
            workbook.add("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(ns)\">\(styles)</styleSheet>")
        }
        workbook.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(ns)" xmlns:r="\(rel)"><sheets>\(sheetElements)</sheets></workbook>
            """)
        workbook.add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
            """)
        return workbook
    }

    mutating func add(_ name: String, _ text: String, deflate: Bool = false) {
        add(name, Array(text.utf8), deflate: deflate)
    }

    mutating func add(_ name: String, _ data: [UInt8], deflate: Bool = false) {
        parts.removeAll { $0.name == name }
        parts.append((name, data, deflate))
    }

    mutating func rename(_ name: String, to newName: String) {
        if let index = parts.firstIndex(where: { $0.name == name }) { parts[index].name = newName }
    }

    /// Writes the zip to a fresh temporary file and returns its URL.
    func write(_ fileName: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(fileName)
        try Data(zipBytes()).write(to: url)
        return url
    }

    /// Opens the workbook as `fileName` and removes the file again: `XLSXWorkbook.open` holds the
    /// bytes in memory, so nothing is left in the temporary folder.
    func open(_ fileName: String, limits: ZipLimits = .standard) throws -> XLSXWorkbook {
        let url = try write(fileName)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        return try XLSXWorkbook.open(url: url, limits: limits)
    }

    /// The compressed/uncompressed ratio each deflated part got (to show a fixture is what it claims).
    func ratio(of name: String) -> Double {
        guard let part = parts.first(where: { $0.name == name }) else { return 1 }
        return Double(Self.deflated(part.data).count) / Double(max(1, part.data.count))
    }

    func zipBytes() -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        for part in parts {
            let name = Array(part.name.utf8)
            let data = part.deflate ? Self.deflated(part.data) : part.data
            let crc = part.data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
            let offset = out.count
            func header(_ signature: UInt32, central: Bool) -> [UInt8] {
                var h: [UInt8] = []
                h += le32(signature)
                if central { h += le16(20) }
                h += le16(20) + le16(0x800) + le16(part.deflate ? 8 : 0) + le16(0) + le16(0x21)
                h += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(part.data.count)) + le16(UInt16(name.count)) + le16(0)
                if central { h += le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) }
                return h + name
            }
            out += header(0x0403_4B50, central: false) + data
            directory += header(0x0201_4B50, central: true)
        }
        let directoryOffset = out.count
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(parts.count)) + le16(UInt16(parts.count))
        out += le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    static func deflated(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))) + 64)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                _ = deflate(&stream, Z_FINISH)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(produced))
    }
}

private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
