import Foundation

/// How a command ended, for every pipeline (merge, check, template, and audit to come): the CLI
/// turns it into the exit status in one place (`ExitStatus` in PledgeKitCLI) and prints it with one
/// printer. A pipeline never decides an exit number itself.
public enum OutcomeStatus: Sendable, Equatable {
    /// Done; warnings may remain.
    case success
    /// The data has errors (or warnings under --strict, or an audit's findings): all are listed.
    case dataErrors
    /// The command line names something that is not there or cannot be used (missing paths, an
    /// empty inbox, an out folder inside an inbox).
    case usage
    /// The outputs cannot be written (the reason is in the refusal, in Japanese).
    case cannotWrite
    /// A layout file is invalid.
    case invalidLayout
}

/// What a pipeline returns: its status, every diagnostic in the order of `reconciliation.csv`,
/// why nothing was written (if nothing was), and the pipeline's own report (`Report`).
public struct Outcome<Report: Sendable>: Sendable {
    public var status: OutcomeStatus
    public var diagnostics: [Diagnostic]
    /// One Japanese sentence saying why nothing was written, and what to do.
    public var refusal: String?
    public var report: Report

    public init(status: OutcomeStatus = .success, diagnostics: [Diagnostic] = [], refusal: String? = nil, report: Report) {
        self.status = status
        self.diagnostics = diagnostics
        self.refusal = refusal
        self.report = report
    }

    /// A run stopped before reading anything (a pre-flight refusal).
    public static func refused(_ refusal: Refusal, report: Report) -> Outcome {
        Outcome(status: refusal.status, diagnostics: [], refusal: refusal.message, report: report)
    }

    public var succeeded: Bool { status == .success }
}

/// A run refused before it reads anything: the status and the Japanese message (what is wrong, what to do).
public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: OutcomeStatus
    public var message: String

    public init(_ status: OutcomeStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
