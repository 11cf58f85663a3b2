import PledgeCore
import TableIO

/// The columns of a KPI row (a `kpi` scheme or evaluator): target, actual value, direction, and the
/// optional baseline and unit, found by their headings; the template writes the first heading of each.
enum KPIColumns {
    static let target = Columns.kpiTarget
    static let actual = ColumnSpec("actual", ["実績値", "実績", "現状値"])
    static let direction = ColumnSpec("direction", ["方向", "目標の方向", "指標の方向"])
    static let baseline = ColumnSpec("baseline", ["基準値", "策定時値", "当初値", "基準年度値"])
    static let unit = ColumnSpec("unit", ["単位"])
    static let all = [target, actual, direction, baseline, unit]

    /// What the direction cell may say; empty means higher is better.
    static let higher = ["高いほどよい", "高い方がよい", "上昇", "増加", "↑"]
    static let lower = ["低いほどよい", "低い方がよい", "低下", "減少", "↓"]

    /// The template's columns for a KPI: target, actual, direction, the baseline when a formula
    /// measures from it, and the unit.
    static func evaluators(_ rules: KPIRules) -> [Evaluator] {
        ([target, actual, direction] + (rules.usesBaseline ? [baseline] : []) + [unit])
            .map { Evaluator(key: $0.name, heading: $0.aliases[0]) }
    }

    static func isKPIColumn(_ key: String) -> Bool { all.contains { $0.name == key } }

    /// "Lower is better" for a direction text; nil when it is neither word list.
    static func lowerIsBetter(_ text: String) -> Bool? {
        let key = Normalize.key(text)
        if key.isEmpty || higher.contains(where: { Normalize.key($0) == key }) { return false }
        if lower.contains(where: { Normalize.key($0) == key }) { return true }
        return nil
    }

    enum NumberProblem: Error { case notANumber, foreignUnit(String) }

    /// A number as departments type it: `1,200`, `１２.５`, `85%`, or with the KPI's own unit
    /// (`38.2分` where the unit is 分); another unit is refused rather than dropped (`38.2秒` for 分).
    static func number(_ text: String, unit: String = "") -> Result<Rational, NumberProblem> {
        let value = Normalize.compact(text).replacingOccurrences(of: ",", with: "")
        let suffixStart = value.lastIndex { $0.isASCII && ($0.isNumber || $0 == ".") }.map(value.index(after:)) ?? value.startIndex
        let suffix = String(value[suffixStart...])
        guard let number = Rational(decimal: String(value[..<suffixStart])) else { return .failure(.notANumber) }
        let unitKey = Normalize.key(unit)
        let isPercent = suffix == "%" || suffix == "％"
        if suffix.isEmpty || Normalize.key(suffix) == unitKey || (isPercent && unitKey.isEmpty) { return .success(number) }
        return .failure(.foreignUnit(suffix))
    }
}
