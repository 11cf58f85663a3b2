/// A computed figure: `policy I, self, mean = 72.9`, `overall, count of 達成 = 44`.
public struct Figure: Sendable, Equatable {
    /// The node; nil for the overall figure.
    public var node: NodeID?
    public var kind: FigureRule.Kind
    /// The evaluator's key; empty for the combined series.
    public var evaluator: String
    /// The grade's key for `count`, the threshold's for `share`, the grades' keys joined by `+` for
    /// `share_of`; empty otherwise.
    public var grade: String
    /// Exact, already rounded as the report prints it (counts are whole numbers).
    public var value: Rational
    public var digits: Int
    /// The index of the rule in the layout, so the workbook can put each rule in its column.
    public var rule: Int

    public init(node: NodeID?, kind: FigureRule.Kind, evaluator: String, grade: String, value: Rational, digits: Int, rule: Int) {
        self.node = node
        self.kind = kind
        self.evaluator = evaluator
        self.grade = grade
        self.value = value
        self.digits = digits
        self.rule = rule
    }
}

public enum SchemeFigures {
    /// Every figure of every rule, in rule order, then series, then plan order (overall last).
    public static func compute(plan: Plan, activities: [Activity], scheme: EvaluationScheme, rules: [FigureRule]) -> [Figure] {
        var figures: [Figure] = []
        for (index, rule) in rules.enumerated() {
            for series in series(of: rule, scheme: scheme) {
                // A KPI not yet measured is in the open data, never in a figure.
                let evaluations = activities.map { activity in
                    (activity.measure, activity.evaluations.filter { (series.isEmpty || $0.evaluator == series) && !$0.notYetMeasured })
                }
                figures += compute(rule, index: index, series: series, evaluations: evaluations, plan: plan,
                                   scheme: scheme.scale(for: series))
            }
        }
        return figures
    }

    /// The evaluator keys a rule is computed for: one, each, or the combined series ("").
    public static func series(of rule: FigureRule, scheme: EvaluationScheme) -> [String] {
        if !rule.evaluator.isEmpty { return [rule.evaluator] }
        if scheme.combine == .mean || scheme.evaluators.count <= 1 { return [""] }
        return scheme.evaluators.map(\.key)
    }

    /// The grade keys a share counts: those at or above `atLeast`, or those named in `grades`; nil
    /// when a name is not a grade of the scheme.
    public static func shareKeys(of rule: FigureRule, scheme: EvaluationScheme) -> [String]? {
        let grades = scheme.countingGrades
        func key(_ name: String) -> String? { grades.first { $0.key == name || $0.label == name }?.key }
        switch rule.kind {
        case .share:
            guard let threshold = grades.firstIndex(where: { $0.key == rule.atLeast || $0.label == rule.atLeast }) else { return nil }
            return grades.prefix(threshold + 1).map(\.key).filter { scheme.isCounted(key: $0) }
        case .shareOf:
            let keys = rule.grades.compactMap(key)
            return keys.count == rule.grades.count && !keys.isEmpty ? keys : nil
        default:
            return nil
        }
    }

    /// A share's code in figures.csv's `grade`: the threshold's key, or the set's keys joined by `+`.
    public static func shareCode(of rule: FigureRule, scheme: EvaluationScheme) -> String {
        let grades = scheme.countingGrades
        if rule.kind == .share { return grades.first { $0.key == rule.atLeast || $0.label == rule.atLeast }?.key ?? rule.atLeast }
        return rule.grades.map { name in grades.first { $0.key == name || $0.label == name }?.key ?? name }.joined(separator: "+")
    }

