import Foundation
import PledgeCore
import TableIO

public struct CheckOptions: Sendable {
    public var files: [URL]
    public var plan: URL
    /// The year to check against; nil takes each file's own 年度.
    public var year: FiscalYear?
    public var layout: ReportLayout
    /// Files named by paths whose bytes are not UTF-8 (from a CP932 zip), as those bytes: found
    /// and reported by them, not by a repaired `String`.
    public var nonUTF8Files: [[UInt8]] = []

    public init(files: [URL], plan: URL, year: FiscalYear? = nil, layout: ReportLayout = .tomakomai,
                nonUTF8Files: [[UInt8]] = []) {
        self.files = files
        self.nonUTF8Files = nonUTF8Files
        self.plan = plan
        self.year = year
        self.layout = layout
    }
}

/// What `check` reports besides its diagnostics.
public struct CheckReport: Sendable, Encodable {
    public var reconciliation: Reconciliation?
    public init(reconciliation: Reconciliation? = nil) { self.reconciliation = reconciliation }

    private enum CodingKeys: String, CodingKey { case files, rows }
    /// `{"files": {"counted", "superseded"}, "rows": {"read", "counted", "skipped", "errors"}}` (docs/json.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(reconciliation.map(ReconciliationCounts.init), forKey: .files)
        try container.encodeIfPresent(reconciliation.map(RowCounts.init), forKey: .rows)
    }
}

public typealias CheckOutcome = Outcome<CheckReport>

/// `pledgekit check`: what a department runs before sending its files. The same reading and
/// reconciliation as `merge`, but the gaps reported are only the department's own measures, and
/// nothing is written.
public enum CheckPipeline {
    public static func run(_ options: CheckOptions, progress: ProgressSink? = nil,
                           cancellation: Cancellation = Cancellation()) -> CheckOutcome {
        if options.files.isEmpty && options.nonUTF8Files.isEmpty {
            return .refused(Refusal(.usage, "確認するファイルを指定してください。"), report: CheckReport())
        }
        if let refusal = InputChecks.checkPlan(options.plan) ?? InputChecks.checkInputsExist(options.files) {
            return .refused(refusal, report: CheckReport())
        }
        // Listed before the plan is read: a folder too big to be an inbox is refused at once, as merge refuses it.
        let listing = InboxListing(options.files)
        if let refusal = listing.oversizedRefusal(role: "確認するフォルダ") { return .refused(refusal, report: CheckReport()) }
        var diagnostics = Diagnostics()
        if let refusal = InputFiles.checkNonUTF8Paths(options.nonUTF8Files, diagnostics: &diagnostics) {
            return .refused(refusal, report: CheckReport())
        }
        guard let plan = PlanLoader.load(options.plan, diagnostics: &diagnostics) else {
            return CheckOutcome(status: .dataErrors, diagnostics: diagnostics.sorted,
                                refusal: "計画ファイルを読めないため、確認できません。", report: CheckReport())
        }
        let submissions = InboxReader.read(listing, evaluationColumns: options.layout.evaluationColumns,
                                           diagnostics: &diagnostics, progress: progress, cancellation: cancellation)
        if cancellation.isCancelled { return .cancelled(report: CheckReport()) }
        progress?(PipelineProgress(stage: .reconciling, done: 0, total: 1))
        let reconciliation = Reconciler(plan: plan, year: options.year, rules: options.layout.reconcileRules, scope: .ownFiles)
            .reconcile(submissions, diagnostics: &diagnostics)
        BackgroundRelease.drop(submissions)
        return CheckOutcome(status: diagnostics.hasErrors ? .dataErrors : .success, diagnostics: diagnostics.sorted,
                            report: CheckReport(reconciliation: reconciliation))
    }

    /// `run` from a Swift task: cancelling the task stops it.
    public static func run(_ options: CheckOptions, progress: ProgressSink? = nil) async -> CheckOutcome {
        let cancellation = Cancellation()
        return await cancellation.linked { run(options, progress: progress, cancellation: cancellation) }
    }
}
