import Foundation
import PledgeCore
import TableIO

/// The checks of `pledgekit audit`, on the figures a report prints:
/// 1. each figure against the layout's averaging rule applied to the figures printed under it in
///    the same table column (a pledge's stars bound its percentage; stars are rounded scores, so a
///    pledge is wrong only when no scores with those stars can give it);
/// 2. the same figure printed in several places (detail table, summary table, chart table) agreeing;
/// 3. with the inbox, each figure of the audited year against the figure recomputed from it.
struct AuditChecks {
    let plan: Plan
    let rules: AveragingRules
    let recomputed: PledgeCore.Progress?
    let year: FiscalYear

    private struct Key: Hashable {
        var subject: PrintedFigure.Subject
        var year: FiscalYear
    }

    private struct Expectation {
        var value: Rational
        var digits: Int
        var reason: String
    }

    func findings(_ figures: [PrintedFigure]) -> [AuditFinding] {
        let byRegion = Dictionary(grouping: figures, by: \.region).mapValues { figures in
            Dictionary(figures.map { ($0.subject, $0) }, uniquingKeysWith: { first, _ in first })
        }
        // Where no rule decides between two prints, the one read first (the report's order) is the reference.
        let readingOrder = Dictionary(figures.enumerated().map { ($0.element.location, $0.offset) }, uniquingKeysWith: min)
        let prints = Dictionary(grouping: figures, by: { Key(subject: $0.subject, year: $0.year) })
        var findings: [AuditFinding] = []
        for figure in figures {
            var reasons: [String] = []
            var expected: Expectation?
            let region = byRegion[figure.region] ?? [:]
            if let rule = ruleExpectation(for: figure, region: region) {
                if let reason = rule.reason.isEmpty ? nil : rule.reason { reasons.append(reason) }
                expected = rule.reason.isEmpty ? nil : rule
            }
            if figure.year == year, let recomputed = recomputedExpectation(for: figure) {
                if figure.value != recomputed.value {
                    reasons.append(recomputed.reason)
                    expected = expected ?? recomputed
                }
            }
            let others = (prints[Key(subject: figure.subject, year: figure.year)] ?? []).filter { $0.location != figure.location }
            let disagreeing = others.filter { $0.value != figure.value }
            if !disagreeing.isEmpty {
                let places = disagreeing.map { "\(place($0)) では \($0.text.trimmed)" }.joined(separator: "、")
                if !reasons.isEmpty {
                    reasons.append("同じ数値が \(places) と印刷されています")
                } else if !disagreeing.contains(where: { hasOwnFinding($0, figures: figures, byRegion: byRegion) }),
                          let first = (others + [figure]).min(by: { readingOrder[$0.location, default: 0] < readingOrder[$1.location, default: 0] }),
                          first.location != figure.location {
                    reasons.append("同じ数値が \(places) と印刷されていて食い違います")
                    expected = Expectation(value: first.value, digits: digits(of: figure), reason: "")
                }
            }
            guard !reasons.isEmpty else { continue }
            findings.append(AuditFinding(
                figure: name(figure), id: id(figure), year: figure.year, location: figure.location,
                printed: figure.text.trimmed, expected: expected.map { format($0.value, digits: $0.digits, stars: isStars(figure)) } ?? "",
                reasons: reasons))
        }
        return findings
    }

    // MARK: the rule

    /// The rule's figure for a node from its children printed in the same column; nil when the
    /// children are not all printed there. An empty reason means the printed figure agrees.
    private func ruleExpectation(for figure: PrintedFigure, region: [PrintedFigure.Subject: PrintedFigure]) -> Expectation? {
        switch figure.subject {
        case .stars:
            return nil
        case .overall:
            let values = plan.policies.compactMap { region[.node($0.id)]?.value }
            guard rules.averageRoundedChildren, !values.isEmpty, values.count == plan.policies.count,
                  let mean = Rational.mean(values) else { return nil }
            let value = mean.roundedHalfUp(digits: rules.overallDigits)
            return Expectation(value: value, digits: rules.overallDigits,
                               reason: value == figure.value ? "" : ruleReason("基本政策", values, mean, value, rules.overallDigits))
        case .node(let id):
            guard let node = plan.node(id), !node.children.isEmpty else { return nil }
            let level = id.path.count - 1
            let digits = rules.levelDigits.indices.contains(level) ? rules.levelDigits[level] : 0
            if node.children.allSatisfy(\.children.isEmpty) {
                return starBound(for: figure, node: node, region: region, digits: digits)
            }
            let values = node.children.compactMap { region[.node($0.id)]?.value }
            guard rules.averageRoundedChildren, values.count == node.children.count, let mean = Rational.mean(values) else { return nil }
            let value = mean.roundedHalfUp(digits: digits)
            return Expectation(value: value, digits: digits,
                               reason: value == figure.value ? "" : ruleReason("公約", values, mean, value, digits))
        }
    }

