import Testing
@testable import PledgeCore

/// The cascade of PRODUCT.md §2 on a plan shaped like the Tomakomai report.
@Suite struct AveragingTests {
    /// One policy with pledges whose measures carry the given ratings.
    func plan(_ pledges: [[[Int]]]) -> (Plan, [Activity]) {
        var activities: [Activity] = []
        let children = pledges.enumerated().map { pledgeIndex, measures in
            PlanNode(id: NodeID([1, pledgeIndex + 1]), number: "\(pledgeIndex + 1)", title: "公約\(pledgeIndex + 1)",
                     children: measures.enumerated().map { measureIndex, ratings in
                let id = NodeID([1, pledgeIndex + 1, measureIndex + 1])
                activities += ratings.map { Activity(measure: id, department: "課", text: "取組", rating: $0) }
                return PlanNode(id: id, number: "\(measureIndex + 1)", title: "施策")
            })
        }
        return (Plan(policies: [PlanNode(id: NodeID([1]), number: "Ⅰ", title: "政策", children: children)],
                     romanPolicyNumbers: true), activities)
    }

    @Test func pledgeIsTheMeanOfExactMeasureScoresTimesTen() {
        // Measures 10 and 9 → 95 (pledge I-1 of the report).
        let (plan, activities) = plan([[[10, 10, 10], [9]]])
        let progress = Averaging.compute(plan: plan, activities: activities)
        #expect(progress.percentages[NodeID([1, 1])] == Rational(95))
        #expect(progress.leafScores[NodeID([1, 1, 2])] == Rational(9))
        #expect(progress.stars(NodeID([1, 1, 2])) == 9)
    }

    @Test func pledgeRoundsHalfUpFromExactScores() {
        // Scores 6 and 23/4 = 5.75: (6 + 5.75) / 2 × 10 = 58.75 → 59 (pledge I-2 of the report).
        let (plan, activities) = plan([[[6], [5, 6, 6, 6]]])
        #expect(Averaging.compute(plan: plan, activities: activities).percentages[NodeID([1, 1])] == Rational(59))
    }

    @Test func policyAveragesTheRoundedPledges() {
        // Pledges 67, 100, 100, 84, 92 (policy III): 88.6 → 89, although the report's detail page prints 88.
        let ratings: [[[Int]]] = [[[7], [6, 6, 7]], [[10], [10]], [[10], [10]], [[9], [8, 8, 8, 8, 7]], [[10], [8, 8, 8, 9, 9]]]
        let (plan, activities) = plan(ratings)
        let progress = Averaging.compute(plan: plan, activities: activities)
        let pledges = (1...5).map { Int(progress.percentages[NodeID([1, $0])]!.numerator) }
        #expect(pledges == [67, 100, 100, 84, 92])
        #expect(progress.percentages[NodeID([1])] == Rational(89))
        #expect(progress.overall == Rational(89))
    }

    @Test func overallKeepsOneDecimal() {
        // Policies 73, 69, 89, 75, 68 → 74.8; the rule averages the policies' rounded figures.
        let policies = [73, 69, 89, 75, 68].enumerated().map { index, pct in
            PlanNode(id: NodeID([index + 1]), number: "\(index + 1)", title: "政策")
        }
        let plan = Plan(policies: policies, romanPolicyNumbers: true)
        // On a one-level plan leaves are policies: ratings pct/10 give the same figures.
        let activities = zip(policies, [73, 69, 89, 75, 68]).flatMap { node, pct in
            // 10 ratings whose mean is pct/10.
            (0..<10).map { index in Activity(measure: node.id, department: "課", text: "取組", rating: pct / 10 + (index < pct % 10 ? 1 : 0)) }
        }
        let progress = Averaging.compute(plan: plan, activities: activities)
        #expect(progress.overall == Rational(748, 10))
        #expect(progress.overall?.formatted(digits: 1) == "74.8")
    }

    @Test func exactChildrenWhenTheLayoutSaysSo() {
        // Pledge 1: (7 + 8) / 2 × 10 = 75; pledge 2: (7 + 7.5) / 2 × 10 = 72.5, published as 73.
        let (plan, activities) = plan([[[7], [8]], [[7], [7, 8]]])
        var rules = AveragingRules(levelDigits: [1, 0])
        #expect(Averaging.compute(plan: plan, activities: activities, rules: rules).percentages[NodeID([1])] == Rational(74))
        rules.averageRoundedChildren = false   // (75 + 72.5) / 2 = 73.75 → 73.8
        #expect(Averaging.compute(plan: plan, activities: activities, rules: rules).percentages[NodeID([1])] == Rational(738, 10))
    }

    @Test func unreportedMeasuresAreLeftOutNotZero() {
        let (plan, activities) = plan([[[8], []]])
        let progress = Averaging.compute(plan: plan, activities: activities)
        #expect(progress.leafScores[NodeID([1, 1, 2])] == nil)
        #expect(progress.percentages[NodeID([1, 1])] == Rational(80))
    }

    @Test func starsGlyphs() {
        #expect(Stars.glyphs(7) == "★★★★★ ★★☆☆☆")
        #expect(Stars.glyphs(10) == "★★★★★ ★★★★★")
        #expect(Stars.glyphs(0) == "☆☆☆☆☆ ☆☆☆☆☆")
    }
}
