import PledgeCore

extension ReportModel {
    /// A figure's heading in the workbook and on the terminal: the rule's `heading`, or one made
    /// from its kind, with `{evaluator}` and `{grade}` filled in (`自己評価の平均`, `達成と順調 (%)`).
    public func figureHeading(rule index: Int, evaluator key: String, grade gradeKey: String) -> String {
        let rule = layout.figures[index]
        let scheme = layout.scheme
        let evaluator = scheme.evaluators.first { $0.key == key }?.heading ?? ""
        let grade = scheme.countingGrades.first { $0.key == gradeKey }?.label ?? gradeKey
        let standard: String
        switch rule.kind {
        case .mean: standard = evaluator.isEmpty ? "平均" : "{evaluator} 平均"
        case .count: standard = evaluator.isEmpty ? "{grade}" : "{evaluator} {grade}"
        case .share: standard = "{grade}以上 (%)"
        case .items: standard = "件数"
        case .achievement: standard = "達成率 (%)"
        }
        return (rule.heading.isEmpty ? standard : rule.heading)
            .replacingOccurrences(of: "{evaluator}", with: evaluator).replacingOccurrences(of: "{grade}", with: grade)
    }

    /// The overall means, shares and achievement rates, one line each (`令和5年度 全体 達成と順調 (%): 90.4`): the report's headline.
    /// Earlier years shown (`--history`) first.
    public var figureHeadlines: [String] {
        (figureYearsShown + [FigureHistoryLoader.Year(year: year, figures: figures)]).flatMap { shown in
            shown.figures.filter { $0.node == nil && $0.kind.isRate }.map { figure in
                "\(shown.year.label) 全体 \(figureHeading(rule: figure.rule, evaluator: figure.evaluator, grade: figure.grade)): "
                    + figure.value.formatted(digits: figure.digits)
            }
        }
    }
}

extension FigureRule.Kind {
    /// A mean, a share or an achievement rate: the figures worth following from year to year
    /// (the headline, and the earlier years' columns of the summary); counts are not.
    var isRate: Bool { self == .mean || self == .share || self == .achievement }
}
