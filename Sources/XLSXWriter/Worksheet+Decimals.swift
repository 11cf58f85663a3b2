import CXLSXWriter

extension Worksheet {
    /// Only numbers (decimals allowed) at or above `minimum`, or above it when `inclusive` is false
    /// (blank allowed), in the range.
    public func restrictToNumbers(from minimum: Double, inclusive: Bool = true, firstRow: Int, firstColumn: Int, lastRow: Int,
                                  lastColumn: Int, messages: ValidationMessages) throws(XLSXWriterError) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
        validation.criteria = UInt8((inclusive ? LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO : LXW_VALIDATION_CRITERIA_GREATER_THAN).rawValue)
        validation.value_number = minimum
        try addValidation(&validation, firstRow, firstColumn, lastRow, lastColumn, messages)
    }
}
