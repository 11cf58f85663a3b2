import PledgeCore
import TableIO

/// The columns of a KPI row (scheme `kind: kpi`): target, actual value and direction, found by
/// their headings; the template writes the first heading of each.
enum KPIColumns {
    static let target = Columns.kpiTarget
    static let actual = ColumnSpec("actual", ["実績値", "実績", "現状値"])
    static let direction = ColumnSpec("direction", ["方向", "目標の方向", "指標の方向"])
    static let all = [target, actual, direction]

    /// What the direction cell may say; empty means higher is better.
    static let higher = ["高いほどよい", "高い方がよい", "上昇", "増加", "↑"]
    static let lower = ["低いほどよい", "低い方がよい", "低下", "減少", "↓"]

    /// The template's columns: the evaluators of the KPI scheme are these three.
    static var evaluators: [Evaluator] { all.map { Evaluator(key: $0.name, heading: $0.aliases[0]) } }

    /// "Lower is better" for a direction text; nil when it is neither word list.
    static func lowerIsBetter(_ text: String) -> Bool? {
        let key = Normalize.key(text)
        if key.isEmpty || higher.contains(where: { Normalize.key($0) == key }) { return false }
        if lower.contains(where: { Normalize.key($0) == key }) { return true }
        return nil
    }

    /// A number as departments type it: `1,200`, `１２.５`, `85%` (the unit sign dropped).
    static func number(_ text: String) -> Rational? {
        var value = Normalize.compact(text).replacingOccurrences(of: ",", with: "")
        for unit in ["%", "％"] where value.hasSuffix(unit) { value.removeLast() }
        return Rational(decimal: value)
    }
}
