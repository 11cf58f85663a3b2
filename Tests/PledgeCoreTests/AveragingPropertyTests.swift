import BigInt
import Testing
@testable import PledgeCore
import TestSupport

/// Averaging against a slow reference: fractions kept as (numerator, denominator) pairs of big
/// integers, never reduced, compared by cross-multiplication, rounded by integer division. It
/// shares nothing with `Rational` but BigInt, so a normalisation or overflow mistake in either
/// shows as a difference.
struct ReferenceFraction {
    var numerator: BigInt
    var denominator: BigInt

    static func mean(_ values: [ReferenceFraction]) -> ReferenceFraction? {
        guard !values.isEmpty else { return nil }
        var sum = ReferenceFraction(numerator: 0, denominator: 1)
        for value in values {
            sum = ReferenceFraction(numerator: sum.numerator * value.denominator + value.numerator * sum.denominator,
                                    denominator: sum.denominator * value.denominator)
        }
        return ReferenceFraction(numerator: sum.numerator, denominator: sum.denominator * BigInt(values.count))
    }

    /// Half up to `digits` decimals, for the non-negative values averaging produces.
    func rounded(_ digits: Int) -> ReferenceFraction {
        let scale = BigInt(10).power(digits)
        let units = (numerator * scale * 2 + denominator) / (denominator * 2)
        return ReferenceFraction(numerator: units, denominator: scale)
    }

    func equals(_ value: Rational) -> Bool { numerator * value.denominator == value.numerator * denominator }
}

enum ReferenceAveraging {
    /// The cascade of PRODUCT.md §2, written out level by level.
    static func compute(plan: Plan, activities: [Activity], rules: AveragingRules)
        -> (leaves: [NodeID: ReferenceFraction], percentages: [NodeID: ReferenceFraction], overall: ReferenceFraction?) {
        var leaves: [NodeID: ReferenceFraction] = [:]
        for leaf in plan.leaves {
            let ratings = activities.filter { $0.measure == leaf.id }.compactMap(\.rating)
            if !ratings.isEmpty { leaves[leaf.id] = ReferenceFraction(numerator: BigInt(ratings.reduce(0, +)), denominator: BigInt(ratings.count)) }
        }
        var rounded: [NodeID: ReferenceFraction] = [:]
        var exact: [NodeID: ReferenceFraction] = [:]
        func visit(_ node: PlanNode, level: Int) {
            let value: ReferenceFraction?
            if node.children.isEmpty {
                value = leaves[node.id].map { ReferenceFraction(numerator: $0.numerator * BigInt(rules.leafScale), denominator: $0.denominator) }
            } else {
                node.children.forEach { visit($0, level: level + 1) }
                value = ReferenceFraction.mean(node.children.compactMap { child in
                    child.children.isEmpty || !rules.averageRoundedChildren ? exact[child.id] : rounded[child.id]
                })
            }
            guard let value else { return }
            exact[node.id] = value
            rounded[node.id] = value.rounded(rules.digits(atLevel: level))
        }
        plan.policies.forEach { visit($0, level: 0) }
        let overall = ReferenceFraction.mean(plan.policies.compactMap { rules.averageRoundedChildren ? rounded[$0.id] : exact[$0.id] })
        if plan.depth > 1 { for leaf in plan.leaves { rounded[leaf.id] = nil } }
        return (leaves, rounded, overall?.rounded(rules.overallDigits))
    }
}

