import CLibXML2
import Foundation

/// `sharedStrings.xml` as an indexed array. A rich-text string's runs (`<r><t>…</t></r>`) are joined;
/// phonetic readings (`<rPh>`, furigana) are left out; whitespace is kept exactly (`xml:space`).
enum SharedStrings {
    static func read(zip: ZipArchiveGuard, part: String?) throws(XLSXReadError) -> [String] {
        guard let part, let entry = zip.entry(part) else { return [] }
        let xml = try XMLPartReader(part: entry.name, source: zip.stream(entry))
        var strings: [String] = []
        var bytes: [UInt8] = []
        var inString = false, inText = false
        var phoneticDepth = 0
        var total = 0
        let element = XML_READER_TYPE_ELEMENT.rawValue, end = XML_READER_TYPE_END_ELEMENT.rawValue
        while try xml.read() {
            let type = xml.nodeType
            if type == element {
                let name = xml.localName
                if XMLName.equals(name, "si") {
                    bytes.removeAll(keepingCapacity: true)
                    if xml.isEmptyElement { strings.append("") } else { inString = true }
                } else if XMLName.equals(name, "sst") {
                    if let count = try xml.attribute("uniqueCount").flatMap({ Int($0) }) {
                        strings.reserveCapacity(min(max(count, 0), 1 << 20))
                    }
                } else if inString && XMLName.equals(name, "t") && phoneticDepth == 0 {
                    inText = !xml.isEmptyElement
                } else if inString && (XMLName.equals(name, "rPh") || XMLName.equals(name, "phoneticPr")) && !xml.isEmptyElement {
                    phoneticDepth += 1
                }
            } else if type == end {
                let name = xml.localName
                if XMLName.equals(name, "t") {
                    inText = false
                } else if XMLName.equals(name, "si") {
                    strings.append(ExcelEscapes.decode(bytes))
                    inString = false
                    phoneticDepth = 0
                } else if XMLName.equals(name, "rPh") || XMLName.equals(name, "phoneticPr") {
                    phoneticDepth = max(0, phoneticDepth - 1)
                }
            } else if inText, xml.isText, let value = xml.value {
                let count = strlen(value)
                // The strings are kept whole in memory: the same bound as a sheet's text.
                total += count
                guard total <= SheetStreamReader.maxTableTextBytes else {
                    throw .inflatedSizeLimit(part: entry.name, limit: SheetStreamReader.maxTableTextBytes)
                }
                bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: count))
            }
        }
        return strings
    }
}
