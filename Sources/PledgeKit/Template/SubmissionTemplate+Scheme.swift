import PledgeCore
import XLSXWriter

extension SubmissionTemplate {
    /// Each evaluator's cells accept only the scheme's values: a whole-number range, a drop-down of
    /// the grades, or for a KPI numbers ≥ 0 and a drop-down of the two directions. Drop-down items are
    /// cells of the hidden choices sheet, never a literal list: libxlsxwriter 1.1.4 crashes on a
    /// literal list over 255 UTF-8 bytes (NOTES.md).
    func restrictEvaluations(_ columns: [Column], firstRow: Int, lastRow: Int, sheet: Worksheet, workbook: Workbook) throws {
        let scheme = layout.scheme
        let choices: [String] = scheme.kind == .grades ? scheme.grades.map(\.label)
            : scheme.kind == .kpi ? [KPIColumns.higher[0], KPIColumns.lower[0]] : []
        if !choices.isEmpty {
            let sheet = try workbook.addWorksheet(Self.choicesSheetName)
            for (row, choice) in choices.enumerated() { try sheet.write(choice, row: row, column: 0) }
            sheet.hide()
        }
        let choiceList = "='\(Self.choicesSheetName)'!$A$1:$A$\(choices.count)"
        for (index, column) in columns.enumerated() {
            guard case .evaluation(let evaluator) = column.kind else { continue }
            let allowed = scheme.kind != .kpi ? scheme.allowedValues
                : evaluator.key == KPIColumns.direction.name ? "「\(choices.joined(separator: "」か「"))」"
                : evaluator.key == KPIColumns.target.name ? scheme.allowedValues : "0以上の数値（未確定なら空欄）"
            let messages = Worksheet.ValidationMessages(
                inputTitle: evaluator.heading, inputMessage: "\(allowed)で入力してください。",
                errorTitle: "\(evaluator.heading)を確認してください", errorMessage: "\(evaluator.heading)は\(allowed)で入力してください。")
            let isChoice = scheme.kind == .grades || (scheme.kind == .kpi && evaluator.key == KPIColumns.direction.name)
            if isChoice {
                try sheet.restrictToList(formula: choiceList, firstRow: firstRow, firstColumn: index, lastRow: lastRow,
                                         lastColumn: index, errorStyle: .stop, messages: messages)
            } else if scheme.kind == .range {
                try sheet.restrictToWholeNumbers(scheme.minimum, scheme.maximum, firstRow: firstRow, firstColumn: index,
                                                 lastRow: lastRow, lastColumn: index, messages: messages)
            } else if scheme.kind == .kpi {
                // A target of 0 has no rate; an actual of 0 is a result (unless lower is better, which check reports).
                try sheet.restrictToNumbers(from: 0, inclusive: evaluator.key != KPIColumns.target.name, firstRow: firstRow,
                                            firstColumn: index, lastRow: lastRow, lastColumn: index, messages: messages)
            }
        }
    }
}
