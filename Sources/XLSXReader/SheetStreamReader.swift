import CLibXML2
import Foundation
import TableIO

/// Streams one worksheet part into TableIO rows with libxml2's SAX2 push parser, fed chunk by chunk
/// from the inflater: never a tree, one reusable byte buffer for the value being read, element
/// names compared as bytes. (The small parts go through `XMLPartReader`'s `xmlTextReader`; for the
/// sheet, the reader's per-node tree building cost more than half the time, see Benchmarks/README.md.)
/// The same safe options; a DOCTYPE (internal subset) or any non-predefined entity stops the parser.
///
/// Handles cells and rows without `r` (they follow the previous one), shared (`s`) and inline
/// (`inlineStr`) strings, `str` formula results, booleans, errors, ISO dates (`d`), numbers shown as
/// dates by their format, formulas by their cached value, and `<mergeCell>` ranges; `_xHHHH_`
/// escapes in inline strings; a `<row>` repeated with the same number continues that row.
/// Excel's own limits (last row, column XFD, 32,767 characters a cell) and the reader's (cells and
/// text a sheet may hold) are checked as each row and cell is read, never after the whole sheet.
final class SheetStreamReader {
    // Excel's limits and the reader's, shared with the CSV reader (TableLimits).
    static let maxColumn = TableLimits.maxColumn
    static let maxRow = TableLimits.maxRow
    /// A guard against a small file that spreads a few cells over millions of columns.
    static let maxCells = TableLimits.maxCells
    static let maxCellCharacters = TableLimits.maxCellCharacters
    /// 12,000 cells pointing at one 1 MB shared string would otherwise become 12 GB of text downstream.
    static let maxTableTextBytes = TableLimits.maxTextBytes

    let sheet: String
    let sharedStrings: [String]
    let styles: CellStyles
    let date1904: Bool

    private enum CellType: UInt8 { case number, shared, inline, formulaString, boolean, error, isoDate }

    @exclusivity(unchecked) private var rows: [Row] = []
    @exclusivity(unchecked) private var merged: [CellRange] = []
    @exclusivity(unchecked) private var values: [String] = []
    @exclusivity(unchecked) private var valueBytes: [UInt8] = []
    @exclusivity(unchecked) private var rowNumber = 0
    @exclusivity(unchecked) private var column = 0
    @exclusivity(unchecked) private var cellType = CellType.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var inRow = false
    @exclusivity(unchecked) private var inCell = false
    @exclusivity(unchecked) private var inValue = false
    @exclusivity(unchecked) private var inInline = false
    @exclusivity(unchecked) private var inText = false
    @exclusivity(unchecked) private var phoneticDepth = 0
    @exclusivity(unchecked) private var cellCount = 0
    @exclusivity(unchecked) private var textBytes = 0
    /// The cell's `<is>` was seen: its text wins over a `<v>` some writers add beside it.
    @exclusivity(unchecked) private var sawInline = false
    @exclusivity(unchecked) private var failure: XLSXReadError?
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    private var part = ""

    init(sheet: String, sharedStrings: [String], styles: CellStyles, date1904: Bool) {
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        valueBytes.reserveCapacity(256)
    }

