import CXLSXWriter

extension Worksheet {
    /// Only numbers (decimals allowed) at or above `minimum` (blank allowed) in the range.
    public func restrictToNumbers(atLeast minimum: Double, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                                  messages: ValidationMessages) throws(XLSXWriterError) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
        validation.value_number = minimum
        try addValidation(&validation, firstRow, firstColumn, lastRow, lastColumn, messages)
    }
}
