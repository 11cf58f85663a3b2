import Foundation
import PledgeCore
import PledgeKit
import TableIO

/// The one place where the server calls the PledgeKit pipelines (check, merge, template), and
/// turns their results into the server's own types (RoundTypes.swift): when the library's API
/// changes, only this file follows it.
public struct RoundEngine: Sendable {
    public let round: RoundConfiguration
    private let layout: ReportLayout
    private let plan: Plan
    /// Every department of the plan in its order, with its measures.
    public let departments: [DepartmentInfo]

    /// Loads the layout and the plan once: a plan or layout that cannot be read stops `serve`
    /// before it listens, with the library's own Japanese message.
    public init(round: RoundConfiguration) throws(RoundEngineError) {
        self.round = round
        if let directory = round.layoutDirectory {
            do {
                layout = try ReportLayout.load(directory: directory)
            } catch {
                throw RoundEngineError(message: (error as? LayoutError)?.description ?? "レイアウト \(directory.path) を読めません。")
            }
        } else {
            layout = .tomakomai
        }
        var diagnostics = Diagnostics()
        guard let plan = PlanLoader.load(round.plan, diagnostics: &diagnostics) else {
            let first = diagnostics.sorted.first.map { $0.line } ?? ""
            throw RoundEngineError(message: "計画ファイル \(round.plan.path) を読めません。\(first)")
        }
        self.plan = plan
        departments = TemplatePipeline.departments(of: plan).map { name in
            let key = Departments.key(name)
            let measures = plan.leaves.filter { leaf in leaf.departments.contains { Departments.key($0) == key } }
                .map { MeasureInfo(id: plan.format($0.id), title: $0.title) }
            return DepartmentInfo(name: name, measures: measures)
        }
    }

    /// Every department a plan names, in its order (for the link commands, which need no year).
    public static func departments(plan url: URL) throws(RoundEngineError) -> [String] {
        var diagnostics = Diagnostics()
        guard let plan = PlanLoader.load(url, diagnostics: &diagnostics) else {
            throw RoundEngineError(message: "計画ファイル \(url.path) を読めません。\(diagnostics.sorted.first.map { $0.line } ?? "")")
        }
        return TemplatePipeline.departments(of: plan)
    }

    /// The same department, as the plan compares names (width, spaces, bullets aside).
    public static func sameDepartment(_ lhs: String, _ rhs: String) -> Bool {
        Departments.key(lhs) == Departments.key(rhs)
    }

    /// The plan's spelling of a department name (spaces, width and bullets aside), or nil when the
    /// plan does not name it.
    public func planDepartment(_ name: String) -> String? {
        let key = Departments.key(name)
        return departments.first { Departments.key($0.name) == key }?.name
    }

    /// The file name `template` gives the department's workbook (`行政監理室.xlsx`).
    public func templateFileName(for department: String) -> String {
        TemplatePipeline.fileName(for: department)
    }

    /// The department's submission workbook: the bytes `pledgekit template` writes for it.
    public func template(for department: String) throws -> Data {
        try SubmissionTemplate(plan: plan, year: round.year, layout: layout, department: department).render()
    }

    /// The merge's rules on one file (`check`, for the round's year and layout). `displayName` is
    /// the name the clerk gave the file: the problems show it instead of the server's stored name.
    public func check(file: URL, displayName: String) -> CheckSummary {
        let outcome = CheckPipeline.run(CheckOptions(files: [file], plan: round.plan, year: round.year, layout: layout))
        let storedName = file.lastPathComponent
        let problems = outcome.diagnostics.map { problem($0, renaming: storedName, to: displayName) }
        let activities = outcome.report.reconciliation?.activities ?? []
        var named: [String] = []
        for name in activities.map(\.activity.department) + outcome.diagnostics.map(\.department) where !name.isEmpty {
            let spelled = planDepartment(name) ?? Departments.normalizedName(name)
            if !named.contains(spelled) { named.append(spelled) }
        }
        return CheckSummary(problems: problems, departments: named, activityCount: activities.count,
                            refusal: outcome.report.reconciliation == nil ? outcome.refusal : nil)
    }

