import PledgeCore
import TableIO

extension EvaluationColumns {
    /// A KPI row's evaluation; `.absent` when a report with other evaluators has no KPI on this row.
    enum KPIOutcome { case evaluated(Evaluation), absent, rejected }

    /// Reads the KPI columns by `scale` (the scheme, or the KPI evaluator's own bands). An empty
    /// actual is a KPI not yet measured: kept with its target, out of every figure.
    func readKPI(_ row: Row, scale: EvaluationScheme, optional: Bool, measureID: String, department: String,
                 diagnostics: inout Diagnostics) -> KPIOutcome {
        func cell(_ spec: ColumnSpec) -> (text: String, location: SourceLocation) {
            let column = kpiColumns[spec.name]
            return (column.map { Normalize.text(row[$0]) } ?? "", sheet.table.location(row: row.number, column: column))
        }
        func reject(_ location: SourceLocation, _ message: String) -> KPIOutcome {
            diagnostics.error(.ratingInvalid, at: location, measureID: measureID, department: department, message)
            return .rejected
        }
        let target = cell(KPIColumns.target), actual = cell(KPIColumns.actual), direction = cell(KPIColumns.direction)
        let baseline = cell(KPIColumns.baseline), unit = cell(KPIColumns.unit).text
        if optional && target.text.isEmpty && actual.text.isEmpty { return .absent }
        guard let lowerIsBetter = KPIColumns.lowerIsBetter(direction.text) else {
            return reject(direction.location, "方向は「\(KPIColumns.higher[0])」か「\(KPIColumns.lower[0])」で入力してください（入力値: \(direction.text)）")
        }
        // A value that is not a number (or carries another unit) is reported with its cell; nil then.
        func value(_ place: (text: String, location: SourceLocation), _ name: String) -> Rational? {
            switch KPIColumns.number(place.text, unit: unit) {
            case .success(let number): return number
            case .failure(.notANumber):
                _ = reject(place.location, "\(name)は0以上の数値で入力してください（入力値: \(place.text)）")
            case .failure(.foreignUnit(let suffix)):
                let own = unit.isEmpty ? "この行の単位の列が空欄です" : "この指標の単位は「\(unit)」です"
                _ = reject(place.location, "\(name)の単位「\(suffix)」は読めません（\(own)）。数値だけか、指標の単位を付けて入力してください（入力値: \(place.text)）")
            }
            return nil
        }
        guard !target.text.isEmpty else {
            diagnostics.error(.ratingMissing, at: target.location, measureID: measureID, department: department,
                              "目標値が入力されていません。\(scale.allowedValues)で入力してください。")
            return .rejected
        }
        guard let targetValue = value(target, "目標値") else { return .rejected }
        let formula = scale.kpi.formula(lowerIsBetter: lowerIsBetter)
        var baselineValue: Rational?
        if !baseline.text.isEmpty {
            guard let number = value(baseline, "基準値") else { return .rejected }
            baselineValue = number
        } else if formula == .fromBaseline {
            diagnostics.error(.ratingMissing, at: baseline.location, measureID: measureID, department: department,
                              "基準値が入力されていません。この報告書の達成率は（基準値−実績値）÷（基準値−目標値）のため、基準値を\(scale.allowedValues)で入力してください。")
            return .rejected
        }
        if actual.text.isEmpty {
            diagnostics.info(.kpiNotComputable, at: actual.location, measureID: measureID, department: department,
                             "実績値が空欄のため、この指標は未測定として目標値だけを載せます（達成率・件数には含めません）。")
            var waiting = KPI.notYetMeasured(target: targetValue, baseline: baselineValue, lowerIsBetter: lowerIsBetter,
                                             evaluator: scale.evaluators.first?.key ?? "")
            waiting.unit = unit
            return .evaluated(waiting)
        }
        guard let actualValue = value(actual, "実績値") else { return .rejected }
        switch KPI.evaluation(target: targetValue, actual: actualValue, baseline: baselineValue, lowerIsBetter: lowerIsBetter, scheme: scale) {
        case .success(var evaluation):
            evaluation.unit = unit
            return .evaluated(evaluation)
        case .failure(.negative):
            let place = [target, actual, baseline].first { (try? KPIColumns.number($0.text, unit: unit).get()).map { $0 < Rational(0) } ?? false } ?? target
            return reject(place.location, "目標値・実績値・基準値は0以上の数値で入力してください（入力値: \(place.text)）")
        case .failure(.zeroDivisor):
            return reject(target.location, "目標値が0のため達成率（実績値÷目標値）を計算できません。高いほどよい指標の目標値は0より大きい数値で入力してください（入力値: \(target.text)）")
        case .failure(.baselineMissing):
            return reject(baseline.location, "基準値が入力されていません。")
        case .failure(.baselineBeyondTarget):
            return reject(baseline.location, "基準値が目標値より\(lowerIsBetter ? "小さい" : "大きい")ため、基準値からの改善で達成率を計算できません（目標より悪い実績でも100%を超えてしまいます）。基準値と目標値を確かめてください（入力値: \(baseline.text)）")
        case .failure(.zeroActual):
            return reject(actual.location, "実績値が0のため達成率（目標値÷実績値）を計算できません（目標は上回っています）。企画担当の方へ: レイアウトの scheme.kpi に capAtTarget: true（100%を上限にする）か lowerIsBetter: fromBaseline（基準値からの改善で測る）を指定してください（入力値: \(actual.text)）")
        case .failure(.baselineIsTarget):
            return reject(baseline.location, "基準値が目標値と同じため達成率（基準値からの改善÷目標までの改善）を計算できません。基準値を確認してください（入力値: \(baseline.text)）")
        }
    }
}
