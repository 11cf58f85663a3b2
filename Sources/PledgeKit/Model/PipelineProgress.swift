/// How far a run is, as a caller shows it (a progress line on a terminal, a bar on a web page).
/// Sent from whichever thread did the work: a sink must be thread-safe and quick.
public struct PipelineProgress: Sendable, Equatable, Codable {
    public enum Stage: String, Sendable, Codable, CaseIterable {
        /// Reading the departments' files: `done` of `total` files.
        case reading
        /// Matching rows to the plan, checking values and choosing the latest submissions.
        case reconciling
        /// Averages, figures and the checks on the computed report.
        case computing
        /// The workbook and the open-data files, in memory.
        case rendering
        /// Putting the outputs in place in the out folder.
        case writing
    }

    public var stage: Stage
    public var done: Int
    public var total: Int
    /// What was just finished (a file's name while reading), for display only.
    public var item: String?

    public init(stage: Stage, done: Int = 0, total: Int = 1, item: String? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
        self.item = item
    }
}

/// Receives progress; nil when nobody watches.
public typealias ProgressSink = @Sendable (PipelineProgress) -> Void
