import Testing
@testable import PledgeCore

/// Grades outside the count, shares of one grade or a set, shares over items, the mean over items,
/// and evaluators with their own kind, each worked by hand from the rule as a city's report states it.
@Suite struct SchemeCountingTests {
    func plan(_ fields: [[[Evaluation]]]) -> (Plan, [Activity]) { SchemeTestPlan.make(fields) }

    /// ○ 実施済、△ 一部実施、× 未実施、− 評価対象外 (not counted).
    static let symbols = EvaluationScheme(kind: .grades, grades: [
        Grade(label: "○", key: "done"), Grade(label: "△", key: "partly"), Grade(label: "×", key: "not_yet"),
        Grade(label: "−", key: "not_applicable", counted: false),
    ])

    func graded(_ label: String) -> [Evaluation] {
        [Self.symbols.read(label)!].map { var evaluation = $0; evaluation.evaluator = "rating"; return evaluation }
    }

    func values(_ figures: [Figure]) -> [String] { figures.map { $0.value.formatted(digits: $0.digits) } }

    @Test func aGradeOutsideTheCountIsOutOfTheItemsAndEveryShareButCountedAsItself() {
        // Field 1: ○ △ − −; field 2: △ ×. 評価対象数 = 2 and 2, overall 4 (not 6).
        let (plan, activities) = plan([["○", "△", "−", "−"].map(graded), ["△", "×"].map(graded)])
        func compute(_ rule: FigureRule) -> [Figure] {
            SchemeFigures.compute(plan: plan, activities: activities, scheme: Self.symbols, rules: [rule])
        }
        #expect(values(compute(FigureRule(kind: .items))) == ["2", "2", "4"])
        // △ の割合: 1/2 = 50.0, 1/2 = 50.0, overall 2/4 = 50.0 (with − in the denominator it would be 2/6 = 33.3).
        let partly = compute(FigureRule(kind: .shareOf, grades: ["△"], levelDigits: [1], overallDigits: 1))
        #expect(values(partly) == ["50.0", "50.0", "50.0"])
        #expect(partly.allSatisfy { $0.grade == "partly" && $0.kind == .shareOf })
        // ○ と △ の割合: 2/2 = 100.0, 1/2 = 50.0, overall 3/4 = 75.0 (not 3/6 = 50.0); at or above △ is the same set.
        let set = compute(FigureRule(kind: .shareOf, grades: ["done", "△"], levelDigits: [1], overallDigits: 1))
        #expect(values(set) == ["100.0", "50.0", "75.0"])
        #expect(set.first?.grade == "done+partly")
        #expect(values(compute(FigureRule(kind: .share, atLeast: "△", levelDigits: [1], overallDigits: 1))) == ["100.0", "50.0", "75.0"])
        // The count per grade still shows the two −.
        let counts = compute(FigureRule(kind: .count, levels: ["overall"]))
        #expect(counts.map { "\($0.grade)=\($0.value)" } == ["done=1", "partly=2", "not_yet=1", "not_applicable=2"])
    }

    @Test func aPanelsShareIsOverTheItemsByTheirMeanNotOverTheScores() {
        // Three members, 1–5, combined by mean. Items: (5,4,3) mean 4 ≥ 4; (4,4,3) mean 11/3 < 4; (5,5,1) mean 11/3 < 4.
        // Share of items whose mean ≥ 4: 1/3 = 33.3 %. Over the 9 scores, 6 are ≥ 4: 66.7 % — the old, wrong figure.
        let panel = EvaluationScheme(kind: .range, minimum: 1, maximum: 5,
                                     evaluators: (1...3).map { Evaluator(key: "m\($0)", heading: "委員\($0)") }, combine: .mean)
        func scores(_ points: [Int]) -> [Evaluation] {
            points.enumerated().map { Evaluation(evaluator: "m\($0 + 1)", label: String($1), points: $1) }
        }
        let (plan, activities) = plan([[scores([5, 4, 3]), scores([4, 4, 3]), scores([5, 5, 1])]])
        let rule = FigureRule(kind: .share, atLeast: "4", levels: ["overall"], overallDigits: 1)
        let figures = SchemeFigures.compute(plan: plan, activities: activities, scheme: panel, rules: [rule])
        #expect(values(figures) == ["33.3"])
        let items = SchemeFigures.compute(plan: plan, activities: activities, scheme: panel, rules: [FigureRule(kind: .items, levels: ["overall"])])
        #expect(values(items) == ["3"])
    }

