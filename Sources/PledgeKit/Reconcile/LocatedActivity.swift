import PledgeCore
import TableIO

/// An activity with the row it was read from, for messages and the reconciliation list.
public struct LocatedActivity: Sendable, Equatable {
    public var activity: Activity
    public var location: SourceLocation
}

/// What reconciliation settles on for one fiscal year.
public struct Reconciliation: Sendable {
    public var activities: [LocatedActivity]
    /// The files whose rows were counted, and those replaced by a later submission.
    public var countedFiles: [String]
    public var supersededFiles: [String]
    /// Rows read below a header, counted as activities or deliberately skipped (blank template rows).
    public var rowsRead: Int
    public var rowsSkipped: Int

    /// Rows read that are neither counted nor skipped: each has an error of its own.
    public var rowsRejected: Int { rowsRead - activities.count - rowsSkipped }
}
