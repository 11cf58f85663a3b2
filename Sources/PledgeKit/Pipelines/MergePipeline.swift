import Foundation
import PledgeCore
import TableIO

public struct MergeOptions: Sendable {
    public var inboxes: [URL]
    public var plan: URL
    public var year: FiscalYear
    public var out: URL
    public var previous: URL?
    public var layout: ReportLayout
    public var csvEncoding: CSVEncoding
    public var strict: Bool
    /// The term's earlier years: files or folders of earlier summary.csv files and workbooks.
    public var history: [URL] = []

    public init(inboxes: [URL], plan: URL, year: FiscalYear, out: URL, previous: URL? = nil,
                layout: ReportLayout = .tomakomai, csvEncoding: CSVEncoding = .utf8BOM, strict: Bool = false) {
        self.inboxes = inboxes
        self.plan = plan
        self.year = year
        self.out = out
        self.previous = previous
        self.layout = layout
        self.csvEncoding = csvEncoding
        self.strict = strict
    }
}

/// What `merge` reports besides its diagnostics.
public struct MergeReport: Sendable {
    public var model: ReportModel?
    public var reconciliation: Reconciliation?
    public var written: [URL] = []

    public init(model: ReportModel? = nil, reconciliation: Reconciliation? = nil, written: [URL] = []) {
        self.model = model
        self.reconciliation = reconciliation
        self.written = written
    }
}

public typealias MergeOutcome = Outcome<MergeReport>

/// `pledgekit merge`: check the paths → read → reconcile → compute → write, all or nothing.
public enum MergePipeline {
    public static func run(_ options: MergeOptions, progress: ProgressLine? = nil) -> MergeOutcome {
        // Before anything is read: a wrong path costs nothing and the out folder stays as it was.
        if let refusal = InputChecks.checkInboxes(options.inboxes) ?? OutputLocation.checkOut(options.out, inboxes: options.inboxes) {
            return .refused(refusal, report: MergeReport())
        }
        let lock: OutputLock
        do { lock = try OutputLock.acquire(for: options.out) } catch { return .refused(error, report: MergeReport()) }
        var diagnostics = Diagnostics()
        var outcome = MergeOutcome(report: MergeReport())
        // A plan that cannot be read is the one thing to fix first: reading the inbox against no
        // plan would only add noise.
        guard let plan = PlanLoader.load(options.plan, diagnostics: &diagnostics) else {
            outcome.status = .dataErrors
            outcome.diagnostics = diagnostics.sorted
            outcome.refusal = "計画ファイルを読めないため、何も書き出していません。"
            return outcome
        }
        let submissions = InboxReader.read(options.inboxes, evaluationColumns: options.layout.evaluationColumns,
                                           diagnostics: &diagnostics, progress: progress)
        let previous = options.previous.flatMap {
            PreviousYearLoader.load($0, plan: plan, expected: options.year.previous,
                                    overallLabel: options.layout.workbook?.summary.overallLabel ?? "全体",
                                    diagnostics: &diagnostics)
        }
        // A layout's own scheme reads its earlier years from figures.csv (FigureHistoryLoader, below).
        let history = options.layout.hasOwnScheme ? [] : HistoryLoader.load(options.history, plan: plan, before: options.year,
                                         overallLabel: options.layout.workbook?.summary.overallLabel ?? "全体",
                                         diagnostics: &diagnostics)
        let figureHistory = options.layout.hasOwnScheme
            ? FigureHistoryLoader.load(options.history, plan: plan, layout: options.layout, before: options.year,
                                       diagnostics: &diagnostics)
            : []
        let reconciliation = Reconciler(plan: plan, year: options.year, rules: options.layout.reconcileRules)
            .reconcile(submissions, diagnostics: &diagnostics)
        BackgroundRelease.drop(submissions)
        FormulaLikeTexts.report(reconciliation.activities, plan: plan, planFile: options.plan.lastPathComponent, into: &diagnostics)
        outcome.report.reconciliation = reconciliation
        outcome.diagnostics = diagnostics.sorted
        if diagnostics.hasErrors {
            outcome.status = .dataErrors
            outcome.refusal = "エラーが\(diagnostics.count(.error))件あるため、何も書き出していません。"
            return outcome
        }
        if options.strict && diagnostics.hasWarnings {
            outcome.status = .dataErrors
            outcome.refusal = "--strict のため、警告が\(diagnostics.count(.warning))件あると何も書き出しません。"
            return outcome
        }
        var model = ReportModel(
            plan: plan, layout: options.layout, year: options.year, activities: reconciliation.activities,
            progress: Averaging.compute(
                plan: plan,
                // By index, so that only the two fields are read: mapping the activities copied each one whole.
                ratings: reconciliation.activities.indices.lazy.map { [activities = reconciliation.activities] in
                    (activities[$0].activity.measure, activities[$0].activity.rating)
                },
                rules: options.layout.averaging),
            previous: previous, diagnostics: diagnostics.sorted, history: history)
        if options.layout.hasOwnScheme {
            model.figures = SchemeFigures.compute(plan: plan, activities: reconciliation.activities.map(\.activity),
                                                  scheme: options.layout.scheme, rules: options.layout.figures)
            model.figureHistory = figureHistory
        }
        outcome.report.model = model
        do {
            var output = OutputDirectory(lock: lock)
            for (name, data) in try renderOutputs(model, options) { output.add(name, data) }
            outcome.report.written = try output.commit()
        } catch let unwritable as OpenDataWriter.UnwritableText {
            diagnostics.add(contentsOf: unwritable.diagnostics)
            outcome.diagnostics = diagnostics.sorted
            outcome.status = .dataErrors
            outcome.refusal = "CP932で書き出せない文字が\(unwritable.diagnostics.count)個あるため、何も書き出していません。"
        } catch {
            let refusal = OutputLocation.writeFailure(error, out: options.out)
            outcome.status = refusal.status
            outcome.refusal = refusal.message
        }
        return outcome
    }

    /// The open data and the workbook, rendered side by side (neither reads the other) in one
    /// round of jobs, then put in the order a sequential run gives; the open data's error wins
    /// when both fail, as it would. One round, because a round inside a round runs on one core.
    private static func renderOutputs(_ model: ReportModel, _ options: MergeOptions) throws -> [(name: String, data: Data)] {
        let tableJobs = OpenDataWriter.encodingJobs(model, encoding: options.csvEncoding)
        // The workbook is the longest job: started first, the tables fill the other cores beside it.
        let workbookJob: @Sendable () -> Result<[(name: String, data: Data)], any Error> = {
            Result {
                guard let workbook = options.layout.workbook else { return [] }
                return [(workbook.fileName, try OfficialWorkbook.render(model, layout: workbook))]
            }
        }
        let rendered = Concurrently.map(0..<(tableJobs.count + 1)) { index -> RenderedPart in
            index == 0 ? .workbook(workbookJob()) : .table(tableJobs[index - 1]())
        }
        let tables = rendered.compactMap { part -> OpenDataWriter.EncodedTable? in
            if case let .table(table) = part { return table } else { return nil }
        }
        let openData = try OpenDataWriter.files(tables, model, encoding: options.csvEncoding)
        guard case let .workbook(workbook) = rendered[0] else { return openData }
        return try openData + workbook.get()
    }

    private enum RenderedPart: Sendable {
        case workbook(Result<[(name: String, data: Data)], any Error>)
        case table(OpenDataWriter.EncodedTable)
    }
}