@Suite struct AveragingPropertyTests {
    static func check(_ plan: Plan, _ activities: [Activity], _ rules: AveragingRules) {
        let progress = Averaging.compute(plan: plan, activities: activities, rules: rules)
        let reference = ReferenceAveraging.compute(plan: plan, activities: activities, rules: rules)
        #expect(progress.leafScores.keys.sorted() == reference.leaves.keys.sorted())
        for (id, value) in reference.leaves { #expect(value.equals(progress.leafScores[id]!), "\(id)") }
        #expect(progress.percentages.keys.sorted() == reference.percentages.keys.sorted())
        for (id, value) in reference.percentages { #expect(value.equals(progress.percentages[id]!), "\(id)") }
        #expect((progress.overall == nil) == (reference.overall == nil))
        if let overall = reference.overall, let computed = progress.overall { #expect(overall.equals(computed)) }
    }

    /// A plan of the given shape whose leaf `index` (in plan order) has `counts(index)` activities.
    static func plan(policies: Int, pledges: Int, measures: Int, counts: (Int) -> Int, rating: (Int, Int) -> Int)
        -> (Plan, [Activity]) {
        var activities: [Activity] = []
        var leafIndex = 0
        func leaf(_ path: [Int]) -> PlanNode {
            let id = NodeID(path)
            activities += (0..<counts(leafIndex)).map { Activity(measure: id, department: "課", text: "取組\($0)", rating: rating(leafIndex, $0)) }
            leafIndex += 1
            return PlanNode(id: id, number: "\(path.last!)", title: "施策")
        }
        let nodes = (1...policies).map { p -> PlanNode in
            guard pledges > 0 else { return leaf([p]) }
            return PlanNode(id: NodeID([p]), number: "\(p)", title: "政策", children: (1...pledges).map { g -> PlanNode in
                guard measures > 0 else { return leaf([p, g]) }
                return PlanNode(id: NodeID([p, g]), number: "\(g)", title: "公約", children: (1...measures).map { leaf([p, g, $0]) })
            })
        }
        return (Plan(policies: nodes, romanPolicyNumbers: true), activities)
    }

    /// The case of issue 10: exact children over measures whose activity counts differ. The
    /// denominators multiply up to lcm(1…200), far past Int; the figures must still be exact.
    @Test func twoHundredMeasuresWithCounts1To200AveragedExactly() {
        let (plan, activities) = Self.plan(policies: 5, pledges: 10, measures: 4, counts: { $0 + 1 },
                                           rating: { leaf, k in (leaf * 7 + k * 3) % 11 })
        var rules = AveragingRules(levelDigits: [0, 0], overallDigits: 1, averageRoundedChildren: false)
        Self.check(plan, activities, rules)
        let progress = Averaging.compute(plan: plan, activities: activities, rules: rules)
        // Measure 1 has one rating, measure 200 has 200: their scores are 0/1 and a fraction over 200.
        #expect(progress.leafScores[NodeID([1, 1, 1])] == Rational(0))
        #expect(progress.leafScores[NodeID([5, 10, 4])]!.denominator <= 200)
        #expect(progress.overall != nil)
        // The Tomakomai rule (rounded children) on the same plan agrees with the reference too.
        rules.averageRoundedChildren = true
        Self.check(plan, activities, rules)
    }

    @Test func randomPlansActivityCountsAndRulesAgreeWithTheReference() {
        var random = SplitMix64(seed: 20201231)
        for _ in 0..<150 {
            let depth = Int.random(in: 1...3, using: &random)
            let shape = (policies: Int.random(in: 1...6, using: &random),
                         pledges: depth >= 2 ? Int.random(in: 1...8, using: &random) : 0,
                         measures: depth >= 3 ? Int.random(in: 1...6, using: &random) : 0)
            var counts: [Int] = []
            for _ in 0..<(shape.policies * max(shape.pledges, 1) * max(shape.measures, 1)) {
                // Some leaves unreported, some with many activities: the counts set the denominators.
                counts.append(Bool.random(using: &random) ? Int.random(in: 0...3, using: &random) : Int.random(in: 0...250, using: &random))
            }
            let ratings: [Int] = (0..<4_096).map { _ in Int.random(in: 0...10, using: &random) }
            let (plan, activities) = Self.plan(policies: shape.policies, pledges: shape.pledges, measures: shape.measures,
                                               counts: { $0 < counts.count ? counts[$0] : 0 },
                                               rating: { leaf, k in ratings[(leaf * 31 + k) % ratings.count] })
            let rules = AveragingRules(leafScale: [1, 10, 100].randomElement(using: &random)!,
                                       levelDigits: [Int.random(in: 0...3, using: &random), Int.random(in: 0...3, using: &random)],
                                       overallDigits: Int.random(in: 0...3, using: &random),
                                       averageRoundedChildren: Bool.random(using: &random))
            Self.check(plan, activities, rules)
        }
    }
}
