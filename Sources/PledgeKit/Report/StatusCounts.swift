import PledgeCore

/// An area's (or any node's) activities counted by status, in the layout's status order: the
/// open data (`summary.csv`) and the workbook both count with this, so they cannot disagree.
public struct StatusCounts: Sendable, Equatable {
    public var total: Int
    /// One count per `layout.statuses`, in that order.
    public var byStatus: [Int]
    /// Activities that carry no status (the status column is optional).
    public var withoutStatus: Int
}

extension ReportModel {
    public func statusCounts(under id: NodeID) -> StatusCounts {
        let under = activities(under: id)
        return StatusCounts(total: under.count,
                            byStatus: layout.statuses.map { status in under.filter { $0.status == status.label }.count },
                            withoutStatus: under.filter { $0.status == nil }.count)
    }
}
