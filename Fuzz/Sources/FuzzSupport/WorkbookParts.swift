/// The parts of a minimal workbook, for the structure-aware XLSX target.
public enum WorkbookParts {
    public static let separator = Array("\n--part--\n".utf8)

    /// Four parts: sheet, shared strings, styles, workbook; nil where the input has fewer.
    public static func split(_ bytes: [UInt8]) -> [[UInt8]?] {
        var parts: [[UInt8]?] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count && parts.count < 3 {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                parts.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        while parts.count < 4 { parts.append(nil) }
        return parts
    }

    public static func entries(sheet: [UInt8]?, sharedStrings: [UInt8]?, styles: [UInt8]?, workbook: [UInt8]?) -> [(name: String, data: [UInt8])] {
        [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(rootRelationships.utf8)),
            ("xl/workbook.xml", workbook ?? Array(defaultWorkbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8)),
            ("xl/worksheets/sheet1.xml", sheet ?? []),
            ("xl/sharedStrings.xml", sharedStrings ?? Array(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#.utf8)),
            ("xl/styles.xml", styles ?? Array(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#.utf8)),
        ]
    }

    static let contentTypes = #"""
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
    """#
    static let rootRelationships = #"""
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
    """#
    static let defaultWorkbook = #"""
    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="提出票" sheetId="1" r:id="rId1"/></sheets></workbook>
    """#
    static let workbookRelationships = #"""
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """#
}
