import Testing
@testable import PledgeCore

/// The figures of a layout's own scheme, on small plans built here.
@Suite struct SchemeFiguresTests {
    func plan(_ fields: [[[Evaluation]]]) -> (Plan, [Activity]) { SchemeTestPlan.make(fields) }

    static let panel = EvaluationScheme(kind: .range, minimum: 0, maximum: 5,
                                        evaluators: (1...5).map { Evaluator(key: "m\($0)", heading: "委員\($0)") }, combine: .mean)

    func scores(_ points: [Int]) -> [Evaluation] {
        points.enumerated().map { Evaluation(evaluator: "m\($0 + 1)", label: String($1), points: $1) }
    }

    /// Yokosuka's verification: a panel of five scores each item 0–5; a field's score is the mean
    /// converted to 100 points with one decimal: fields 72.9, 71.3, 81.8 (published). The items and
    /// their scores are written to fit: 9 items totalling 164 points (4·164/9 = 72.89), 6 totalling
    /// 107 (71.33), 11 totalling 225 (81.82).
    @Test func aPanelOfFiveAveragedTo100PointsGivesYokosukasFields() {
        let (plan, activities) = plan([
            Array(repeating: scores([4, 4, 4, 3, 3]), count: 8) + [scores([4, 4, 4, 4, 4])],
            Array(repeating: scores([4, 4, 4, 3, 3]), count: 5) + [scores([4, 4, 3, 3, 3])],
            Array(repeating: scores([5, 4, 4, 4, 4]), count: 5) + Array(repeating: scores([4, 4, 4, 4, 4]), count: 6),
        ])
        let rule = FigureRule(kind: .mean, levels: ["policy", "overall"], scale: 20, levelDigits: [1], overallDigits: 1)
        let figures = SchemeFigures.compute(plan: plan, activities: activities, scheme: Self.panel, rules: [rule])
        #expect(figures.map { $0.value.formatted(digits: $0.digits) } == ["72.9", "71.3", "81.8", "75.3"])
        #expect(figures.allSatisfy { $0.evaluator == "" && $0.kind == .mean })
    }

    @Test func shareAtOrAboveAGradeIsOverTheItemsUnderTheLevel() {
        let scheme = EvaluationScheme(kind: .grades, grades: [
            Grade(label: "達成", key: "achieved"), Grade(label: "順調", key: "on_track"), Grade(label: "遅れ", key: "delayed"),
        ])
        func graded(_ index: Int) -> [Evaluation] {
            [Evaluation(evaluator: "rating", label: scheme.grades[index].label, grade: index)]
        }
        // Field 1: 2 of 3 at or above 順調; field 2: 0 of 1. Overall 2 of 4 = 50.0, not the mean of 66.7 and 0.
        let (plan, activities) = plan([[graded(0), graded(1), graded(2)], [graded(2)]])
        let rule = FigureRule(kind: .share, atLeast: "on_track", levels: ["policy", "overall"], levelDigits: [1], overallDigits: 1)
        let figures = SchemeFigures.compute(plan: plan, activities: activities, scheme: scheme, rules: [rule])
        #expect(figures.map { $0.value.formatted(digits: 1) } == ["66.7", "0.0", "50.0"])
        let counts = SchemeFigures.compute(plan: plan, activities: activities, scheme: scheme,
                                           rules: [FigureRule(kind: .count, levels: ["overall"])])
        #expect(counts.map { "\($0.grade)=\($0.value)" } == ["achieved=1", "on_track=1", "delayed=2"])
    }

    @Test func aValueOutsideTheSchemeIsNotRead() {
        let fiveLevels = EvaluationScheme(kind: .range, minimum: 1, maximum: 5)
        #expect(fiveLevels.read("６") == nil)
        #expect(fiveLevels.read("０") == nil)
        #expect(fiveLevels.read("５")?.points == 5)
        #expect(fiveLevels.allowedValues == "1〜5の整数")
        let symbols = EvaluationScheme(kind: .grades, grades: [Grade(label: "○", key: "achieved", symbols: ["〇"]),
                                                               Grade(label: "−", key: "not_achieved", symbols: ["ー"])])
        #expect(symbols.read("〇")?.label == "○")
        #expect(symbols.read("ー")?.grade == 1)
        #expect(symbols.read("F") == nil)
        #expect(EvaluationScheme.tenLevels.read("★★★★★ ★★☆☆☆")?.points == 7)
    }
}
