import PledgeCore

/// What reconciliation needs to know of the report style.
public struct ReconcileRules: Sendable {
    /// Whether activities carry a 0–10 rating (Tomakomai) or a status (Ageo).
    public var rated: Bool
    /// The allowed statuses; empty allows any text.
    public var statuses: [String]
    /// What a rating (or each evaluator's cell) may hold.
    public var scheme: EvaluationScheme

    public init(rated: Bool, statuses: [String] = [], scheme: EvaluationScheme? = nil) {
        self.rated = rated
        self.statuses = statuses
        self.scheme = scheme ?? (rated ? .tenLevels : .unrated)
    }
}
