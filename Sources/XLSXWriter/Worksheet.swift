import CXLSXWriter

/// A cell's content: numbers are stored as numbers so that a reader can compute with them.
public enum CellValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case blank
}

/// One sheet of a `Workbook`. Rows and columns are 0-based, as in libxlsxwriter.
public final class Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    public let name: String
    unowned let workbook: Workbook

    init(_ handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: Workbook) {
        self.handle = handle
        self.name = name
        self.workbook = workbook
    }

    private func place(_ row: Int, _ column: Int) -> String { "\(name)!R\(row + 1)C\(column + 1)" }

    public func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) throws(XLSXWriterError) {
        let format = workbook.format(style)
        let r = lxw_row_t(row), c = lxw_col_t(column)
        switch value {
        case let .string(text):
            // An empty string is a formatted blank: libxlsxwriter ignores "" without a format.
            if text.isEmpty {
                try XLSXWriterError.check(worksheet_write_blank(handle, r, c, format), "\(place(row, column)) への書き込み")
            } else {
                try XLSXWriterError.check(worksheet_write_string(handle, r, c, text, format), "\(place(row, column)) への書き込み")
            }
        case let .number(number):
            try XLSXWriterError.check(worksheet_write_number(handle, r, c, number, format), "\(place(row, column)) への書き込み")
        case .blank:
            try XLSXWriterError.check(worksheet_write_blank(handle, r, c, format), "\(place(row, column)) への書き込み")
        }
    }

    public func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil) throws(XLSXWriterError) {
        try write(.string(text), row: row, column: column, style: style)
    }

    /// Merges a range and puts `value` in it (libxlsxwriter merges strings only, so a number is
    /// written over the merged blank).
    public func merge(_ value: CellValue, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                      style: CellStyle? = nil) throws(XLSXWriterError) {
        guard firstRow != lastRow || firstColumn != lastColumn else {
            try write(value, row: firstRow, column: firstColumn, style: style)
            return
        }
        let format = workbook.format(style)
        let text: String
        if case let .string(string) = value { text = string } else { text = "" }
        try XLSXWriterError.check(
            worksheet_merge_range(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow),
                                  lxw_col_t(lastColumn), text, format),
            "\(place(firstRow, firstColumn)) の結合")
        if case .number = value { try write(value, row: firstRow, column: firstColumn, style: style) }
    }

    /// Column width in Excel's character units.
    public func setColumns(_ first: Int, _ last: Int, width: Double, style: CellStyle? = nil) throws(XLSXWriterError) {
        try XLSXWriterError.check(worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, workbook.format(style)),
                                  "\(name) の列幅")
    }

    /// Row height in points.
    public func setRow(_ row: Int, height: Double, style: CellStyle? = nil) throws(XLSXWriterError) {
        try XLSXWriterError.check(worksheet_set_row(handle, lxw_row_t(row), height, workbook.format(style)), "\(name) の行高")
    }

    // MARK: Printing

    public enum Orientation: Sendable { case portrait, landscape }

    /// A4, the orientation given, fitted to one page wide (as many tall as needed), gridlines off;
    /// `headingRows` (0-based) printed at the top of every page, and page numbers (`1 / 3`) centred
    /// in the footer when asked for.
    public func setUpA4Printing(_ orientation: Orientation, headingRows: ClosedRange<Int>? = nil, pageNumbers: Bool = false,
                                margins: (left: Double, right: Double, top: Double, bottom: Double) = (0.5, 0.5, 0.6, 0.6))
        throws(XLSXWriterError) {
        worksheet_set_paper(handle, 9)  // 9 = A4
        switch orientation {
        case .portrait: worksheet_set_portrait(handle)
        case .landscape: worksheet_set_landscape(handle)
        }
        worksheet_fit_to_pages(handle, 1, 0)
        worksheet_set_margins(handle, margins.left, margins.right, margins.top, margins.bottom)
        worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
        worksheet_center_horizontally(handle)
        if let headingRows { try repeatRows(headingRows.lowerBound, headingRows.upperBound) }
        if pageNumbers { try setFooter("&C&P / &N") }
    }

    /// Rows printed at the top of every page (0-based, inclusive).
    public func repeatRows(_ first: Int, _ last: Int) throws(XLSXWriterError) {
        try XLSXWriterError.check(worksheet_repeat_rows(handle, lxw_row_t(first), lxw_row_t(last)), "\(name) の印刷タイトル")
    }

    /// A page footer such as `&P / &N`.
    public func setFooter(_ text: String) throws(XLSXWriterError) {
        try XLSXWriterError.check(worksheet_set_footer(handle, text), "\(name) のフッター")
    }

    public func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    public func activate() { worksheet_activate(handle) }

    // MARK: Input restrictions

    /// Messages shown when a restricted cell is selected and when a wrong value is typed.
    public struct ValidationMessages: Sendable {
        public var inputTitle: String
        public var inputMessage: String
        public var errorTitle: String
        public var errorMessage: String
        public init(inputTitle: String, inputMessage: String, errorTitle: String, errorMessage: String) {
            self.inputTitle = inputTitle
            self.inputMessage = inputMessage
            self.errorTitle = errorTitle
            self.errorMessage = errorMessage
        }
    }

    /// Only whole numbers between `minimum` and `maximum` (blank allowed) in the range.
    public func restrictToWholeNumbers(_ minimum: Int, _ maximum: Int, firstRow: Int, firstColumn: Int, lastRow: Int,
                                       lastColumn: Int, messages: ValidationMessages) throws(XLSXWriterError) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        validation.minimum_number = Double(minimum)
        validation.maximum_number = Double(maximum)
        try addValidation(&validation, firstRow, firstColumn, lastRow, lastColumn, messages)
    }

    /// What Excel does when a value breaks a restriction.
    public enum ValidationErrorStyle: Sendable {
        /// Refuses the value.
        case stop
        /// Shows the message and lets the user keep the value.
        case information

        var raw: UInt8 {
            switch self {
            case .stop: UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
            case .information: UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
            }
        }
    }

    /// A drop-down whose items are the cells a formula points at (e.g. `=$H$2:$H$5`); with
    /// `.information` other values are kept too. A literal list is avoided: libxlsxwriter 1.1.4
    /// crashes on one longer than 255 bytes.
    public func restrictToList(formula: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                               errorStyle: ValidationErrorStyle = .stop, messages: ValidationMessages) throws(XLSXWriterError) {
        let source = strdup(formula)
        defer { free(source) }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        validation.value_formula = source
        try addValidation(&validation, firstRow, firstColumn, lastRow, lastColumn, messages, errorStyle: errorStyle)
    }

    func addValidation(_ validation: inout lxw_data_validation, _ firstRow: Int, _ firstColumn: Int, _ lastRow: Int,
                       _ lastColumn: Int, _ messages: ValidationMessages,
                       errorStyle: ValidationErrorStyle = .stop) throws(XLSXWriterError) {
        let fields: [String] = [messages.inputTitle, messages.inputMessage, messages.errorTitle, messages.errorMessage]
        let texts = fields.map { text -> UnsafeMutablePointer<CChar> in strdup(text)! }
        defer { texts.forEach { free($0) } }
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.error_type = errorStyle.raw
        validation.input_title = texts[0]
        validation.input_message = texts[1]
        validation.error_title = texts[2]
        validation.error_message = texts[3]
        try XLSXWriterError.check(
            worksheet_data_validation_range(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow),
                                            lxw_col_t(lastColumn), &validation),
            "\(place(firstRow, firstColumn)) の入力規則")
    }

    /// Protects the sheet without a password: only unlocked cells can be edited; rows may still be
    /// resized and formatted so that long answers stay readable.
    public func protect() {
        var options = lxw_protection()
        options.format_rows = 1
        options.format_columns = 1
        worksheet_protect(handle, nil, &options)
    }

    // MARK: Charts

    /// Places a chart with its top-left corner at the cell, scaled from the default 480×288 pixels.
    public func insert(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws(XLSXWriterError) {
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try XLSXWriterError.check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options),
                                  "\(place(row, column)) へのグラフ挿入")
    }
}
