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
    /// Warnings count as errors: nothing is written while any remains.
    public var strict: Bool
    /// The term's earlier years: files or folders of earlier summary.csv files and workbooks.
    public var history: [URL] = []
    /// For tests of the output folder's commit (kills and failures at named points).
    public var commitHooks: CommitHooks = .none

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

/// `pledgekit merge` in three steps a caller may also take one by one (the server previews the
/// figures before anything is written): `prepare` reads, reconciles and computes the report;
/// `render` turns it into the output files in memory; `run` does both and commits the files to
/// the out folder, all or nothing.
public enum MergePipeline {
    /// The whole merge. Progress by stage; a cancellation before the commit writes nothing.
    public static func run(_ options: MergeOptions, progress: ProgressSink? = nil,
                           cancellation: Cancellation = Cancellation()) -> MergeOutcome {
        // Before anything is read: a wrong path costs nothing and the out folder stays as it was.
        let listing: InboxListing
        switch preflight(options) {
        case .failure(let refusal): return .refused(refusal, report: MergeReport())
        case .success(let listed): listing = listed
        }
        if let refusal = OutputLocation.checkOut(options.out, inboxes: options.inboxes) {
            return .refused(refusal, report: MergeReport())
        }
        let lock: OutputLock
        do { lock = try OutputLock.acquire(for: options.out) } catch { return .refused(error, report: MergeReport()) }
        var outcome = prepared(options, listing: listing, progress: progress, cancellation: cancellation)
        guard outcome.status == .success, let model = outcome.report.model else { return outcome }
        progress?(PipelineProgress(stage: .rendering, done: 0, total: 1))
        let files: RenderedOutputs
        switch render(model, encoding: options.csvEncoding) {
        case .success(let rendered): files = rendered
        case .failure(let failure): return failed(outcome, failure, out: options.out)
        }
        if cancellation.isCancelled { return .cancelled(report: outcome.report, diagnostics: outcome.diagnostics) }
        progress?(PipelineProgress(stage: .writing, done: 0, total: files.files.count))
        var output = OutputDirectory(lock: lock, hooks: options.commitHooks)
        for file in files.files { output.add(file.name, file.data) }
        do {
            outcome.report.written = try output.commit()
        } catch {
            let refusal = OutputLocation.writeFailure(error, out: options.out)
            outcome.status = refusal.status
            outcome.refusal = refusal.message
            return outcome
        }
        progress?(PipelineProgress(stage: .writing, done: files.files.count, total: files.files.count))
        return outcome
    }

    /// The whole merge from a Swift task: cancelling the task stops it (nothing written).
    public static func run(_ options: MergeOptions, progress: ProgressSink? = nil) async -> MergeOutcome {
        let cancellation = Cancellation()
        return await cancellation.linked { run(options, progress: progress, cancellation: cancellation) }
    }

    /// Reads, reconciles and computes, and writes nothing (no out folder is needed or touched):
    /// `report.model` holds the figures the workbook would have, `report.reconciliation` the rows.
    public static func prepare(_ options: MergeOptions, progress: ProgressSink? = nil,
                               cancellation: Cancellation = Cancellation()) -> MergeOutcome {
        switch preflight(options) {
        case .failure(let refusal): return .refused(refusal, report: MergeReport())
        case .success(let listing): return prepared(options, listing: listing, progress: progress, cancellation: cancellation)
        }
    }

    /// `prepare` from a Swift task: cancelling the task stops it.
    public static func prepare(_ options: MergeOptions, progress: ProgressSink? = nil) async -> MergeOutcome {
        let cancellation = Cancellation()
        return await cancellation.linked { prepare(options, progress: progress, cancellation: cancellation) }
    }

