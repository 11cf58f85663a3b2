import CXLSXWriter
import Foundation

/// Document properties. `created` is fixed by the caller so that the same inputs give the same
/// bytes (libxlsxwriter stamps the current time otherwise).
public struct DocumentProperties: Sendable {
    public var title: String
    public var subject: String
    public var author: String
    public var company: String
    public var created: Date

    public init(title: String = "", subject: String = "", author: String = "", company: String = "", created: Date) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.created = created
    }
}

/// A workbook being written to `path`; nothing exists on disk until `close()` succeeds.
/// Not thread-safe: one workbook belongs to one task.
public final class Workbook {
    let handle: UnsafeMutablePointer<lxw_workbook>
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false
    public private(set) var worksheets: [Worksheet] = []
    public let path: String

    public init(path: String) throws(XLSXWriterError) {
        // libxlsxwriter prints numbers with sprintf: a locale with a decimal comma would corrupt
        // them. Changing the locale would change it for the whole process, so a caller that set
        // one is refused instead (Swift programs start in the "C" locale).
        if let point = localeconv()?.pointee.decimal_point, String(cString: point) != "." {
            throw XLSXWriterError(code: -1, message: "LC_NUMERIC decimal point is \(String(cString: point))",
                                  operation: "ブック \(path) の作成（数値の小数点が「.」ではない LC_NUMERIC では書けません）")
        }
        guard let handle = workbook_new(path) else {
            throw XLSXWriterError(code: -1, message: "workbook_new failed", operation: "ブック \(path) の作成")
        }
        self.handle = handle
        self.path = path
    }

    /// Builds a workbook and returns its bytes: libxlsxwriter writes only to a file, so it writes
    /// to a private temporary file that is removed afterwards.
    public static func data(_ build: (Workbook) throws -> Void) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("pledgekit-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let workbook = try Workbook(path: scratch.path)
        try build(workbook)
        try workbook.close()
        return try Data(contentsOf: scratch)
    }

    deinit {
        if !closed { lxw_workbook_free(handle) }
    }

    public func setProperties(_ properties: DocumentProperties) throws(XLSXWriterError) {
        let fields: [String] = [properties.title, properties.subject, properties.author, properties.company]
        let strings = fields.map { text -> UnsafeMutablePointer<CChar> in strdup(text)! }
        defer { strings.forEach { free($0) } }
        var props = lxw_doc_properties()
        props.title = strings[0]
        props.subject = strings[1]
        props.author = strings[2]
        props.company = strings[3]
        props.created = time_t(properties.created.timeIntervalSince1970)
        try XLSXWriterError.check(workbook_set_properties(handle, &props), "文書プロパティの設定")
    }

    /// Adds a sheet; the name is checked against Excel's rules (≤ 31 characters, no `[]:*?/\`).
    public func addWorksheet(_ name: String) throws(XLSXWriterError) -> Worksheet {
        try XLSXWriterError.check(workbook_validate_sheet_name(handle, name), "シート名「\(name)」")
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw XLSXWriterError(code: -1, message: "workbook_add_worksheet failed", operation: "シート「\(name)」の追加")
        }
        let worksheet = Worksheet(sheet, name: name, workbook: self)
        worksheets.append(worksheet)
        return worksheet
    }

    public func addChart(_ type: Chart.Kind) -> Chart {
        Chart(workbook_add_chart(handle, type.rawValue))
    }

    /// Writes the file. The workbook cannot be used afterwards.
    public func close() throws(XLSXWriterError) {
        guard !closed else { return }
        closed = true
        try XLSXWriterError.check(workbook_close(handle), "ブック \(path) の書き出し")
    }

    func format(_ style: CellStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        if let existing = formats[style] { return existing }
        let format = workbook_add_format(handle)!
        if let name = style.fontName { format_set_font_name(format, name) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if style.bold { format_set_bold(format) }
        if let color = style.fontColor { format_set_font_color(format, color) }
        if let color = style.backgroundColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, color)
        }
        switch style.horizontal {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch style.vertical {
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        }
        if style.wrap { format_set_text_wrap(format) }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if !style.locked { format_set_unlocked(format) }
        if style.indent > 0 { format_set_indent(format, UInt8(min(style.indent, 15))) }
        formats[style] = format
        return format
    }
}
