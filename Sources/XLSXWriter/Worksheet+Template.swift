import CXLSXWriter

/// What the department templates (`pledgekit template`) need beyond the report workbooks: a hidden
/// sheet for drop-down sources, a date restriction, the cursor's start.
extension Worksheet {
    /// Hides the sheet (it stays readable by formulas, e.g. as a drop-down source).
    public func hide() { worksheet_hide(handle) }

    /// The cell selected when the sheet is opened (0-based).
    public func select(row: Int, column: Int) {
        worksheet_set_selection(handle, lxw_row_t(row), lxw_col_t(column), lxw_row_t(row), lxw_col_t(column))
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
        try addValidation(&validation, row, column, row, column, messages)
    }
}