    private func ruleReason(_ children: String, _ values: [Rational], _ mean: Rational, _ value: Rational, _ digits: Int) -> String {
        let listed = values.map { $0.formatted(digits: max(digits, 0)) }.joined(separator: "、")
        return "配下の\(children)（\(listed)）の平均 \(mean.formatted(digits: digits + 2)) を四捨五入すると \(value.formatted(digits: digits))"
    }

    /// Stars are scores rounded half up, so each score lies within half a point of its stars and
    /// the pledge's percentage within `leafScale / 2` of the stars' mean (plus its own rounding).
    private func starBound(for figure: PrintedFigure, node: PlanNode, region: [PrintedFigure.Subject: PrintedFigure],
                           digits: Int) -> Expectation? {
        let stars = node.children.compactMap { region[.stars($0.id)]?.value }
        guard stars.count == node.children.count, let mean = Rational.mean(stars) else { return nil }
        let centre = mean * Rational(rules.leafScale)
        let slack = Rational(rules.leafScale, 2) + Rational(1, 2) * Rational(1, Self.power10(digits))
        let low = centre + Rational(-1) * slack, high = centre + slack
        guard figure.value < low || high < figure.value else { return Expectation(value: figure.value, digits: digits, reason: "") }
        let listed = stars.map { $0.formatted(digits: 0) }.joined(separator: "、")
        return Expectation(value: centre.roundedHalfUp(digits: digits), digits: digits,
                           reason: "配下の施策の★（\(listed)）からは \(low.formatted(digits: digits + 1))〜\(high.formatted(digits: digits + 1)) の範囲にしかなりません")
    }

    // MARK: the inbox

    private func recomputedExpectation(for figure: PrintedFigure) -> Expectation? {
        guard let recomputed else { return nil }
        let value: Rational?
        switch figure.subject {
        case .overall: value = recomputed.overall
        case .node(let id): value = recomputed.percentages[id]
        case .stars(let id): value = recomputed.stars(id).map { Rational($0) }
        }
        guard let value else { return nil }
        let digits = digits(of: figure)
        return Expectation(value: value, digits: digits,
                           reason: "各課の提出ファイルから計算し直すと \(format(value, digits: digits, stars: isStars(figure)))")
    }

    // MARK: naming

    private func isStars(_ figure: PrintedFigure) -> Bool {
        if case .stars = figure.subject { return true }
        return false
    }

    private func hasOwnFinding(_ figure: PrintedFigure, figures: [PrintedFigure],
                               byRegion: [PrintedFigure.Region: [PrintedFigure.Subject: PrintedFigure]]) -> Bool {
        !(ruleExpectation(for: figure, region: byRegion[figure.region] ?? [:])?.reason.isEmpty ?? true)
    }

    private func digits(of figure: PrintedFigure) -> Int {
        switch figure.subject {
        case .overall: return rules.overallDigits
        case .stars: return 0
        case .node(let id):
            let level = id.path.count - 1
            return rules.levelDigits.indices.contains(level) ? rules.levelDigits[level] : 0
        }
    }

    private func format(_ value: Rational, digits: Int, stars: Bool) -> String {
        stars ? Stars.glyphs(value.roundedInteger) : value.formatted(digits: digits)
    }

    private func place(_ figure: PrintedFigure) -> String {
        (figure.location.sheet.map { $0 + "!" } ?? "") + figure.location.cell
    }

    private func id(_ figure: PrintedFigure) -> String {
        switch figure.subject {
        case .overall: return "all"
        case .node(let id), .stars(let id): return plan.format(id)
        }
    }

    private func name(_ figure: PrintedFigure) -> String {
        let label: String
        switch figure.subject {
        case .overall: label = "全体"
        case .node(let id): label = (id.path.count == 1 ? "政策" : "公約") + plan.format(id)
        case .stars(let id): label = "施策" + plan.format(id) + "の★"
        }
        return "\(label) \(figure.year.label)"
    }

    private static func power10(_ digits: Int) -> Int {
        (0..<max(0, digits)).reduce(1) { value, _ in value * 10 }
    }
}

private extension String {
    var trimmed: String { Normalize.text(self) }
}
