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

    public init(published: URL, plan: URL, year: FiscalYear, inboxes: [URL] = [], layout: ReportLayout = .tomakomai) {
        self.published = published
        self.plan = plan
        self.year = year
        self.inboxes = inboxes
        self.layout = layout
    }
}

public struct AuditOutcome: Sendable {
    public var findings: [AuditFinding]
    /// Problems reading the report, the plan or the inbox (not findings about the figures).
    public var diagnostics: [Diagnostic]
    /// How many printed figures were read and checked.
    public var figuresChecked: Int
    /// Why the audit could not be done (an unreadable report or plan, an inbox with errors).
    public var refusal: String?
}

/// `pledgekit audit`: reads what a report prints and checks it against the averaging rule, against
/// itself, and (with the inbox) against the figures the merge pipeline computes from the same files.
public enum AuditPipeline {
    public static func run(_ options: AuditOptions) -> AuditOutcome {
        var diagnostics = Diagnostics()
        var outcome = AuditOutcome(findings: [], diagnostics: [], figuresChecked: 0, refusal: nil)
        // audit knows the 0–10 cascade only: checking a scheme's figures by it would report nonsense.
        if options.layout.hasOwnScheme {
            outcome.refusal = "audit は0〜10の評価の報告書（rated: true）だけを点検できます。このレイアウトの評価方式（scheme）の集計値の点検にはまだ対応していません。"
            return outcome
        }
        guard let plan = PlanLoader.load(options.plan, diagnostics: &diagnostics) else {
            outcome.diagnostics = diagnostics.sorted
            outcome.refusal = "計画ファイルを読めないため、点検できません。"
            return outcome
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
            // The same reading, reconciling and averaging as merge, so audit and merge cannot differ.
            let submissions = InboxReader.read(options.inboxes, diagnostics: &diagnostics, progress: nil)
            let reconciliation = Reconciler(plan: plan, year: options.year, rules: options.layout.reconcileRules)
                .reconcile(submissions, diagnostics: &diagnostics)
            recomputed = Averaging.compute(plan: plan, activities: reconciliation.activities.map(\.activity),
                                           rules: options.layout.averaging)
        }
        outcome.diagnostics = diagnostics.sorted
        if diagnostics.hasErrors {
            outcome.refusal = "エラーが\(diagnostics.count(.error))件あるため、点検できません。"
            return outcome
        }
        outcome.figuresChecked = figures.count
        outcome.findings = AuditChecks(plan: plan, rules: options.layout.averaging, recomputed: recomputed, year: options.year)
            .findings(figures)
        return outcome
    }

    /// The findings as CSV (header in row 1, one finding a row), in the report's reading order.
    public static func findingsCSV(_ findings: [AuditFinding], encoding: CSVEncoding = .utf8BOM) throws -> Data {
        try CSVWriter.encode(header: AuditFinding.csvHeader, rows: findings.map(\.csvRow), encoding: encoding)
    }
}