    /// The paths the merge reads: given, present, and an inbox holds something to read. The inboxes
    /// are listed here, once, for the reading too.
    static func preflight(_ options: MergeOptions) -> Result<InboxListing, Refusal> {
        if options.inboxes.isEmpty { return .failure(Refusal(.usage, "提出ファイルのフォルダを指定してください。")) }
        if let refusal = InputChecks.checkPlan(options.plan)
            ?? InputChecks.checkInputsExist(options.previous.map { [$0] } ?? [], kind: "前年度のファイル")
            ?? InputChecks.checkInputsExist(options.history, kind: "過去の年度のファイル・フォルダ") {
            return .failure(refusal)
        }
        let listing = InboxListing(options.inboxes)
        if let refusal = InputChecks.checkInboxes(listing) { return .failure(refusal) }
        return .success(listing)
    }

    private static func prepared(_ options: MergeOptions, listing: InboxListing, progress: ProgressSink?,
                                 cancellation: Cancellation) -> MergeOutcome {
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
        let submissions = InboxReader.read(listing, evaluationColumns: options.layout.evaluationColumns,
                                           diagnostics: &diagnostics, progress: progress, cancellation: cancellation)
        if cancellation.isCancelled { return .cancelled(report: MergeReport()) }
        if let refusal = CommonWrongYear.refusal(submissions, year: options.year), !diagnostics.hasErrors {
            return .refused(refusal, report: MergeReport())
        }
        progress?(PipelineProgress(stage: .reconciling, done: 0, total: 1))
        let overallLabel = options.layout.workbook?.summary.overallLabel ?? "全体"
        // A layout's own scheme reads its earlier years, last year's too, from the figures.csv that
        // pledgekit wrote for them (FigureHistoryLoader): its figures are not 0–10 percentages.
        let ownScheme = options.layout.hasOwnScheme
        let previous = ownScheme ? nil : options.previous.flatMap {
            PreviousYearLoader.load($0, plan: plan, expected: options.year.previous, overallLabel: overallLabel,
                                    diagnostics: &diagnostics)
        }
        let history = ownScheme ? [] : HistoryLoader.load(options.history, plan: plan, before: options.year,
                                                          overallLabel: overallLabel, diagnostics: &diagnostics)
        var figureHistory: [FigureHistoryLoader.Year] = []
        if ownScheme {
            figureHistory = FigureHistoryLoader.load(options.history + [options.previous].compactMap { $0 }, plan: plan,
                                                     layout: options.layout, before: options.year, diagnostics: &diagnostics)
            if let file = options.previous, !figureHistory.isEmpty, !figureHistory.contains(where: { $0.year == options.year.previous }) {
                diagnostics.error(.previousYear, at: SourceLocation(file: file.lastPathComponent),
                                  "前年度（\(options.year.previous.label)）の集計値がありません。この様式の --previous には、前年度に pledgekit が書き出した figures.csv（またはそれを入れたフォルダ）を指定してください。")
            }
        }
        let reconciliation = Reconciler(plan: plan, year: options.year, rules: options.layout.reconcileRules)
            .reconcile(submissions, diagnostics: &diagnostics)
        BackgroundRelease.drop(submissions)
        if cancellation.isCancelled { return .cancelled(report: MergeReport()) }
        progress?(PipelineProgress(stage: .computing, done: 0, total: 1))
        FormulaLikeTexts.report(reconciliation.activities, plan: plan, planFile: options.plan.lastPathComponent, into: &diagnostics)
        outcome.report.reconciliation = reconciliation
        var model = ReportModel(
            plan: plan, layout: options.layout, year: options.year, activities: reconciliation.activities,
            progress: Averaging.compute(
                plan: plan,
                // By index, so that only the two fields are read: mapping the activities copied each one whole.
                ratings: reconciliation.activities.indices.lazy.map { [activities = reconciliation.activities] in
                    (activities[$0].activity.measure, activities[$0].activity.rating)
                },
                rules: options.layout.averaging),
            previous: previous, diagnostics: [], history: history)
        if options.layout.hasOwnScheme {
            model.figures = SchemeFigures.compute(plan: plan, activities: reconciliation.activities.map(\.activity),
                                                  scheme: options.layout.scheme, rules: options.layout.figures)
            model.figureHistory = figureHistory
        }
        // What only the outputs would find (a text too long once the workbook marks it) is a data
        // error at its cell, found here rather than half-way through writing.
        WorkbookCellLimits.check(model, into: &diagnostics)
        model.diagnostics = diagnostics.sorted
        outcome.diagnostics = model.diagnostics
        outcome.report.model = model
        if diagnostics.hasErrors {
            outcome.status = .dataErrors
            outcome.refusal = "エラーが\(diagnostics.count(.error))件あるため、何も書き出していません。"
        } else if options.strict && diagnostics.hasWarnings {
            outcome.status = .dataErrors
            outcome.refusal = "警告もエラーとして扱う指定のため、警告が\(diagnostics.count(.warning))件あると何も書き出しません。"
        }
        if cancellation.isCancelled { return .cancelled(report: outcome.report, diagnostics: outcome.diagnostics) }
        return outcome
    }

