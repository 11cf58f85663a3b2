import PledgeCore

extension ReportModel {
    /// A figure's heading in the workbook and on the terminal: the rule's `heading`, or one made
    /// from its kind, with `{evaluator}`, `{grade}` and `{denominator}` filled in (ShareDenominator.swift).
    public func figureHeading(rule index: Int, evaluator key: String, grade gradeKey: String) -> String {
        figureLabel(rule: index, evaluator: key, grade: gradeKey)
    }

    /// The heading of a figure's column and chart: its label, and after a share whose own heading
    /// does not say what it is out of, the denominator (the terminal's headline keeps the heading as written).
    func columnHeading(rule index: Int, evaluator key: String, grade gradeKey: String) -> String {
        let label = figureLabel(rule: index, evaluator: key, grade: gradeKey)
        let rule = layout.figures[index]
        guard rule.isShare, !rule.heading.isEmpty, !rule.heading.contains("{denominator}") else { return label }
        return label + "（\(shareDenominator(evaluator: key))）"
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
    var isRate: Bool { self == .mean || self == .share || self == .shareOf || self == .achievement }
}
