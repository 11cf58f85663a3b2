import PledgeCore
import TableIO

extension EvaluationColumns {
    /// A KPI row's evaluation; `.notComputable` when the actual value is not in yet (counted, no rate).
    enum KPIOutcome { case evaluated(Evaluation), notComputable, rejected }

    func readKPI(_ row: Row, measureID: String, department: String, diagnostics: inout Diagnostics) -> KPIOutcome {
        func cell(_ spec: ColumnSpec) -> (text: String, location: SourceLocation) {
            let column = kpiColumns[spec.name]
            return (column.map { Normalize.text(row[$0]) } ?? "", sheet.table.location(row: row.number, column: column))
        }
        func reject(_ location: SourceLocation, _ message: String) -> KPIOutcome {
            diagnostics.error(.ratingInvalid, at: location, measureID: measureID, department: department, message)
            return .rejected
        }
        let target = cell(KPIColumns.target), actual = cell(KPIColumns.actual), direction = cell(KPIColumns.direction)
        guard let lowerIsBetter = KPIColumns.lowerIsBetter(direction.text) else {
            return reject(direction.location, "方向は「\(KPIColumns.higher[0])」か「\(KPIColumns.lower[0])」で入力してください（入力値: \(direction.text)）")
        }
        guard !target.text.isEmpty else {
            diagnostics.error(.ratingMissing, at: target.location, measureID: measureID, department: department,
                              "目標値が入力されていません。\(scheme.allowedValues)で入力してください。")
            return .rejected
        }
        guard let targetValue = KPIColumns.number(target.text) else {
            return reject(target.location, "目標値は\(scheme.allowedValues)で入力してください（入力値: \(target.text)）")
        }
        if actual.text.isEmpty {
            diagnostics.info(.kpiNotComputable, at: actual.location, measureID: measureID, department: department,
                             "実績値が空欄のため、この指標の達成率は計算しません（件数には含めません）。")
            return .notComputable
        }
        guard let actualValue = KPIColumns.number(actual.text) else {
            return reject(actual.location, "実績値は0以上の数値で入力してください（入力値: \(actual.text)）")
        }
        switch KPI.evaluation(target: targetValue, actual: actualValue, lowerIsBetter: lowerIsBetter, scheme: scheme) {
        case .success(let evaluation):
            return .evaluated(evaluation)
        case .failure(.negative):
            let place = targetValue < Rational(0) ? target : actual
            return reject(place.location, "目標値・実績値は0以上の数値で入力してください（入力値: \(place.text)）")
        case .failure(.zeroDivisor):
            let place = lowerIsBetter ? actual : target
            let name = lowerIsBetter ? "実績値" : "目標値"
            return reject(place.location, "\(name)が0のため達成率（\(lowerIsBetter ? "目標値÷実績値" : "実績値÷目標値")）を計算できません。"
                          + "\(name)は\(scheme.allowedValues)で入力してください（入力値: \(place.text)）")
        }
    }
}