    /// Why rendering failed: text the chosen CSV encoding cannot hold (data errors at their cells),
    /// or anything else (the output cannot be made).
    public enum RenderFailure: Error, Sendable {
        case unencodable([Diagnostic])
        case failed(String)
    }

    /// The open data and the workbook as files in memory, in the order `merge` writes them.
    public static func render(_ model: ReportModel, encoding: CSVEncoding = .utf8BOM) -> Result<RenderedOutputs, RenderFailure> {
        do {
            return .success(RenderedOutputs(files: try renderOutputs(model, encoding: encoding).map { OutputFile(name: $0.name, data: $0.data) }))
        } catch let unwritable as OpenDataWriter.UnwritableText {
            return .failure(.unencodable(unwritable.diagnostics))
        } catch {
            return .failure(.failed(OutputLocation.reason(of: error)))
        }
    }

    private static func failed(_ prepared: MergeOutcome, _ failure: RenderFailure, out: URL) -> MergeOutcome {
        var outcome = prepared
        switch failure {
        case .unencodable(let diagnostics):
            var all = Diagnostics()
            all.add(contentsOf: prepared.diagnostics)
            all.add(contentsOf: diagnostics)
            outcome.diagnostics = all.sorted
            outcome.status = .dataErrors
            outcome.refusal = "CP932で書き出せない文字が\(diagnostics.count)個あるため、何も書き出していません。"
        case .failed(let reason):
            outcome.status = .cannotWrite
            outcome.refusal = "出力先 \(out.path) に書き出せませんでした（\(reason)）。出力フォルダは変更していません。"
        }
        return outcome
    }

    /// The open data and the workbook, rendered side by side (neither reads the other) in one
    /// round of jobs, then put in the order a sequential run gives; the open data's error wins
    /// when both fail, as it would. One round, because a round inside a round runs on one core.
    private static func renderOutputs(_ model: ReportModel, encoding: CSVEncoding) throws -> [(name: String, data: Data)] {
        let tableJobs = OpenDataWriter.encodingJobs(model, encoding: encoding)
        // The workbook is the longest job: started first, the tables fill the other cores beside it.
        let workbookJob: @Sendable () -> Result<[(name: String, data: Data)], any Error> = {
            Result {
                guard let workbook = model.layout.workbook else { return [] }
                return [(workbook.fileName, try OfficialWorkbook.render(model, layout: workbook))]
            }
        }
        let rendered = Concurrently.map(0..<(tableJobs.count + 1)) { index -> RenderedPart in
            index == 0 ? .workbook(workbookJob()) : .table(tableJobs[index - 1]())
        }
        let tables = rendered.compactMap { part -> OpenDataWriter.EncodedTable? in
            if case let .table(table) = part { return table } else { return nil }
        }
        let openData = try OpenDataWriter.files(tables, model, encoding: encoding)
        guard case let .workbook(workbook) = rendered[0] else { return openData }
        return try openData + workbook.get()
    }

    private enum RenderedPart: Sendable {
        case workbook(Result<[(name: String, data: Data)], any Error>)
        case table(OpenDataWriter.EncodedTable)
    }
}
