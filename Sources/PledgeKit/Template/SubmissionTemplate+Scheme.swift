import PledgeCore
import XLSXWriter

extension SubmissionTemplate {
    /// Each evaluator's cells accept only the scheme's values: a whole-number range, a drop-down of
    /// the grades, or for a KPI numbers ≥ 0 and a drop-down of the two directions. Drop-down items are
    /// cells of the hidden choices sheet, never a literal list: libxlsxwriter 1.1.4 crashes on a
    /// literal list over 255 UTF-8 bytes (NOTES.md).
    func restrictEvaluations(_ columns: [Column], firstRow: Int, lastRow: Int, sheet: Worksheet, workbook: Workbook) throws {
        let scheme = layout.scheme
        // One list per evaluator's grades (and the KPI's directions), one after another on the choices sheet.
        var lists: [String: (first: Int, choices: [String])] = [:]
        var next = 0
        for evaluator in scheme.evaluators {
            let scale = scheme.scale(for: evaluator.key)
            let choices = scale.kind == .grades ? scale.grades.map(\.label)
                : scale.kind == .kpi ? [KPIColumns.higher[0], KPIColumns.lower[0]] : []
            guard !choices.isEmpty else { continue }
            lists[scale.kind == .kpi ? KPIColumns.direction.name : evaluator.key] = (next, choices)
            next += choices.count
        }
        if !lists.isEmpty {
            let choicesSheet = try workbook.addWorksheet(Self.choicesSheetName)
            for list in lists.values {
                for (offset, choice) in list.choices.enumerated() { try choicesSheet.write(choice, row: list.first + offset, column: 0) }
            }
            choicesSheet.hide()
        }
        for (index, column) in columns.enumerated() {
            guard case .evaluation(let evaluator) = column.kind else { continue }
            let isKPI = KPIColumns.isKPIColumn(evaluator.key) && !scheme.evaluators.contains { $0.key == evaluator.key }
            let scale = isKPI ? scheme.scale(for: scheme.kpiEvaluator?.key ?? "") : scheme.scale(for: evaluator.key)
            let list = lists[evaluator.key]
            let allowed = !isKPI ? scale.allowedValues
                : evaluator.key == KPIColumns.direction.name ? "「\(list?.choices.joined(separator: "」か「") ?? "")」"
                : evaluator.key == KPIColumns.unit.name ? "指標の単位（例: 分、件）"
                : evaluator.key == KPIColumns.actual.name ? "0以上の数値（未測定なら空欄）" : scale.allowedValues
            let messages = Worksheet.ValidationMessages(
                inputTitle: evaluator.heading, inputMessage: "\(allowed)で入力してください。",
                errorTitle: "\(evaluator.heading)を確認してください", errorMessage: "\(evaluator.heading)は\(allowed)で入力してください。")
            if let list {
                let range = "='\(Self.choicesSheetName)'!$A$\(list.first + 1):$A$\(list.first + list.choices.count)"
                try sheet.restrictToList(formula: range, firstRow: firstRow, firstColumn: index, lastRow: lastRow,
                                         lastColumn: index, errorStyle: .stop, messages: messages)
            } else if isKPI {
                // Numbers ≥ 0 (a target of 0 is valid: 待機児童ゼロ); the unit is text.
                guard evaluator.key != KPIColumns.unit.name else { continue }
                try sheet.restrictToNumbers(from: 0, inclusive: true, firstRow: firstRow,
                                            firstColumn: index, lastRow: lastRow, lastColumn: index, messages: messages)
            } else if scale.kind == .range {
                try sheet.restrictToWholeNumbers(scale.minimum, scale.maximum, firstRow: firstRow, firstColumn: index,
                                                 lastRow: lastRow, lastColumn: index, messages: messages)
            }
        }
    }
}
