import PledgeCore

/// The open data of a layout's own scheme, in long format: a figure's kind, evaluator and grade are
/// column values, so a city with five grades and one with four share the same columns.
///
/// - `figures.csv`: one row per figure a level shows (mean, count per grade, share at or above a
///   grade, items), in report order, the overall figures last;
/// - `evaluations.csv`: one row per activity and evaluator, with the value as written and its points.
enum SchemeTables {
    static func all(_ model: ReportModel) -> [OpenDataTable] {
        guard model.layout.hasOwnScheme else { return [] }
        return [figures(model), evaluations(model)]
    }

    /// The earlier years shown (from `--history`) first, as summary.csv has every year shown.
    static func figures(_ model: ReportModel) -> OpenDataTable {
        let plan = model.plan
        let rank = Dictionary(uniqueKeysWithValues: plan.nodesInOrder.enumerated().map { ($1.id, $0) })
        let years = model.figureYearsShown + [FigureHistoryLoader.Year(year: model.year, figures: model.figures)]
        let rows = years.flatMap { shown -> [[String]] in
            let year = shown.year
            let ordered = shown.figures.enumerated().sorted { lhs, rhs in
                let left = lhs.element.node.flatMap { rank[$0] } ?? Int.max
                let right = rhs.element.node.flatMap { rank[$0] } ?? Int.max
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
            return ordered.map { figure -> [String] in
                let node = figure.node.flatMap { plan.node($0) }
                return [String(year.year), year.label, figure.node.map { plan.levelName(of: $0) } ?? "overall",
                        figure.node.map { plan.format($0) } ?? "all", Normalize.singleLine(node?.title ?? "全体"),
                        figure.kind.rawValue, figure.evaluator, figure.grade, figure.value.formatted(digits: figure.digits)]
            }
        }
        return OpenDataTable(name: "figures", header: ["fiscal_year", "fiscal_year_label", "level", "id", "title", "kind",
                                                       "evaluator", "grade", "value"], rows: rows)
    }

    /// A KPI adds the target, the actual value, the direction, the achievement rate, the baseline and
    /// the unit; a KPI not yet measured has its row (value 未測定, no actual, no rate).
    static func evaluations(_ model: ReportModel) -> OpenDataTable {
        let year = model.year
        let kpi = model.layout.scheme.kpiEvaluator != nil
        let rows = model.activities.flatMap { located -> [[String]] in
            let activity = located.activity
            return activity.evaluations.map { evaluation in
                [String(year.year), year.label, model.plan.format(activity.measure), activity.department,
                 Normalize.singleLine(activity.text), evaluation.evaluator, evaluation.label,
                 evaluation.points.map(String.init) ?? ""]
                    + (kpi ? [evaluation.target?.plainDecimal ?? "", evaluation.actual?.plainDecimal ?? "",
                              evaluation.target == nil ? "" : evaluation.lowerIsBetter ? "lower" : "higher",
                              evaluation.achievement?.formatted(digits: 2) ?? "", evaluation.baseline?.plainDecimal ?? "",
                              Normalize.singleLine(evaluation.unit)] : [])
                    + [located.location.file, located.location.sheet ?? "", located.location.cell]
            }
        }
        let header = ["fiscal_year", "fiscal_year_label", "measure_id", "department", "activity", "evaluator", "value", "points"]
            + (kpi ? ["target", "actual", "direction", "achievement_pct", "baseline", "unit"] : []) + ["source_file", "source_sheet", "source_cell"]
        return OpenDataTable(name: "evaluations", header: header, rows: rows)
    }
}
