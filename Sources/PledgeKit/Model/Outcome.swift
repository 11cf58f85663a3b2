import Foundation

/// How a run ended, for every pipeline (merge, check, template, audit): the CLI turns it into the
/// exit status in one place (`ExitStatus` in PledgeKitCLI), the server into a page. A pipeline
/// never decides an exit number itself. The raw values are the JSON's `status` (docs/json.md).
public enum OutcomeStatus: String, Sendable, Equatable, Codable {
    /// Done; warnings may remain.
    case success
    /// The data has errors (or warnings when they count as errors, or an audit's findings): all are listed.
    case dataErrors = "data_errors"
    /// The request names something that is not there or cannot be used (missing paths, an empty
    /// inbox, an out folder inside an inbox).
    case usage
    /// The outputs cannot be written (the reason is in the refusal, in Japanese).
    case cannotWrite = "cannot_write"
    /// A layout file is invalid.
    case invalidLayout = "invalid_layout"
    /// The caller cancelled the run; nothing was written.
    case cancelled
}

/// What a pipeline returns: its status, every diagnostic in the order of `reconciliation.csv`,
/// why nothing was written (if nothing was), and the pipeline's own report.
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

    /// A run stopped at the caller's request: nothing written.
    static func cancelled(report: Report, diagnostics: [Diagnostic] = []) -> Outcome {
        Outcome(status: .cancelled, diagnostics: diagnostics, refusal: "中止しました。何も書き出していません。", report: report)
    }

    public var succeeded: Bool { status == .success }

    /// How many diagnostics of a severity.
    public func count(_ severity: Diagnostic.Severity) -> Int {
        diagnostics.lazy.filter { $0.severity == severity }.count
    }
}

/// The JSON of an outcome (docs/json.md): `{"version", "status", "refusal", "counts", "diagnostics", "report"}`.
extension Outcome: Encodable where Report: Encodable {
    /// Raised when a field is renamed or removed; adding a field keeps it.
    public static var jsonVersion: Int { 1 }

    private enum CodingKeys: String, CodingKey { case version, status, refusal, counts, diagnostics, report }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.jsonVersion, forKey: .version)
        try container.encode(status, forKey: .status)
        try container.encode(refusal, forKey: .refusal)
        let counts = Dictionary(uniqueKeysWithValues: Diagnostic.Severity.allCases.map { ($0.rawValue, count($0)) })
        try container.encode(counts, forKey: .counts)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(report, forKey: .report)
    }

    /// Pretty-printed, keys sorted, as `--json` prints it: the same bytes for the same outcome.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
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
