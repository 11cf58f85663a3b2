/// One figure a layout's report shows, per level: the mean of points (the Tomakomai cascade, with
/// its digits and rounded-or-exact children, or the mean over the items), the items per grade, the
/// share of the items at or above a grade or in a set of grades, or the number of items evaluated.
public struct FigureRule: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Mean of points × `scale`, cascaded level by level as `AveragingRules` says (or over the items, `meanOf`).
        case mean
        /// Evaluations per grade (one figure per grade; a range scheme counts each number; under
        /// `combine: mean` every evaluator's evaluation counts).
        case count
        /// Percentage of the items evaluated whose evaluation is at or above the grade `atLeast`.
        case share
        /// Percentage of the items evaluated whose evaluation is one of `grades` (△ alone, or 達成 and 順調).
        case shareOf = "share_of"
        /// Items evaluated (a grade outside the count and a KPI not yet measured are not).
        case items
        /// Mean of the KPIs' achievement rates (%), cascaded as `mean` is.
        case achievement
    }

    /// What a level's mean is the mean of.
    public enum MeanOf: String, Sendable, Equatable, Codable {
        /// Its children's figures (a policy: the mean of its pledges' figures), as Tomakomai prints.
        case children
        /// Every item under it alike (a policy: the mean over all its measures).
        case items
    }

    public var kind: Kind
    /// The evaluator's key; empty = every evaluator (or the combined series of a `mean` scheme).
    public var evaluator: String
    /// For `share`: the lowest grade (key or label) that counts.
    public var atLeast: String
    /// For `share_of`: the grades (keys or labels) that count.
    public var grades: [String]
    /// The levels that show the figure: `policy`, `pledge`, `measure`, `overall`.
    public var levels: [String]
    /// For `mean`: display units per point (10: 0–10 → %, 20: 0–5 → 100 points).
    public var scale: Int
    /// Decimals per level from the top (index 0 = policies), and of the overall figure.
    public var levelDigits: [Int]
    public var overallDigits: Int
    /// For `mean`: whether a level averages its children's rounded figures (as published) or the exact ones.
    public var averageRoundedChildren: Bool
    /// For `mean` and `achievement`: a level's mean over its children's figures or over its items.
    public var meanOf: MeanOf
    /// The workbook's column heading; `{evaluator}` is the evaluator's heading, `{grade}` the grade's
    /// label, `{denominator}` what a share is out of.
    public var heading: String

    public init(kind: Kind, evaluator: String = "", atLeast: String = "", grades: [String] = [], levels: [String] = ["policy", "overall"],
                scale: Int = 1, levelDigits: [Int] = [1, 1, 1], overallDigits: Int = 1, averageRoundedChildren: Bool = true,
                meanOf: MeanOf = .children, heading: String = "") {
        self.kind = kind
        self.evaluator = evaluator
        self.atLeast = atLeast
        self.grades = grades
        self.levels = levels
        self.scale = scale
        self.levelDigits = levelDigits
        self.overallDigits = overallDigits
        self.averageRoundedChildren = averageRoundedChildren
        self.meanOf = meanOf
        self.heading = heading
    }

    public func digits(atLevel level: Int) -> Int { level < levelDigits.count ? levelDigits[level] : 0 }

    public var isShare: Bool { kind == .share || kind == .shareOf }
}

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

extension EvaluationScheme {
    /// The values counted one by one, best first: the grades, or each number of a range (highest first).
    public var countingGrades: [(key: String, label: String)] {
        switch kind {
        case .grades, .kpi: grades.map { ($0.key, $0.label) }
        case .range: stride(from: maximum, through: minimum, by: -1).map { (String($0), String($0)) }
        case .none: []
        }
    }

    /// The key a evaluation is counted under.
    public func countingKey(of evaluation: Evaluation) -> String {
        if let grade = evaluation.grade, grade < grades.count { return grades[grade].key }
        return evaluation.label
    }

    /// Whether an evaluation counts among the items evaluated (its grade is not outside the count).
    public func isCounted(_ evaluation: Evaluation) -> Bool {
        guard let grade = evaluation.grade, grade < grades.count else { return true }
        return grades[grade].counted
    }

    public func isCounted(key: String) -> Bool { grades.first { $0.key == key }?.counted ?? true }

    /// A grade's points (a range's number is its points), for comparing a panel's mean with a threshold.
    public func points(ofKey key: String) -> Rational? {
        if kind == .range { return Int(key).map { Rational($0) } }
        return grades.first { $0.key == key }?.points.map { Rational($0) }
    }

    /// The evaluator read from the KPI columns (target, actual…), if the scheme has one.
    public var kpiEvaluator: Evaluator? { evaluators.first { scale(for: $0.key).kind == .kpi } }

    /// Grades outside the count, as written (`−`).
    public var uncountedGrades: [Grade] { kind == .range ? [] : grades.filter { !$0.counted } }
}
