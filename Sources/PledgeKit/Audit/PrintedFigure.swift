import PledgeCore
import TableIO

/// One figure as a published report prints it: what it is, for which year, and where.
public struct PrintedFigure: Sendable, Equatable {
    public enum Subject: Sendable, Hashable {
        /// A policy's or pledge's percentage (or an area's on a one-level plan).
        case node(NodeID)
        /// A measure's star count (its score rounded), as the detail table prints it.
        case stars(NodeID)
        case overall
    }

    public var subject: Subject
    public var year: FiscalYear
    public var value: Rational
    /// The cell text as printed (`８８`, `88`, `★★★★★ ★★☆☆☆`).
    public var text: String
    public var location: SourceLocation

    /// The figures read from one column of one table are checked against each other: a node's
    /// children are the figures printed under it in the same column.
    public var region: Region { Region(file: location.file, sheet: location.sheet, column: location.column, year: year) }

    public struct Region: Sendable, Hashable {
        var file: String
        var sheet: String?
        var column: Int?
        var year: FiscalYear
    }
}
