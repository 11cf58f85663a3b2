import CXLSXWriter

/// What the department templates (`pledgekit template`) need beyond the report workbooks: a hidden
/// sheet for drop-down sources, a list that only advises, a date restriction, the cursor's start.
extension Worksheet {
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

    /// Hides the sheet (it stays readable by formulas, e.g. as a drop-down source).
    public func hide() { worksheet_hide(handle) }

    /// The cell selected when the sheet is opened (0-based).
    public func select(row: Int, column: Int) {
        worksheet_set_selection(handle, lxw_row_t(row), lxw_col_t(column), lxw_row_t(row), lxw_col_t(column))
    }

    /// A drop-down of the cells a formula points at; with `.information` other values are kept too.
    public func restrictToList(formula: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                               errorStyle: ValidationErrorStyle, messages: ValidationMessages) throws(XLSXWriterError) {
        let source = strdup(formula)
        defer { free(source) }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        validation.value_formula = source
        try addTemplateValidation(&validation, errorStyle, firstRow, firstColumn, lastRow, lastColumn, messages)
    }

    /// Only dates between the two given (inclusive), blank allowed.
    public func restrictToDates(from first: (year: Int, month: Int, day: Int), to last: (year: Int, month: Int, day: Int),
                                row: Int, column: Int, messages: ValidationMessages) throws(XLSXWriterError) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        validation.minimum_datetime = lxw_datetime(year: Int32(first.year), month: Int32(first.month), day: Int32(first.day),
                                                   hour: 0, min: 0, sec: 0)
        validation.maximum_datetime = lxw_datetime(year: Int32(last.year), month: Int32(last.month), day: Int32(last.day),
                                                   hour: 0, min: 0, sec: 0)
        try addTemplateValidation(&validation, .stop, row, column, row, column, messages)
    }

    private func addTemplateValidation(_ validation: inout lxw_data_validation, _ errorStyle: ValidationErrorStyle,
                                       _ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int,
                                       _ messages: ValidationMessages) throws(XLSXWriterError) {
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
            "\(name)!R\(firstRow + 1)C\(firstColumn + 1) の入力規則")
    }
}
