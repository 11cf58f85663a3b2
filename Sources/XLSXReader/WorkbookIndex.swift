import CLibXML2

/// A sheet as `workbook.xml` lists it.
public struct XLSXSheetInfo: Sendable, Equatable {
    public enum Visibility: String, Sendable { case visible, hidden, veryHidden }
    public var name: String
    public var visibility: Visibility
    /// The zip entry holding the sheet XML (`xl/worksheets/sheet1.xml`).
    public var part: String
    public var isHidden: Bool { visibility != .visible }
}

/// Finds the workbook part through `_rels/.rels`, its sheets through `workbook.xml` and
/// `workbook.xml.rels` (relative or absolute targets; transitional or Strict OOXML namespaces),
/// and the shared-strings and styles parts.
struct WorkbookIndex {
    var workbookPart: String
    var sheets: [XLSXSheetInfo] = []
    var sharedStringsPart: String?
    var stylesPart: String?
    var date1904 = false
    /// Sheets listed but skipped (a leftover `r:id=""` of a deleted macro sheet): the names.
    var skippedSheets: [String] = []

    init(zip: ZipArchiveGuard) throws(XLSXReadError) {
        // The package relationships name the main part; Excel's is always xl/workbook.xml.
        var workbook = "xl/workbook.xml"
        if let rels = zip.entry("_rels/.rels") {
            for relation in try Self.relationships(zip: zip, entry: rels, base: "")
            where relation.type.hasSuffix("/officeDocument") && !relation.external {
                workbook = relation.target
                break
            }
        }
        guard let workbookEntry = zip.entry(workbook) else { throw .missingPart(workbook) }
        workbookPart = workbookEntry.name
        let directory = Self.directory(of: workbookEntry.name)
        let relsName = directory + "_rels/" + Self.fileName(of: workbookEntry.name) + ".rels"
        var targets: [String: (type: String, target: String)] = [:]
        if let rels = zip.entry(relsName) {
            for relation in try Self.relationships(zip: zip, entry: rels, base: directory) where !relation.external {
                targets[relation.id] = (relation.type, relation.target)
                if relation.type.hasSuffix("/sharedStrings") { sharedStringsPart = relation.target }
                if relation.type.hasSuffix("/styles") { stylesPart = relation.target }
            }
        }
        if sharedStringsPart == nil, zip.entry(directory + "sharedStrings.xml") != nil { sharedStringsPart = directory + "sharedStrings.xml" }
        if stylesPart == nil, zip.entry(directory + "styles.xml") != nil { stylesPart = directory + "styles.xml" }

        let xml = try XMLPartReader(part: workbookEntry.name, source: zip.stream(workbookEntry))
        var position = 0
        var root = true
        while try xml.read() {
            if root && xml.nodeType == XML_READER_TYPE_ELEMENT.rawValue {
                root = false
                // Excel 2007's beta wrote its own namespace; its parts do not mean what they say later.
                if xml.namespaceURI.hasPrefix("http://schemas.microsoft.com/office/excel/2006/") { throw .excel2007Beta }
            }
            if xml.isElement("sheet") {
                position += 1
                var name = "", state = "", id: String?
                try xml.forEachAttribute { key, value in
                    if XMLName.equals(key, "name") { name = String(cString: value) }
                    else if XMLName.equals(key, "state") { state = String(cString: value) }
                    else if XMLName.equals(key, "id") { id = String(cString: value) }
                }
                let visibility: XLSXSheetInfo.Visibility = state == "hidden" ? .hidden : state == "veryHidden" ? .veryHidden : .visible
                // A chart sheet or dialog sheet has no cells: skip it.
                if let id, let target = targets[id] {
                    guard target.type.hasSuffix("/worksheet") else { continue }
                    sheets.append(XLSXSheetInfo(name: name, visibility: visibility, part: target.target))
                } else if id?.isEmpty != true, zip.entry(directory + "worksheets/sheet\(position).xml") != nil {
                    // No relationship at all: the sheet part by its conventional name.
                    sheets.append(XLSXSheetInfo(name: name, visibility: visibility, part: directory + "worksheets/sheet\(position).xml"))
                } else {
                    // `r:id=""` or an id with no relationship: what a deleted macro sheet leaves behind.
                    skippedSheets.append(name)
                }
            } else if xml.isElement("workbookPr") {
                if let value = try xml.attribute("date1904") { date1904 = value == "1" || value == "true" }
            }
        }
        // Excel gives every sheet its own part; sheets sharing one would read it again and again.
        var sheetsByPart: [String: [String]] = [:]
        for sheet in sheets { sheetsByPart[sheet.part.lowercased(), default: []].append(sheet.name) }
        if let shared = sheets.first(where: { sheetsByPart[$0.part.lowercased()]!.count > 1 }) {
            throw .sheetsShareOnePart(part: shared.part, sheets: sheetsByPart[shared.part.lowercased()]!)
        }
    }

    struct Relationship {
        var id: String, type: String, target: String, external: Bool
    }

    static func relationships(zip: ZipArchiveGuard, entry: ZipEntry, base: String) throws(XLSXReadError) -> [Relationship] {
        let xml = try XMLPartReader(part: entry.name, source: zip.stream(entry))
        var result: [Relationship] = []
        while try xml.read() {
            guard xml.isElement("Relationship") else { continue }
            var relation = Relationship(id: "", type: "", target: "", external: false)
            try xml.forEachAttribute { key, value in
                if XMLName.equals(key, "Id") { relation.id = String(cString: value) }
                else if XMLName.equals(key, "Type") { relation.type = String(cString: value) }
                else if XMLName.equals(key, "Target") { relation.target = String(cString: value) }
                else if XMLName.equals(key, "TargetMode") { relation.external = String(cString: value) == "External" }
            }
            if !relation.external { relation.target = resolve(relation.target, base: base) }
            result.append(relation)
        }
        return result
    }

    /// A relationship target as a zip entry name: `/xl/worksheets/sheet1.xml` is from the package
    /// root, `worksheets/sheet1.xml` and `../xl/x.xml` from the source part's folder.
    static func resolve(_ target: String, base: String) -> String {
        let decoded = target.removingPercentEncodingIfAny
        let path = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : base + decoded
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }

    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    static func fileName(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return part }
        return String(part[part.index(after: slash)...])
    }
}

extension String {
    /// `%20`-style escapes decoded (OPC targets are URIs); the text unchanged if it has none or is malformed.
    var removingPercentEncodingIfAny: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else if byte == UInt8(ascii: "%") {
                return self
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