    /// The files already in one of the round's inboxes, each with the departments it names and
    /// its problems, keyed by the path relative to that inbox (as merge names them).
    public func scanInbox(_ folder: URL) -> [String: CheckSummary] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [:] }
        let outcome = CheckPipeline.run(CheckOptions(files: [folder], plan: round.plan, year: round.year, layout: layout))
        var byFile: [String: CheckSummary] = [:]
        for activity in outcome.report.reconciliation?.activities ?? [] {
            let file = activity.location.file
            var summary = byFile[file] ?? CheckSummary(problems: [], departments: [], activityCount: 0)
            summary.activityCount += 1
            let spelled = planDepartment(activity.activity.department) ?? activity.activity.department
            if !spelled.isEmpty && !summary.departments.contains(spelled) { summary.departments.append(spelled) }
            byFile[file] = summary
        }
        for diagnostic in outcome.diagnostics {
            guard let file = diagnostic.location?.file, !file.isEmpty else { continue }
            var summary = byFile[file] ?? CheckSummary(problems: [], departments: [], activityCount: 0)
            summary.problems.append(problem(diagnostic, renaming: "", to: ""))
            if !diagnostic.department.isEmpty {
                let spelled = planDepartment(diagnostic.department) ?? diagnostic.department
                if !summary.departments.contains(spelled) { summary.departments.append(spelled) }
            }
            byFile[file] = summary
        }
        return byFile
    }

    /// The figures as they stand, nothing written (the merge's prepare step: read, reconcile,
    /// compute).
    public func preview(inboxes: [URL]) -> Figures {
        let outcome = MergePipeline.prepare(mergeOptions(inboxes: inboxes, out: round.out))
        let problems = outcome.diagnostics.map { problem($0, renaming: "", to: "") }
        guard let model = outcome.report.model else {
            return Figures(yearLabels: [], rows: [], headlines: [], problems: problems,
                           refusal: outcome.refusal ?? "集計できませんでした。")
        }
        let years = model.yearsShown
        var rows: [Figures.Row] = []
        if model.layout.rated {
            for node in model.summaryNodes {
                let digits = model.digits(of: node.id)
                let values = years.map { $0.percentages[node.id] }
                rows.append(Figures.Row(id: plan.format(node.id), number: node.number, title: node.title,
                                        isPolicy: node.id.path.count == 1, isOverall: false,
                                        values: values.map { $0?.formatted(digits: digits) ?? "" },
                                        numbers: values.map { $0.flatMap { Double($0.formatted(digits: digits)) } }))
            }
            let digits = model.layout.averaging.overallDigits
            rows.append(Figures.Row(id: "overall", number: "", title: model.layout.workbook?.summary.overallLabel ?? "全体",
                                    isPolicy: false, isOverall: true,
                                    values: years.map { $0.overall?.formatted(digits: digits) ?? "" },
                                    numbers: years.map { $0.overall.flatMap { Double($0.formatted(digits: digits)) } }))
        }
        return Figures(yearLabels: years.map(\.year.label), rows: rows, headlines: model.figureHeadlines,
                       problems: problems, refusal: nil)
    }

    /// `merge` on the round's inboxes into --out, with the options `merge` would be given for the
    /// same command line: the outputs are byte for byte what `merge` writes. The library's
    /// progress by stage becomes 5–95 % of the run (the server's own steps take the rest).
    /// `cancellation` stops it between files and stages, --out untouched.
    public func merge(inboxes: [URL], cancellation: Cancellation = Cancellation(),
                      progress: @escaping @Sendable (RunProgress) -> Void) -> RunResult {
        progress(RunProgress(stage: "集計しています", percent: 5))
        let outcome = MergePipeline.run(mergeOptions(inboxes: inboxes, out: round.out), progress: { step in
            progress(Self.runProgress(step))
        }, cancellation: cancellation)
        let overall = outcome.report.model.flatMap { model in
            model.progress.overall.map { "\(model.year.label) 全体の進捗: \($0.formatted(digits: model.layout.averaging.overallDigits))%" }
        }
        return RunResult(succeeded: outcome.succeeded, refusal: outcome.refusal,
                         written: outcome.report.written.map(\.lastPathComponent),
                         problems: outcome.diagnostics.map { problem($0, renaming: "", to: "") },
                         headline: overall ?? outcome.report.model?.figureHeadlines.first,
                         notice: outcome.succeeded ? outcome.report.publicationNotice : nil)
    }

    /// A stage of the library's merge as the run page shows it: reading takes the most time and
    /// is counted by file (5–60 %), the other stages are steps.
    static func runProgress(_ step: PipelineProgress) -> RunProgress {
        let fraction = step.total > 0 ? Double(step.done) / Double(step.total) : 0
        switch step.stage {
        case .reading:
            return RunProgress(stage: "読み込み中 \(step.done)/\(step.total)ファイル", percent: 5 + Int(55 * fraction))
        case .reconciling: return RunProgress(stage: "計画と照合しています", percent: 60)
        case .computing: return RunProgress(stage: "数値を計算しています", percent: 70)
        case .rendering: return RunProgress(stage: "ブックとCSVを作っています", percent: 75)
        case .writing: return RunProgress(stage: "出力先に書き出しています", percent: 85 + Int(10 * fraction))
        }
    }

    /// The options `Merge.run` builds from the same command line.
    func mergeOptions(inboxes: [URL], out: URL) -> MergeOptions {
        var options = MergeOptions(inboxes: inboxes, plan: round.plan, year: round.year, out: out,
                                   previous: round.previous.count == 1 ? round.previous[0] : nil, layout: layout)
        options.history = (round.previous.count > 1 ? round.previous : []) + round.history
        return options
    }

    private func problem(_ diagnostic: Diagnostic, renaming storedName: String, to displayName: String) -> Problem {
        let severity: Problem.Severity = switch diagnostic.severity {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
        var file = diagnostic.location?.file ?? ""
        if !storedName.isEmpty && file == storedName { file = displayName }
        return Problem(severity: severity, code: diagnostic.code.rawValue, file: file,
                       sheet: diagnostic.location?.sheet ?? "", cell: diagnostic.location?.cell ?? "",
                       measureID: diagnostic.measureID, department: diagnostic.department, message: diagnostic.message)
    }
}

/// The plan or the layout cannot be read: `serve` stops with this Japanese message.
public struct RoundEngineError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