    func read(part: String, source: EntryInflater) throws(XLSXReadError) -> (rows: [Row], merged: [CellRange]) {
        self.part = part
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, name, _, _, _, _, count, _, attributes in
            guard let context, let name else { return }
            Unmanaged<SheetStreamReader>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.startElement(name, attributeCount: Int(count), attributes: attributes)
            }
        }
        handler.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            Unmanaged<SheetStreamReader>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endElement(name) }
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let context, let text else { return }
            Unmanaged<SheetStreamReader>.fromOpaque(context)._withUnsafeGuaranteedRef { me in
                if me.inValue || me.inText { me.valueBytes.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(length))) }
            }
        }
        handler.characters = characters
        handler.cdataBlock = characters
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<SheetStreamReader>.fromOpaque(context).takeUnretainedValue().stop(.doctype(part: ""))
        }
        handler.getEntity = { context, _ in
            // Only called for entities other than the five predefined ones.
            guard let context else { return nil }
            Unmanaged<SheetStreamReader>.fromOpaque(context).takeUnretainedValue().stop(.entityReference(part: ""))
            return nil
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, me, nil, 0, part) else {
            throw .damaged(part: part, detail: "XMLを開けません")
        }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        xmlCtxtUseOptions(context, XMLPartReader.options)
        let pipeline = InflatePipeline(source)
        defer { pipeline.cancel() }
        var scanner = PrologScanner()
        while failure == nil {
            let chunk = try pipeline.next()
            let count = chunk?.count ?? 0
            let status = try (chunk ?? []).withUnsafeBufferPointer { buffer throws(XLSXReadError) -> Int32 in
                if scanner.active {
                    do { try scanner.scan(buffer) } catch { throw .doctype(part: part) }
                }
                return buffer.withMemoryRebound(to: CChar.self) {
                    xmlParseChunk(context, $0.baseAddress, Int32(count), count == 0 ? 1 : 0)
                }
            }
            if let failure { throw Self.named(failure, part: part) }
            if status != 0 || context.pointee.wellFormed == 0 {
                let error = xmlCtxtGetLastError(context)
                let message = error?.pointee.message.map { String(cString: $0).trimmingCharacters(in: [" ", "\n"]) } ?? "読み取りエラー"
                if message.contains("ntity") { throw .entityReference(part: part) }
                throw .malformedXML(part: part, line: Int(error?.pointee.line ?? 0), detail: message)
            }
            if count == 0 { break }
        }
        if let failure { throw Self.named(failure, part: part) }
        if inRow { finishRow() }
        return (rows, merged)
    }

    private static func named(_ error: XLSXReadError, part: String) -> XLSXReadError {
        switch error {
        case .doctype: return .doctype(part: part)
        case .entityReference: return .entityReference(part: part)
        default: return error
        }
    }

    private func stop(_ error: XLSXReadError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    private func finishRow() {
        while let last = values.last, last.isEmpty { values.removeLast() }
        if !values.isEmpty { rows.append(Row(number: rowNumber, values: values)) }
        values.removeAll(keepingCapacity: true)
        inRow = false
    }

    private func finishCell() throws(XLSXReadError) {
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
            case .inline, .formulaString:
                // A formula's cached text carries Excel's escapes as stored strings do (`_x000D_` for CR).
                return ExcelEscapes.decode(bytes)
            case .error:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        guard !text.isEmpty else { return }
        let utf8Count = text.utf8.count
        // Only a text longer than 32,767 bytes can be longer than 32,767 characters.
        if utf8Count > Self.maxCellCharacters {
            let characters = text.utf16.count
            if characters > Self.maxCellCharacters {
                throw .cellTooLong(sheet: sheet, row: rowNumber, column: column, characters: characters)
            }
        }
        textBytes += utf8Count
        guard textBytes <= Self.maxTableTextBytes else {
            throw .tableTextLimit(sheet: sheet, row: rowNumber, limit: Self.maxTableTextBytes)
        }
        if column > values.count {
            cellCount += column - values.count
            guard cellCount <= Self.maxCells else { throw .tooManyCells(sheet: sheet) }
            // No reserveCapacity here: reserving the exact size on every cell of a wide row
            // reallocated each time (quadratic); append grows geometrically.
            while values.count < column - 1 { values.append("") }
            values.append(text)
        } else {
            values[column - 1] = text
        }
    }

    /// SAX2 attributes: five pointers each (local name, prefix, URI, value start, value end).
    @inline(__always)
    private func forEachAttribute(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
                                  _ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let attributes else { return }
        for index in 0..<count {
            guard let name = attributes[index * 5], let start = attributes[index * 5 + 3], let end = attributes[index * 5 + 4] else { continue }
            body(name, UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    private func startElement(_ name: UnsafePointer<UInt8>, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard failure == nil else { return }
        do {
            try start(name, attributeCount, attributes)
        } catch {
            stop(error)
        }
    }

    private func start(_ name: UnsafePointer<UInt8>, _ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) throws(XLSXReadError) {
        switch name[0] {
        case UInt8(ascii: "c") where name[1] == 0:
            if !inRow {
                rowNumber += 1
                inRow = true
                guard rowNumber <= Self.maxRow else { throw .rowBeyondLimit(sheet: sheet, row: rowNumber) }
            }
            cellType = .number
            sawInline = false
            cellStyle = 0
            valueBytes.removeAll(keepingCapacity: true)
            var reference = 0
            forEachAttribute(attributeCount, attributes) { key, value in
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
                throw .badCell(sheet: sheet, row: rowNumber, column: Self.maxColumn, detail: "列がExcelの上限XFD（16,384列目）を超えています")
            }
            inCell = true
        case UInt8(ascii: "v") where name[1] == 0:
            inValue = inCell && !sawInline
        case UInt8(ascii: "r") where XMLName.equals(name, "row"):
            if inRow { finishRow() }
            var number = 0
            forEachAttribute(attributeCount, attributes) { key, value in
                if key[0] == UInt8(ascii: "r") && key[1] == 0 {
                    // Digits too many for a number are a row far beyond Excel's, not a missing `r`.
                    let digitsOnly = !value.isEmpty && value.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                    number = Self.parseIndex(value) ?? (digitsOnly ? Int(Int32.max) : 0)
                }
            }
            rowNumber = number > 0 ? number : rowNumber + 1
            guard rowNumber <= Self.maxRow else { throw .rowBeyondLimit(sheet: sheet, row: rowNumber) }
            column = 0
            inRow = true
            // `<row r="8">` again (one element per cell, as some writers do): the same row continues.
            if let last = rows.last, last.number == rowNumber {
                values = rows.removeLast().values
            }
        case UInt8(ascii: "r") where XMLName.equals(name, "rPh"):
            phoneticDepth += 1
        case UInt8(ascii: "i") where XMLName.equals(name, "is"):
            inInline = inCell
            if inInline {
                cellType = .inline
                sawInline = true
                valueBytes.removeAll(keepingCapacity: true)  // a `<v>` before the `<is>`
            }
        case UInt8(ascii: "t") where name[1] == 0:
            inText = inInline && phoneticDepth == 0
        case UInt8(ascii: "m") where XMLName.equals(name, "mergeCell"):
            forEachAttribute(attributeCount, attributes) { key, value in
                if XMLName.equals(key, "ref"), let range = Self.parseRange(String(decoding: value, as: UTF8.self)) { merged.append(range) }
            }
        default:
            break
        }
    }

    private func endElement(_ name: UnsafePointer<UInt8>) {
        guard failure == nil else { return }
        switch name[0] {
        case UInt8(ascii: "c") where name[1] == 0:
            if inCell {
                do { try finishCell() } catch { stop(error) }
            }
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
    }

    /// Column number from a cell reference (`B12` → 2, `$AA$3` → 27); 0 when there is none.
    @inline(__always)
    static func parseColumn(_ value: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 0
        for var byte in value {
            if byte == UInt8(ascii: "$") { continue }
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { byte -= 32 }
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(byte - 64)
            if column > maxColumn { return maxColumn + 1 }
        }
        return column
    }

    @inline(__always)
    private static func parseType(_ value: UnsafeBufferPointer<UInt8>) -> CellType {
        guard let first = value.first else { return .number }
        switch first {
        case UInt8(ascii: "s"): return value.count == 1 ? .shared : .formulaString
        case UInt8(ascii: "b"): return .boolean
        case UInt8(ascii: "e"): return .error
        case UInt8(ascii: "i"): return .inline
        case UInt8(ascii: "d"): return .isoDate
        default: return .number
        }
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

    static func parseRange(_ text: String) -> CellRange? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let first = CellReference.parse(String(parts[0])), let last = CellReference.parse(String(parts[1])) else {
            return nil
        }
        return CellRange(firstRow: min(first.row, last.row), firstColumn: min(first.column, last.column),
                         lastRow: max(first.row, last.row), lastColumn: max(first.column, last.column))
    }
}
