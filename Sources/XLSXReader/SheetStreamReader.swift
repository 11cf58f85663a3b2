import CLibXML2
import Foundation
import TableIO

/// Streams one worksheet part with libxml2's `xmlTextReader` into TableIO rows: never a DOM, one
/// reusable byte buffer for the value being read, element names compared as bytes.
///
/// Handles cells and rows without `r` (they follow the previous one), shared (`s`) and inline
/// (`inlineStr`) strings, `str` formula results, booleans, errors, ISO dates (`d`), numbers shown as
/// dates by their format, formulas by their cached value, and `<mergeCell>` ranges.
struct SheetStreamReader {
    /// Columns beyond XFD do not exist in Excel.
    static let maxColumn = 16_384
    /// Cells a sheet may occupy (padding between sparse cells included): a guard against a small
    /// file that spreads a few cells over millions of columns.
    static let maxCells = 50_000_000

    let sheet: String
    let sharedStrings: [String]
    let styles: CellStyles
    let date1904: Bool

    private enum CellType: UInt8 { case number, shared, inline, formulaString, boolean, error, isoDate }

    func read(xml: XMLPartReader) throws(XLSXReadError) -> (rows: [Row], merged: [CellRange]) {
        var rows: [Row] = []
        var merged: [CellRange] = []
        var values: [String] = []
        var valueBytes: [UInt8] = []
        valueBytes.reserveCapacity(256)
        var rowNumber = 0
        var column = 0
        var cellType = CellType.number
        var cellStyle = 0
        var inRow = false, inCell = false, inValue = false, inInline = false, inText = false
        var phoneticDepth = 0
        var cellCount = 0

        let elementType = XML_READER_TYPE_ELEMENT.rawValue
        let endType = XML_READER_TYPE_END_ELEMENT.rawValue

        func finishRow() {
            while let last = values.last, last.isEmpty { values.removeLast() }
            if !values.isEmpty { rows.append(Row(number: rowNumber, values: values)) }
            values.removeAll(keepingCapacity: true)
            inRow = false
        }

        func finishCell() throws(XLSXReadError) {
            inCell = false
            let text: String = try valueBytes.withUnsafeBufferPointer { bytes throws(XLSXReadError) -> String in
                switch cellType {
                case .shared:
                    guard bytes.count > 0 else { return "" }  // t="s" with an empty <v/>
                    guard let index = Self.parseIndex(bytes), index < sharedStrings.count else {
                        throw .badCell(sheet: sheet, row: rowNumber, column: column,
                                       detail: "共有文字列の番号「\(String(decoding: bytes, as: UTF8.self))」がありません")
                    }
                    return sharedStrings[index]
                case .number:
                    guard bytes.count > 0 else { return "" }
                    return CellValue.number(bytes, kind: styles.kind(cellStyle), date1904: date1904)
                case .boolean:
                    guard bytes.count > 0 else { return "" }
                    return bytes.count == 1 && bytes[0] == UInt8(ascii: "0") ? "FALSE"
                        : bytes.count == 5 && bytes[0] == UInt8(ascii: "f") ? "FALSE" : "TRUE"
                case .isoDate:
                    return CellValue.isoDate(String(decoding: bytes, as: UTF8.self))
                case .inline, .formulaString, .error:
                    return String(decoding: bytes, as: UTF8.self)
                }
            }
            guard !text.isEmpty else { return }
            if column > values.count {
                cellCount += column - values.count
                guard cellCount <= Self.maxCells else { throw .tooManyCells(sheet: sheet) }
                values.reserveCapacity(column)
                while values.count < column - 1 { values.append("") }
                values.append(text)
            } else {
                values[column - 1] = text
            }
        }

        while try xml.read() {
            let type = xml.nodeType
            if type == elementType {
                guard let name = xml.localName else { continue }
                switch name[0] {
                case UInt8(ascii: "c") where name[1] == 0:
                    if !inRow { rowNumber += 1; inRow = true }
                    cellType = .number
                    cellStyle = 0
                    valueBytes.removeAll(keepingCapacity: true)
                    var reference = 0
                    try xml.forEachAttribute { key, value throws(XLSXReadError) in
                        guard key[1] == 0 else { return }
                        switch key[0] {
                        case UInt8(ascii: "r"): reference = Self.parseColumn(value)
                        case UInt8(ascii: "t"): cellType = Self.parseType(value)
                        case UInt8(ascii: "s"): cellStyle = Self.parseIndex(value) ?? 0
                        default: break
                        }
                    }
                    column = reference > 0 ? reference : column + 1
                    guard column <= Self.maxColumn else {
                        throw .badCell(sheet: sheet, row: rowNumber, column: Self.maxColumn, detail: "列がXFDを超えています")
                    }
                    if xml.isEmptyElement { try finishCell() } else { inCell = true }
                case UInt8(ascii: "v") where name[1] == 0:
                    inValue = inCell && !xml.isEmptyElement
                case UInt8(ascii: "r") where XMLName.equals(name, "row"):
                    if inRow { finishRow() }
                    var number = 0
                    try xml.forEachAttribute { key, value in
                        if key[0] == UInt8(ascii: "r") && key[1] == 0 { number = Self.parseIndex(value) ?? 0 }
                    }
                    rowNumber = number > 0 ? number : rowNumber + 1
                    column = 0
                    inRow = true
                    if xml.isEmptyElement { finishRow() }
                case UInt8(ascii: "r") where XMLName.equals(name, "rPh"):
                    if !xml.isEmptyElement { phoneticDepth += 1 }
                case UInt8(ascii: "i") where XMLName.equals(name, "is"):
                    inInline = inCell && !xml.isEmptyElement
                    if inInline { cellType = .inline }
                case UInt8(ascii: "t") where name[1] == 0:
                    inText = inInline && phoneticDepth == 0 && !xml.isEmptyElement
                case UInt8(ascii: "m") where XMLName.equals(name, "mergeCell"):
                    if let reference = try xml.attribute("ref"), let range = Self.parseRange(reference) { merged.append(range) }
                default:
                    break
                }
            } else if type == endType {
                guard let name = xml.localName else { continue }
                switch name[0] {
                case UInt8(ascii: "c") where name[1] == 0:
                    if inCell { try finishCell() }
                case UInt8(ascii: "v") where name[1] == 0:
                    inValue = false
                case UInt8(ascii: "r") where XMLName.equals(name, "row"):
                    if inRow { finishRow() }
                case UInt8(ascii: "r") where XMLName.equals(name, "rPh"):
                    phoneticDepth = max(0, phoneticDepth - 1)
                case UInt8(ascii: "i") where XMLName.equals(name, "is"):
                    inInline = false
                case UInt8(ascii: "t") where name[1] == 0:
                    inText = false
                case UInt8(ascii: "s") where XMLName.equals(name, "sheetData"):
                    if inRow { finishRow() }
                default:
                    break
                }
            } else if inValue || inText, let value = xml.value {
                valueBytes.append(contentsOf: UnsafeBufferPointer(start: value, count: strlen(value)))
            }
        }
        if inRow { finishRow() }
        return (rows, merged)
    }

