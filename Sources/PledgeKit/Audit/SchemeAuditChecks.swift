import Foundation
import PledgeCore
import TableIO

/// `audit` of a report under a layout's own scheme: its `figures.csv` for the audited year, each
/// figure checked
/// 1. against the figures printed beside it: a share against its grades' counts ÷ the items evaluated,
///    the items against the counts of the grades in the count, a mean of children's figures
///    (`meanOf: children`) against the children printed;
/// 2. with the inbox, against the figure recomputed from it as merge computes it.
struct SchemeAuditChecks {
    let model: ReportModel
    /// The figures recomputed from the inbox; nil without one.
    let recomputed: [Figure]?
    let file: String

    private struct Key: Hashable {
        var node: NodeID?
        var kind: FigureRule.Kind
        var evaluator: String
        var grade: String
    }

    private static func key(_ figure: Figure) -> Key {
        Key(node: figure.node, kind: figure.kind, evaluator: figure.evaluator, grade: figure.grade)
    }

    func findings(_ printed: [FigureHistoryLoader.PrintedRow]) -> [AuditFinding] {
        let byKey = Dictionary(printed.map { (Self.key($0.figure), $0.figure) }, uniquingKeysWith: { first, _ in first })
        let recomputedByKey = recomputed.map { figures in
            Dictionary(figures.map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        var findings: [AuditFinding] = []
        for row in printed {
            let figure = row.figure
            var reasons: [String] = []
            var expected: (Rational, Int)?
            if let (value, reason) = ruleExpectation(for: figure, printed: byKey), value != figure.value {
                reasons.append(reason)
                expected = (value, figure.digits)
            }
            if let recomputedByKey {
                let again = recomputedByKey[Self.key(figure)]
                if again?.value != figure.value {
                    reasons.append(again.map { "提出ファイルから計算すると \($0.value.formatted(digits: $0.digits)) です" }
                                   ?? "提出ファイルから計算すると、この集計値はありません")
                    expected = expected ?? again.map { ($0.value, $0.digits) }
                }
            }
            guard !reasons.isEmpty else { continue }
            findings.append(AuditFinding(
                figure: name(figure), id: figure.node.map { model.plan.format($0) } ?? "all", year: model.year,
                location: SourceLocation(file: file, row: row.row, column: row.valueColumn), printed: row.text,
                expected: expected.map { $0.0.formatted(digits: $0.1) } ?? "", reasons: reasons))
        }
        return findings
    }

    /// `基本政策2 自己評価C (%)…`, `全体 委員会評価の平均`.
    private func name(_ figure: Figure) -> String {
        let place = figure.node.map { node in
            (["policy": "基本政策", "pledge": "公約", "measure": "施策"][model.plan.levelName(of: node)] ?? "") + model.plan.format(node)
        } ?? "全体"
        return "\(place) \(model.figureLabel(rule: figure.rule, evaluator: figure.evaluator, grade: figure.grade)) \(model.year.label)"
    }

    /// What the figures printed beside this one say it must be, with why; nil when they are not all printed.
    private func ruleExpectation(for figure: Figure, printed: [Key: Figure]) -> (Rational, String)? {
        let rule = model.layout.figures[figure.rule]
        let scheme = model.layout.scheme
        let scale = scheme.scale(for: figure.evaluator)
        // A panel combined by mean is counted per evaluation but shared per item: the counts cannot check it.
        let panel = figure.evaluator.isEmpty && scheme.evaluators.count > 1
        func count(_ grade: String) -> Rational? {
            printed[Key(node: figure.node, kind: .count, evaluator: figure.evaluator, grade: grade)]?.value
        }
        let items = printed[Key(node: figure.node, kind: .items, evaluator: figure.evaluator, grade: "")]?.value
        switch figure.kind {
        case .share, .shareOf:
            guard !panel, let items, items != Rational(0), let keys = SchemeFigures.shareKeys(of: rule, scheme: scale) else { return nil }
            let counts = keys.map(count)
            guard counts.allSatisfy({ $0 != nil }) else { return nil }
            let sum = counts.compactMap { $0 }.reduce(Rational(0), +)
            let value = (sum / items * Rational(100)).roundedHalfUp(digits: figure.digits)
            return (value, "段階の件数 \(sum.plainDecimal) ÷ 評価対象数 \(items.plainDecimal) × 100 = \(value.formatted(digits: figure.digits)) です")
        case .items:
            let counted = scale.countingGrades.filter { scale.isCounted(key: $0.key) }
            guard !panel, !counted.isEmpty else { return nil }
            let counts = counted.map { count($0.key) }
            guard counts.allSatisfy({ $0 != nil }) else { return nil }
            let sum = counts.compactMap { $0 }.reduce(Rational(0), +)
            return (sum, "評価対象の段階の件数の合計は \(sum.plainDecimal) です")
        case .mean, .achievement:
            guard rule.meanOf == .children, rule.averageRoundedChildren else { return nil }
            let children = figure.node.map { model.plan.node($0)?.children.map(\.id) ?? [] } ?? model.plan.policies.map(\.id)
            guard !children.isEmpty else { return nil }
            let found = children.map { printed[Key(node: $0, kind: figure.kind, evaluator: figure.evaluator, grade: "")] }
            // Only where every child's figure is printed beside it can the mean be redone.
            guard found.allSatisfy({ $0 != nil }) else { return nil }
            let shown = found.compactMap { $0 }
            guard let mean = Rational.mean(shown.map(\.value)) else { return nil }
            let value = mean.roundedHalfUp(digits: figure.digits)
            let texts = shown.map { $0.value.formatted(digits: $0.digits) }
            return (value, "下の階層の値（\(texts.joined(separator: "、"))）の平均は \(value.formatted(digits: figure.digits)) です")
        case .count:
            return nil
        }
    }
}
