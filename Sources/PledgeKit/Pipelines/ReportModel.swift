import PledgeCore
import TableIO

/// Everything a merge produces, before it is written: the workbook and the open data are two
/// renderings of this one model, so they cannot disagree.
public struct ReportModel: Sendable {
    public var plan: Plan
    public var layout: ReportLayout
    public var year: FiscalYear
    /// This year's activities in report order.
    public var activities: [LocatedActivity]
    public var progress: Progress
    public var previous: YearFigures?
    public var diagnostics: [Diagnostic]
    /// The term's earlier years besides `previous` (from `--history`), any order.
    public var history: [YearFigures] = []
    /// This year's figures under the layout's own scheme (empty on the built-in schemes).
    public var figures: [Figure] = []
    /// The earlier years' figures under the layout's own scheme (`--history`), oldest first.
    public var figureHistory: [FigureHistoryLoader.Year] = []

    /// The earlier years the figures are shown for, oldest first, within `history.yearsShown`.
    public var figureYearsShown: [FigureHistoryLoader.Year] {
        Array(figureHistory.filter { $0.year < year }.suffix(max(0, layout.history.yearsShown - 1)))
    }

    /// The nodes the summary table lists: every level above the leaves, or the areas of a one-level plan.
    public var summaryNodes: [PlanNode] {
        plan.depth == 1 ? plan.policies : plan.nodesInOrder.filter { !$0.children.isEmpty }
    }

    /// This year's figures in the same shape as the previous year's.
    public var current: YearFigures {
        YearFigures(year: year, percentages: progress.percentages, overall: progress.overall)
    }

    /// The years the summary shows, oldest first.
    public var yearsShown: [YearFigures] {
        guard layout.showPreviousYear else { return [current] }
        var byYear: [FiscalYear: YearFigures] = [:]
        for figures in history + [previous].compactMap({ $0 }) where figures.year < year { byYear[figures.year] = figures }
        return byYear.keys.sorted().suffix(max(0, layout.history.yearsShown - 1)).compactMap { byYear[$0] } + [current]
    }

    /// Decimals a node's percentage is printed with.
    public func digits(of id: NodeID) -> Int {
        let level = id.path.count - 1
        return level < layout.averaging.levelDigits.count ? layout.averaging.levelDigits[level] : 0
    }
}
