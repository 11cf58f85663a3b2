import PledgeCore
import TableIO

/// Everything a merge produces, before it is written: the workbook and the open data are two
/// renderings of this one model, so they cannot disagree.
public struct ReportModel: Sendable {
    public var plan: Plan
    public var layout: ReportLayout
    public var year: FiscalYear
    /// This year's activities in report order.
    public var activities: [LocatedActivity] { didSet { positionsUnder = Self.positions(of: activities) } }
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
    /// For every node, the positions in `activities` of the activities under it: built once, so
    /// that listing each measure's activities costs their number, not all activities each time.
    private var positionsUnder: [NodeID: [Int]]

    public init(plan: Plan, layout: ReportLayout, year: FiscalYear, activities: [LocatedActivity], progress: Progress,
                previous: YearFigures?, diagnostics: [Diagnostic], history: [YearFigures] = []) {
        self.plan = plan
        self.layout = layout
        self.year = year
        self.activities = activities
        self.progress = progress
        self.previous = previous
        self.diagnostics = diagnostics
        self.history = history
        self.positionsUnder = Self.positions(of: activities)
    }

    /// This year's activities under `id` (the node itself or its descendants), in report order.
    public func activities(under id: NodeID) -> [Activity] {
        (positionsUnder[id] ?? []).map { activities[$0].activity }
    }

    /// Where in `activities` the activities under `id` are, in report order: for a caller that
    /// needs one field of each, without copying them.
    public func positions(under id: NodeID) -> [Int] {
        positionsUnder[id] ?? []
    }

    private static func positions(of activities: [LocatedActivity]) -> [NodeID: [Int]] {
        var positions: [NodeID: [Int]] = [:]
        // By runs of one measure (report order keeps a measure's activities together): a lookup
        // per run and level, not per activity and level.
        var start = activities.startIndex
        while start < activities.endIndex {
            let measure = activities[start].activity.measure
            var end = start + 1
            while end < activities.endIndex && activities[end].activity.measure == measure { end += 1 }
            for length in stride(from: 1, through: measure.path.count, by: 1) {
                positions[NodeID(Array(measure.path.prefix(length))), default: []].append(contentsOf: start..<end)
            }
            start = end
        }
        return positions
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
