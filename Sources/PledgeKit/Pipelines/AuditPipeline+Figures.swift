import Foundation
import PledgeCore
import TableIO

extension AuditPipeline {
    /// `audit` under a layout's own scheme: the audited year's rows of figures.csv (the file, or the
    /// one in the folder given), checked by SchemeAuditChecks.
    static func auditFigures(_ options: AuditOptions, plan: Plan, diagnostics start: Diagnostics, progress: ProgressSink?,
                             cancellation: Cancellation) -> AuditOutcome {
        var diagnostics = start
        var outcome = AuditOutcome(report: AuditReport())
        var isDirectory: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: options.published.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? options.published.appendingPathComponent("figures.csv") : options.published
        let read = FigureHistoryLoader.rows(of: file, plan: plan, layout: options.layout, years: { $0 == options.year })
        if read?.figures.isEmpty ?? true {
            diagnostics.error(.auditNoFigures, at: SourceLocation(file: file.lastPathComponent),
                              "\(options.year.label)の集計値が見つかりません（この様式では pledgekit が書き出した figures.csv を点検します）。")
        }
        var recomputed: [Figure]?
        if !options.inboxes.isEmpty {
            guard let reconciliation = reconciledInbox(options, plan: plan, diagnostics: &diagnostics, progress: progress,
                                                       cancellation: cancellation) else { return .cancelled(report: AuditReport()) }
            recomputed = SchemeFigures.compute(plan: plan, activities: reconciliation.activities.map(\.activity),
                                               scheme: options.layout.scheme, rules: options.layout.figures)
            outcome.report.recomputedFromInbox = true
        }
        if stoppedByErrors(diagnostics, outcome: &outcome) { return outcome }
        progress?(PipelineProgress(stage: .computing, done: 0, total: 1))
        let printed = read?.figures ?? []
        outcome.report.figuresChecked = printed.count
        let model = ReportModel(plan: plan, layout: options.layout, year: options.year, activities: [], progress: PledgeCore.Progress(),
                                previous: nil, diagnostics: [])
        record(SchemeAuditChecks(model: model, recomputed: recomputed, file: file.lastPathComponent).findings(printed),
               into: &outcome, out: options.out)
        return outcome
    }
}
