import Foundation
import PledgeCore
import TableIO

public struct AuditOptions: Sendable {
    public var published: URL
    public var plan: URL
    public var year: FiscalYear
    /// The departments' files the report was made from; empty checks the report against itself only.
    public var inboxes: [URL]
    public var layout: ReportLayout
    /// Where the findings go as CSV: a file, or a folder (which gets `audit-findings.csv`); nil writes nothing.
    public var out: URL?

    public init(published: URL, plan: URL, year: FiscalYear, inboxes: [URL] = [], layout: ReportLayout = .tomakomai,
                out: URL? = nil) {
        self.published = published
        self.plan = plan
        self.year = year
        self.inboxes = inboxes
        self.layout = layout
        self.out = out
    }
}

/// What `audit` reports besides its diagnostics: the findings about the printed figures.
public struct AuditReport: Sendable, Encodable {
    public var findings: [AuditFinding] = []
    /// How many printed figures were read and checked.
    public var figuresChecked = 0
    /// Whether the figures were also recomputed from the departments' files.
    public var recomputedFromInbox = false
    /// The findings CSV, when one was asked for and written.
    public var written: URL?

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case findings, figuresChecked = "figures_checked", recomputedFromInbox = "recomputed_from_inbox", written
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(findings, forKey: .findings)
        try container.encode(figuresChecked, forKey: .figuresChecked)
        try container.encode(recomputedFromInbox, forKey: .recomputedFromInbox)
        try container.encode(written?.path, forKey: .written)
    }
}

public typealias AuditOutcome = Outcome<AuditReport>

/// `pledgekit audit`: reads what a report prints and checks it against the averaging rule, against
/// itself, and (with the inbox) against the figures the merge pipeline computes from the same files.
/// Findings are data errors (a report with a wrong figure is a report to correct).
public enum AuditPipeline {
    public static func run(_ options: AuditOptions, progress: ProgressSink? = nil,
                           cancellation: Cancellation = Cancellation()) -> AuditOutcome {
        if let refusal = InputChecks.checkInputsExist([options.published], kind: "報告書")
            ?? InputChecks.checkPlan(options.plan)
            ?? InputChecks.checkInputsExist(options.inboxes, kind: "提出ファイルのフォルダ") {
            return .refused(refusal, report: AuditReport())
        }
        var diagnostics = Diagnostics()
        var outcome = AuditOutcome(report: AuditReport())
        guard let plan = PlanLoader.load(options.plan, diagnostics: &diagnostics) else {
            outcome.status = .dataErrors
            outcome.diagnostics = diagnostics.sorted
            outcome.refusal = "計画ファイルを読めないため、点検できません。"
            return outcome
        }
        // A layout's own scheme prints its figures in figures.csv, checked by its own rules.
        if options.layout.hasOwnScheme {
            return auditFigures(options, plan: plan, diagnostics: diagnostics, progress: progress, cancellation: cancellation)
        }
        let figures = PublishedReportReader.read(options.published, plan: plan, year: options.year,
                                                 overallLabel: options.layout.workbook?.summary.overallLabel ?? "全体",
                                                 diagnostics: &diagnostics)
        if figures.isEmpty {
            diagnostics.error(.auditNoFigures, at: SourceLocation(file: options.published.lastPathComponent),
                              "進捗率の数値が見つかりません（年度の見出し「\(options.year.label) (%)」や「進捗状況」の列、計画の見出しと同じ行がありません）。")
        }
        var recomputed: PledgeCore.Progress?
        if !options.inboxes.isEmpty {
            guard let reconciliation = reconciledInbox(options, plan: plan, diagnostics: &diagnostics, progress: progress,
                                                       cancellation: cancellation) else { return .cancelled(report: AuditReport()) }
            recomputed = Averaging.compute(plan: plan, activities: reconciliation.activities.map(\.activity),
                                           rules: options.layout.averaging)
            outcome.report.recomputedFromInbox = true
        }
        if stoppedByErrors(diagnostics, outcome: &outcome) { return outcome }
        progress?(PipelineProgress(stage: .computing, done: 0, total: 1))
        outcome.report.figuresChecked = figures.count
        record(AuditChecks(plan: plan, rules: options.layout.averaging, recomputed: recomputed, year: options.year).findings(figures),
               into: &outcome, out: options.out)
        return outcome
    }

    /// The inbox read and reconciled as merge reads and reconciles it, so that audit and merge
    /// cannot differ; nil when cancelled.
    static func reconciledInbox(_ options: AuditOptions, plan: Plan, diagnostics: inout Diagnostics, progress: ProgressSink?,
                                cancellation: Cancellation) -> Reconciliation? {
        let submissions = InboxReader.read(options.inboxes, evaluationColumns: options.layout.evaluationColumns,
                                           diagnostics: &diagnostics, progress: progress, cancellation: cancellation)
        if cancellation.isCancelled { return nil }
        progress?(PipelineProgress(stage: .reconciling, done: 0, total: 1))
        return Reconciler(plan: plan, year: options.year, rules: options.layout.reconcileRules)
            .reconcile(submissions, diagnostics: &diagnostics)
    }

    /// The diagnostics into the outcome; true, with the refusal, when any is an error: nothing to check against.
    static func stoppedByErrors(_ diagnostics: Diagnostics, outcome: inout AuditOutcome) -> Bool {
        outcome.diagnostics = diagnostics.sorted
        guard diagnostics.hasErrors else { return false }
        outcome.status = .dataErrors
        outcome.refusal = "エラーが\(diagnostics.count(.error))件あるため、点検できません。"
        return true
    }

    /// The findings into the outcome (any finding counts as a data error) and, when asked, the CSV
    /// written: the end of every audit, of a workbook, a summary.csv or a figures.csv.
    static func record(_ findings: [AuditFinding], into outcome: inout AuditOutcome, out: URL?) {
        outcome.report.findings = findings
        if !findings.isEmpty { outcome.status = .dataErrors }
        guard let out else { return }
        do {
            outcome.report.written = try write(findings, to: out)
        } catch {
            outcome.status = .cannotWrite
            outcome.refusal = "指摘一覧を \(out.path) に書き出せません（\(OutputLocation.reason(of: error))）。"
        }
    }

    /// The findings as CSV (header in row 1, one finding a row), in the report's reading order.
    public static func findingsCSV(_ findings: [AuditFinding], encoding: CSVEncoding = .utf8BOM) throws -> Data {
        try CSVWriter.encode(header: AuditFinding.csvHeader, rows: findings.map(\.csvRow), encoding: encoding)
    }

    /// A folder gets `audit-findings.csv`; anything else is the file itself. Written whole or not at all.
    static func write(_ findings: [AuditFinding], to url: URL) throws -> URL {
        var isDirectory: ObjCBool = false
        let target = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url.appendingPathComponent("audit-findings.csv") : url
        try findingsCSV(findings).write(to: target, options: .atomic)
        return target
    }
}
