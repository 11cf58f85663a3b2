/// How ratings become percentages (the Tomakomai rule by default):
/// leaf score = mean of its ratings (exact, 0–10); a node above = mean of its children × `leafScale`
/// for the level right above the leaves, or of its children's percentages above that; each level
/// rounded half up to its digits; the overall figure the mean of the policies.
public struct AveragingRules: Sendable, Equatable, Codable {
    /// Percent per rating point: 10 turns a 0–10 score into a percentage.
    public var leafScale: Int
    /// Decimals per level from the top (index 0 = policies); levels beyond the list use 0.
    public var levelDigits: [Int]
    public var overallDigits: Int
    /// Whether a level averages its children's rounded percentages (as published) or their exact ones.
    public var averageRoundedChildren: Bool

    public init(leafScale: Int = 10, levelDigits: [Int] = [0, 0], overallDigits: Int = 1, averageRoundedChildren: Bool = true) {
        self.leafScale = leafScale
        self.levelDigits = levelDigits
        self.overallDigits = overallDigits
        self.averageRoundedChildren = averageRoundedChildren
    }

    public static let tomakomai = AveragingRules()

    func digits(atLevel level: Int) -> Int { level < levelDigits.count ? levelDigits[level] : 0 }
}

/// The computed figures of one fiscal year.
public struct Progress: Sendable, Equatable {
    /// Exact mean rating of each leaf that has ratings.
    public var leafScores: [NodeID: Rational] = [:]
    /// Rounded percentage of each node above the leaves (and of leaves on a one-level plan).
    public var percentages: [NodeID: Rational] = [:]
    public var overall: Rational?

    public init() {}

    /// A leaf's star count: its score rounded half up.
    public func stars(_ id: NodeID) -> Int? {
        leafScores[id]?.roundedInteger
    }
}

public enum Averaging {
    /// Computes every figure. Leaves without ratings are left out of their parent's mean (and
    /// reported elsewhere as unreported); a node none of whose children has a figure has none.
    public static func compute(plan: Plan, activities: [Activity], rules: AveragingRules = .tomakomai) -> Progress {
        compute(plan: plan, ratings: activities.lazy.map { ($0.measure, $0.rating) }, rules: rules)
    }

    /// The same from each activity's measure and rating, so that a caller holding activities
    /// inside other values need not copy them out. Inlinable, so that the caller's sequence is
    /// iterated specialised: unspecialised, each element was copied through its value witness
    /// (0.03 s for 100,000 activities).
    @inlinable
    public static func compute(plan: Plan, ratings activityRatings: some Sequence<(NodeID, Int?)>,
                               rules: AveragingRules = .tomakomai) -> Progress {
        // Sum and count per leaf in machine integers: ratings are 0–10, so the sum cannot overflow
        // before the count does; one fraction per leaf instead of one per activity. A run of one
        // measure's activities is summed before its leaf is looked up.
        var ratings: [NodeID: (sum: Int, count: Int)] = [:]
        var run: (measure: NodeID, sum: Int, count: Int)?
        func endRun() {
            guard let run else { return }
            ratings[run.measure, default: (0, 0)].sum += run.sum
            ratings[run.measure, default: (0, 0)].count += run.count
        }
        for (measure, rating) in activityRatings {
            guard let rating else { continue }
            if run?.measure != measure {
                endRun()
                run = (measure, 0, 0)
            }
            run!.sum += rating
            run!.count += 1
        }
        endRun()
        var scores: [NodeID: Rational] = [:]
        for (leaf, total) in ratings where total.count > 0 { scores[leaf] = Rational(total.sum, total.count) }
        return compute(plan: plan, leafScores: scores, rules: rules)
    }

    /// The same cascade over exact values per leaf (a KPI's achievement rate is not a whole number).
    public static func compute(plan: Plan, leafValues: [NodeID: [Rational]], rules: AveragingRules) -> Progress {
        compute(plan: plan, leafScores: leafValues.compactMapValues { Rational.mean($0) }, rules: rules)
    }

    /// The cascade from each leaf's exact mean.
    @usableFromInline
    static func compute(plan: Plan, leafScores scores: [NodeID: Rational], rules: AveragingRules) -> Progress {
        var progress = Progress()
        for leaf in plan.leaves {
            if let mean = scores[leaf.id] { progress.leafScores[leaf.id] = mean }
        }
        // exact[id] is the unrounded percentage, kept for the layouts that average exact children.
        var exact: [NodeID: Rational] = [:]
        func percentage(of node: PlanNode, level: Int) -> Rational? {
            let value: Rational?
            if node.children.isEmpty {
                value = progress.leafScores[node.id].map { $0 * Rational(rules.leafScale) }
            } else {
                let childValues = node.children.compactMap { child -> Rational? in
                    let rounded = percentage(of: child, level: level + 1)
                    if child.children.isEmpty { return rounded.flatMap { _ in exact[child.id] } }
                    return rules.averageRoundedChildren ? rounded : exact[child.id]
                }
                value = Rational.mean(childValues)
            }
            guard let value else { return nil }
            exact[node.id] = value
            let rounded = value.roundedHalfUp(digits: rules.digits(atLevel: level))
            progress.percentages[node.id] = rounded
            return rounded
        }
        let policyValues = plan.policies.compactMap { policy -> Rational? in
            let rounded = percentage(of: policy, level: 0)
            return rules.averageRoundedChildren ? rounded : exact[policy.id]
        }
        progress.overall = Rational.mean(policyValues)?.roundedHalfUp(digits: rules.overallDigits)
        // Leaves carry a score, not a percentage, unless the plan has no other level.
        if plan.depth > 1 { for leaf in plan.leaves { progress.percentages[leaf.id] = nil } }
        return progress
    }
}

public enum Stars {
    /// `★★★★★ ★★☆☆☆`: ten glyphs, a space after the fifth, as the report prints a 7.
    public static func glyphs(_ count: Int) -> String {
        let filled = max(0, min(10, count))
        let all = String(repeating: "★", count: filled) + String(repeating: "☆", count: 10 - filled)
        return String(all.prefix(5)) + " " + String(all.dropFirst(5))
    }
}