    static func compute(_ rule: FigureRule, index: Int, series: String, evaluations: [(NodeID, [Evaluation])], plan: Plan,
                        scheme: EvaluationScheme) -> [Figure] {
        func shown(_ node: NodeID?) -> Bool {
            rule.levels.contains(node.map { plan.levelName(of: $0) } ?? "overall")
        }
        let nodes: [NodeID?] = plan.nodesInOrder.map(\.id).map(Optional.some) + [nil]
        // Grouped by measure once: a level then looks at its leaves, not at every activity. An item is
        // one activity's evaluations in the series (a panel of five scoring one item is one item);
        // a grade outside the count leaves an item out of the items and the shares.
        var byLeaf: [NodeID: [Evaluation]] = [:]
        var itemsByLeaf: [NodeID: [[Evaluation]]] = [:]
        for (measure, found) in evaluations where !found.isEmpty {
            byLeaf[measure, default: []] += found
            let counted = found.filter(scheme.isCounted)
            if !counted.isEmpty { itemsByLeaf[measure, default: []].append(counted) }
        }
        let allLeaves = plan.leaves.map(\.id)
        func leaves(under node: NodeID?) -> [NodeID] {
            node.map { node in allLeaves.filter { $0.path.starts(with: node.path) } } ?? allLeaves
        }
        func under(_ node: NodeID?) -> [Evaluation] {
            leaves(under: node).flatMap { byLeaf[$0] ?? [] }
        }
        func items(under node: NodeID?) -> [[Evaluation]] {
            leaves(under: node).flatMap { itemsByLeaf[$0] ?? [] }
        }
        func digits(_ node: NodeID?) -> Int {
            node.map { rule.digits(atLevel: $0.path.count - 1) } ?? rule.overallDigits
        }
        func figure(_ node: NodeID?, _ grade: String, _ value: Rational, _ digits: Int) -> Figure {
            Figure(node: node, kind: rule.kind, evaluator: series, grade: grade, value: value, digits: digits, rule: index)
        }
        switch rule.kind {
        case .mean, .achievement:
            let counted = evaluations.map { ($0.0, $0.1.filter(scheme.isCounted)) }
            return means(rule, evaluations: counted, plan: plan).compactMap { node, value in
                shown(node) ? figure(node, "", value, digits(node)) : nil
            }
        case .items:
            return nodes.filter(shown).compactMap { node in
                let count = items(under: node).count
                return count == 0 ? nil : figure(node, "", Rational(count), 0)
            }
        case .count:
            return nodes.filter(shown).flatMap { node -> [Figure] in
                let here = under(node)
                guard !here.isEmpty else { return [] }
                return scheme.countingGrades.map { grade in
                    figure(node, grade.key, Rational(here.filter { scheme.countingKey(of: $0) == grade.key }.count), 0)
                }
            }
        case .share, .shareOf:
            guard let keys = shareKeys(of: rule, scheme: scheme).map(Set.init) else { return [] }
            let threshold = rule.kind == .share ? scheme.points(ofKey: shareCode(of: rule, scheme: scheme)) : nil
            // Over the items: an item evaluated by several (a panel combined by mean) counts once,
            // by the mean of its points against the threshold's points.
            func isIn(_ item: [Evaluation]) -> Bool {
                if item.count == 1 { return keys.contains(scheme.countingKey(of: item[0])) }
                if let threshold, let mean = Rational.mean(item.compactMap { $0.points.map { Rational($0) } }) { return mean >= threshold }
                return item.allSatisfy { keys.contains(scheme.countingKey(of: $0)) }
            }
            return nodes.filter(shown).compactMap { node in
                let here = items(under: node)
                guard !here.isEmpty else { return nil }
                let share = Rational(here.filter(isIn).count * 100, here.count)
                return figure(node, shareCode(of: rule, scheme: scheme), share.roundedHalfUp(digits: digits(node)), digits(node))
            }
        }
    }

    /// The mean cascade of `Averaging` over the evaluations' points (or achievement rates): each
    /// evaluation is one value of its measure. With `meanOf: items` a level is the mean of the
    /// measures' values under it instead of its children's figures.
    static func means(_ rule: FigureRule, evaluations: [(NodeID, [Evaluation])], plan: Plan) -> [(NodeID?, Rational)] {
        var values: [NodeID: [Rational]] = [:]
        for (measure, evaluations) in evaluations {
            for evaluation in evaluations {
                let value = rule.kind == .achievement ? evaluation.achievement : evaluation.points.map { Rational($0) }
                if let value { values[measure, default: []].append(value) }
            }
        }
        let averaging = AveragingRules(leafScale: rule.scale, levelDigits: rule.levelDigits, overallDigits: rule.overallDigits,
                                       averageRoundedChildren: rule.averageRoundedChildren)
        let progress = Averaging.compute(plan: plan, leafValues: values, rules: averaging)
        func overItems(_ node: NodeID?) -> Rational? {
            let scores = plan.leaves.filter { leaf in node.map { leaf.id.path.starts(with: $0.path) } ?? true }
                .compactMap { progress.leafScores[$0.id] }
            return Rational.mean(scores).map { $0 * Rational(rule.scale) }
        }
        var result: [(NodeID?, Rational)] = []
        for node in plan.nodesInOrder {
            let digits = rule.digits(atLevel: node.id.path.count - 1)
            if rule.meanOf == .items, !node.children.isEmpty {
                if let value = overItems(node.id) { result.append((node.id, value.roundedHalfUp(digits: digits))) }
            } else if let value = progress.percentages[node.id] {
                result.append((node.id, value))
            } else if node.children.isEmpty, let score = progress.leafScores[node.id] {
                result.append((node.id, (score * Rational(rule.scale)).roundedHalfUp(digits: digits)))
            }
        }
        if rule.meanOf == .items {
            if let overall = overItems(nil) { result.append((nil, overall.roundedHalfUp(digits: rule.overallDigits))) }
        } else if let overall = progress.overall {
            result.append((nil, overall))
        }
        return result
    }
}