    /// Column number from a cell reference (`B12` → 2, `$AA$3` → 27); 0 when there is none.
    @inline(__always)
    static func parseColumn(_ value: UnsafePointer<UInt8>) -> Int {
        var index = 0, column = 0
        while true {
            var byte = value[index]
            if byte == UInt8(ascii: "$") { index += 1; continue }
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { byte -= 32 }
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(byte - 64)
            if column > maxColumn { return maxColumn + 1 }
            index += 1
        }
        return column
    }

    @inline(__always)
    static func parseIndex(_ value: UnsafePointer<UInt8>) -> Int? {
        var index = 0, number = 0
        while value[index] == UInt8(ascii: " ") { index += 1 }
        let start = index
        while value[index] >= UInt8(ascii: "0") && value[index] <= UInt8(ascii: "9") {
            number = number * 10 + Int(value[index] - 48)
            if number > Int(Int32.max) { return nil }
            index += 1
        }
        return index > start && value[index] == 0 ? number : nil
    }

    @inline(__always)
    static func parseIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var number = 0
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: " ") && digits == 0 { continue }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - 48)
            digits += 1
            if number > Int(Int32.max) { return nil }
        }
        return digits > 0 ? number : nil
    }

    @inline(__always)
    private static func parseType(_ value: UnsafePointer<UInt8>) -> CellType {
        switch value[0] {
        case UInt8(ascii: "s"): return value[1] == 0 ? .shared : .formulaString
        case UInt8(ascii: "b"): return .boolean
        case UInt8(ascii: "e"): return .error
        case UInt8(ascii: "i"): return .inline
        case UInt8(ascii: "d"): return .isoDate
        default: return .number
        }
    }

    static func parseRange(_ text: String) -> CellRange? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let first = CellReference.parse(String(parts[0])), let last = CellReference.parse(String(parts[1])) else {
            return nil
        }
        return CellRange(firstRow: min(first.row, last.row), firstColumn: min(first.column, last.column),
                         lastRow: max(first.row, last.row), lastColumn: max(first.column, last.column))
    }
}
