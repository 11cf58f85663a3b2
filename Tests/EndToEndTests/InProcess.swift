import Foundation
import PledgeCore
import PledgeKit
import TableIO

/// The pipelines called in the test process, as a second face (a web server) calls them: a value
/// in, one `Outcome` out. Most end-to-end tests go through here; `PledgeKitBinary` is for what only
/// the executable does (exit statuses, printed text, argument checks, a process killed mid-write).
/// Paths are strings, as the tests build them; a layout is a folder holding a `layout.yaml`.
enum InProcess {
    struct BadArgument: Error, CustomStringConvertible {
        var description: String
    }

    static func year(_ text: String) throws -> FiscalYear {
        guard let year = FiscalYear(parsing: text) else { throw BadArgument(description: "not a fiscal year: \(text)") }
        return year
    }

    /// The layout folder as the command line resolves it (a mistake is a `Refusal` with `.invalidLayout`).
    static func layout(_ folder: String?) throws -> ReportLayout {
        try ReportLayout.resolve(folder.map(url))
    }

    static func url(_ path: String) -> URL { URL(fileURLWithPath: path) }

    /// `pledgekit merge`: one `previous` is last year's file; several are the term's years, as the CLI takes them.
    static func merge(_ inboxes: [String], plan: String, year: String, out: String, previous: [String] = [],
                      history: [String] = [], layout: String? = nil, csvEncoding: CSVEncoding = .utf8BOM,
                      strict: Bool = false) throws -> MergeOutcome {
        var options = MergeOptions(inboxes: inboxes.map(url), plan: url(plan), year: try self.year(year), out: url(out),
                                   previous: previous.count == 1 ? url(previous[0]) : nil,
                                   layout: try self.layout(layout), csvEncoding: csvEncoding, strict: strict)
        options.history = (previous.count > 1 ? previous : []).map(url) + history.map(url)
        return MergePipeline.run(options)
    }

    static func merge(_ inbox: String, plan: String, year: String, out: String, previous: [String] = [],
                      history: [String] = [], layout: String? = nil, csvEncoding: CSVEncoding = .utf8BOM,
                      strict: Bool = false) throws -> MergeOutcome {
        try merge([inbox], plan: plan, year: year, out: out, previous: previous, history: history, layout: layout,
                  csvEncoding: csvEncoding, strict: strict)
    }

    /// `pledgekit check`.
    static func check(_ files: [String], plan: String, year: String? = nil, layout: String? = nil) throws -> CheckOutcome {
        CheckPipeline.run(CheckOptions(files: files.map(url), plan: url(plan), year: try year.map(self.year),
                                       layout: try self.layout(layout)))
    }

    /// `pledgekit audit`: the published report, then the departments' files (if any).
    static func audit(_ published: String, _ inboxes: [String] = [], plan: String, year: String, out: String? = nil,
                      layout: String? = nil) throws -> AuditOutcome {
        AuditPipeline.run(AuditOptions(published: url(published), plan: url(plan), year: try self.year(year),
                                       inboxes: inboxes.map(url), layout: try self.layout(layout), out: out.map(url)))
    }

    /// `pledgekit template`.
    static func template(plan: String, year: String, out: String, layout: String? = nil) throws -> TemplateOutcome {
        TemplatePipeline.run(TemplateOptions(plan: url(plan), year: try self.year(year), out: url(out), layout: try self.layout(layout)))
    }
}

extension Outcome {
    /// Every problem line the CLI would print on stderr (it groups more than five of a kind, and
    /// shows information only when asked), then the refusal: what a test's failure message shows.
    func problems(includeInfo: Bool = false) -> String {
        (diagnostics.filter { includeInfo || $0.severity != .info }.map(\.line) + [refusal].compactMap { $0 })
            .joined(separator: "\n")
    }

    var problems: String { problems() }

    /// The errors, as printed (`エラー 行政監理室.csv!D6: …`).
    var errorLines: [String] { diagnostics.filter { $0.severity == .error }.map(\.line) }

    /// How many errors, warnings and informations (the CLI's `照合結果: エラー 0、警告 5、情報 14`).
    var severityCounts: [Int] {
        Diagnostic.Severity.allCases.map { severity in diagnostics.filter { $0.severity == severity }.count }
    }
}

extension Outcome where Report == MergeReport {
    /// The overall progress as the report prints it (`74.8`), nil without a model or a figure.
    var overallProgress: String? {
        report.model.flatMap { model in model.progress.overall?.formatted(digits: model.layout.averaging.overallDigits) }
    }

    /// A layout's own scheme's headlines (`令和5年度 全体 達成と順調 (%): 90.4`), earlier years first.
    var headlines: [String] { report.model?.figureHeadlines ?? [] }
}
