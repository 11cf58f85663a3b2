/// Where a test steps into a commit: at a named point (to stop the process there, as a power cut
/// would) or by making a step fail (as a full disk would). The default does nothing; the library
/// never reads them from the environment — a caller passes them in (the CLI only in debug builds).
public struct CommitHooks: Sendable {
    /// Moments of a commit at which the out folder is in a state worth testing a kill in.
    public enum Point: String, Sendable, CaseIterable {
        /// The new outputs are written beside the out folder.
        case staged
        /// The out folder's other entries are carried into the new folder.
        case carried
        /// The folders are exchanged; the old outputs are not yet removed.
        case swapped
        /// Where folders cannot be exchanged: the old folder is set aside, the new one not yet in.
        case aside
    }

    /// Steps a test can make fail.
    public enum Step: String, Sendable, CaseIterable {
        case swap
        case renameIn = "rename-in"
        case restore
    }

    /// Called at each point, on the thread that commits.
    public var reached: (@Sendable (Point) -> Void)?
    public var failing: Set<Step>
    /// Behave as a file system that cannot exchange two folders (the rename-aside fallback).
    public var exchangeUnavailable: Bool

    public init(reached: (@Sendable (Point) -> Void)? = nil, failing: Set<Step> = [], exchangeUnavailable: Bool = false) {
        self.reached = reached
        self.failing = failing
        self.exchangeUnavailable = exchangeUnavailable
    }

    public static let none = CommitHooks()

    func at(_ point: Point) { reached?(point) }
    func fails(_ step: Step) -> Bool { failing.contains(step) }
}
