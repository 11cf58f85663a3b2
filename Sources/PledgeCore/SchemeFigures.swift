/// One figure a layout's report shows, per level: the mean of points (the Tomakomai cascade, with
/// its digits and rounded-or-exact children), the items per grade, the share at or above a grade,
/// or the number of items evaluated.
public struct FigureRule: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Mean of points × `scale`, cascaded level by level as `AveragingRules` says.
        case mean
        /// Evaluations per grade (one figure per grade; a range scheme counts each number; under
        /// `combine: mean` every evaluator's evaluation counts).
        case count
        /// Percentage of the graded items at or above the grade `atLeast`.
        case share
        /// Items evaluated.
        case items
        /// Mean of the KPIs' achievement rates (%), cascaded as `mean` is.
        case achievement
    }

    public var kind: Kind
    /// The evaluator's key; empty = every evaluator (or the combined series of a `mean` scheme).
    public var evaluator: String
    /// For `share`: the lowest grade (key or label) that counts.
    public var atLeast: String
    /// The levels that show the figure: `policy`, `pledge`, `measure`, `overall`.
    public var levels: [String]
    /// For `mean`: display units per point (10: 0–10 → %, 20: 0–5 → 100 points).
    public var scale: Int
    /// Decimals per level from the top (index 0 = policies), and of the overall figure.
    public var levelDigits: [Int]
    public var overallDigits: Int
    /// For `mean`: whether a level averages its children's rounded figures (as published) or the exact ones.
    public var averageRoundedChildren: Bool
    /// The workbook's column heading; `{evaluator}` is the evaluator's heading, `{grade}` the grade's label.
    public var heading: String

    public init(kind: Kind, evaluator: String = "", atLeast: String = "", levels: [String] = ["policy", "overall"],
                scale: Int = 1, levelDigits: [Int] = [1, 1, 1], overallDigits: Int = 1, averageRoundedChildren: Bool = true,
                heading: String = "") {
        self.kind = kind
        self.evaluator = evaluator
        self.atLeast = atLeast
        self.levels = levels
        self.scale = scale
        self.levelDigits = levelDigits
        self.overallDigits = overallDigits
        self.averageRoundedChildren = averageRoundedChildren
        self.heading = heading
    }

    public func digits(atLevel level: Int) -> Int { level < levelDigits.count ? levelDigits[level] : 0 }
}

/// A computed figure: `policy I, self, mean = 72.9`, `overall, count of 達成 = 44`.
public struct Figure: Sendable, Equatable {
    /// The node; nil for the overall figure.
    public var node: NodeID?
    public var kind: FigureRule.Kind
    /// The evaluator's key; empty for the combined series.
    public var evaluator: String
    /// The grade's key for `count` (and the threshold's for `share`); empty otherwise.
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
                let evaluations = activities.map { activity in
                    (activity.measure, activity.evaluations.filter { series.isEmpty || $0.evaluator == series })
                }
                figures += compute(rule, index: index, series: series, evaluations: evaluations, plan: plan, scheme: scheme)
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

    static func compute(_ rule: FigureRule, index: Int, series: String, evaluations: [(NodeID, [Evaluation])], plan: Plan,
                        scheme: EvaluationScheme) -> [Figure] {
        func shown(_ node: NodeID?) -> Bool {
            rule.levels.contains(node.map { plan.levelName(of: $0) } ?? "overall")
        }
        let nodes: [NodeID?] = plan.nodesInOrder.map(\.id).map(Optional.some) + [nil]
        // Grouped by measure once: a level then looks at its leaves, not at every activity.
        var byLeaf: [NodeID: [Evaluation]] = [:]
        var itemsByLeaf: [NodeID: Int] = [:]
        for (measure, found) in evaluations where !found.isEmpty {
            byLeaf[measure, default: []] += found
            itemsByLeaf[measure, default: 0] += 1
        }
        let allLeaves = plan.leaves.map(\.id)
        func leaves(under node: NodeID?) -> [NodeID] {
            node.map { node in allLeaves.filter { $0.path.starts(with: node.path) } } ?? allLeaves
        }
        func under(_ node: NodeID?) -> [Evaluation] {
            leaves(under: node).flatMap { byLeaf[$0] ?? [] }
        }
        func digits(_ node: NodeID?) -> Int {
            node.map { rule.digits(atLevel: $0.path.count - 1) } ?? rule.overallDigits
        }
        func figure(_ node: NodeID?, _ grade: String, _ value: Rational, _ digits: Int) -> Figure {
            Figure(node: node, kind: rule.kind, evaluator: series, grade: grade, value: value, digits: digits, rule: index)
        }
        switch rule.kind {
        case .mean, .achievement:
            return means(rule, evaluations: evaluations, plan: plan).compactMap { node, value in
                shown(node) ? figure(node, "", value, digits(node)) : nil
            }
        case .items:
            // Items, not evaluations: a panel of five scoring one item is one item.
            return nodes.filter(shown).compactMap { node in
                let count = leaves(under: node).reduce(0) { $0 + (itemsByLeaf[$1] ?? 0) }
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
        case .share:
            guard let threshold = scheme.countingGrades.firstIndex(where: { $0.key == rule.atLeast || $0.label == rule.atLeast })
            else { return [] }
            let keys = Set(scheme.countingGrades.prefix(threshold + 1).map(\.key))
            return nodes.filter(shown).compactMap { node in
                let here = under(node)
                guard !here.isEmpty else { return nil }
                let share = Rational(here.filter { keys.contains(scheme.countingKey(of: $0)) }.count * 100, here.count)
                return figure(node, scheme.countingGrades[threshold].key, share.roundedHalfUp(digits: digits(node)), digits(node))
            }
        }
    }

    /// The mean cascade of `Averaging` over the evaluations' points (or achievement rates): each
    /// evaluation is one value of its measure.
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
        var result: [(NodeID?, Rational)] = []
        for node in plan.nodesInOrder {
            if let value = progress.percentages[node.id] {
                result.append((node.id, value))
            } else if node.children.isEmpty, let score = progress.leafScores[node.id] {
                result.append((node.id, (score * Rational(rule.scale)).roundedHalfUp(digits: rule.digits(atLevel: node.id.path.count - 1))))
            }
        }
        if let overall = progress.overall { result.append((nil, overall)) }
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
}