    @Test func theOverallMeanIsOverTheItemsOrOverTheFieldsAsTheRuleSays() {
        // 1–5 points. Field 1: 5, 4, 4 → 13/3 = 4.33 → 4.3; field 2: 2 → 2.0.
        // Mean of the fields' figures: (4.3 + 2.0) ÷ 2 = 3.15 → 3.2. Mean over the 4 measures: 15 ÷ 4 = 3.75 → 3.8.
        let scheme = EvaluationScheme(kind: .range, minimum: 1, maximum: 5)
        func scored(_ points: Int) -> [Evaluation] { [Evaluation(evaluator: "rating", label: String(points), points: points)] }
        let (plan, activities) = plan([[scored(5), scored(4), scored(4)], [scored(2)]])
        let children = FigureRule(kind: .mean, levelDigits: [1], overallDigits: 1)
        var items = children
        items.meanOf = .items
        #expect(values(SchemeFigures.compute(plan: plan, activities: activities, scheme: scheme, rules: [children])) == ["4.3", "2.0", "3.2"])
        #expect(values(SchemeFigures.compute(plan: plan, activities: activities, scheme: scheme, rules: [items])) == ["4.3", "2.0", "3.8"])
    }

    /// A committee scores 1–5; the department grades itself A–D (− outside the count).
    static let twoSchemes = EvaluationScheme(kind: .range, minimum: 1, maximum: 5, evaluators: [
        Evaluator(key: "committee", heading: "委員会評価"),
        Evaluator(key: "self", heading: "自己評価", kind: .grades, grades: [
            Grade(label: "A", key: "a", points: 4), Grade(label: "B", key: "b", points: 3), Grade(label: "C", key: "c", points: 2),
            Grade(label: "D", key: "d", points: 1), Grade(label: "−", key: "none", counted: false),
        ]),
    ])

    @Test func eachEvaluatorReadsAndCountsByItsOwnScale() {
        let committee = Self.twoSchemes.scale(for: "committee"), own = Self.twoSchemes.scale(for: "self")
        #expect(committee.read("4")?.points == 4 && committee.read("B") == nil && committee.read("6") == nil)
        #expect(own.read("B")?.grade == 1 && own.read("E") == nil && own.read("4") == nil)
        #expect(own.allowedValues == "「A」「B」「C」「D」「−」のいずれか")
        func row(_ score: Int, _ grade: String) -> [Evaluation] {
            var mine = own.read(grade)!
            mine.evaluator = "self"
            return [Evaluation(evaluator: "committee", label: String(score), points: score), mine]
        }
        // Committee 4, 5, 3 → mean 4.0; self A, B, − → items 2, mean (4 + 3) ÷ 2 = 3.5 (− left out).
        let (plan, activities) = plan([[row(4, "A"), row(5, "B"), row(3, "−")]])
        let rules = [FigureRule(kind: .mean, levels: ["overall"], overallDigits: 1), FigureRule(kind: .items, levels: ["overall"])]
        let figures = SchemeFigures.compute(plan: plan, activities: activities, scheme: Self.twoSchemes, rules: rules)
        #expect(figures.map { "\($0.kind) \($0.evaluator) \($0.value.formatted(digits: $0.digits))" }
                == ["mean committee 4.0", "mean self 3.5", "items committee 3", "items self 2"])
    }
}
