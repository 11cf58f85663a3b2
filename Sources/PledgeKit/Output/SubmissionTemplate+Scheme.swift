import PledgeCore
import XLSXWriter

extension SubmissionTemplate {
    /// Each evaluator's cells accept only the scheme's values: a whole-number range, or a drop-down
    /// of the grades. The grades are listed in cells of the hidden choices sheet, never as a literal
    /// list: libxlsxwriter 1.1.4 crashes on a literal list over 255 UTF-8 bytes (NOTES.md).
    func restrictEvaluations(_ columns: [Column], firstRow: Int, lastRow: Int, sheet: Worksheet, workbook: Workbook) throws {
        let scheme = layout.scheme
        var choicesWritten = false
        for (index, column) in columns.enumerated() {
            guard case .evaluation(let evaluator) = column.kind else { continue }
            let messages = Worksheet.ValidationMessages(
                inputTitle: evaluator.heading, inputMessage: "\(scheme.allowedValues)で入力してください。",
                errorTitle: "\(evaluator.heading)を確認してください",
                errorMessage: "\(evaluator.heading)は\(scheme.allowedValues)で入力してください。")
            switch scheme.kind {
            case .range:
                try sheet.restrictToWholeNumbers(scheme.minimum, scheme.maximum, firstRow: firstRow, firstColumn: index,
                                                 lastRow: lastRow, lastColumn: index, messages: messages)
            case .grades:
                if !choicesWritten {
                    let choices = try workbook.addWorksheet(Self.choicesSheetName)
                    for (row, grade) in scheme.grades.enumerated() { try choices.write(grade.label, row: row, column: 0) }
                    choices.hide()
                    choicesWritten = true
                }
                try sheet.restrictToList(
                    formula: "='\(Self.choicesSheetName)'!$A$1:$A$\(scheme.grades.count)", firstRow: firstRow,
                    firstColumn: index, lastRow: lastRow, lastColumn: index, errorStyle: .stop, messages: messages)
            case .none:
                break
            }
        }
    }
}
