import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit
import TableIO

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "各課の提出ファイルを集計し、公表用のブックとオープンデータCSVを書き出します。",
        discussion: """
        提出フォルダの .xlsx・.csv・.tsv をすべて読み、計画と照合します。エラーが1件でもあれば何も書き出さず、
        すべてのエラーを「ファイル シート!セル: 内容」の形で示します。出力はすべて書けたときだけ入れ替えます。
        例: pledgekit merge 提出/ --plan plan.csv --year 令和2年度 --out 公表/

        \(ExitStatus.table)
        """)

    @Argument(help: ArgumentHelp("各課の提出ファイル（.xlsx・.csv・.tsv）を入れたフォルダ（ファイルも可、複数可）。", valueName: "提出フォルダ"))
    var inbox: [String] = []

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: ArgumentHelp("集計する年度: 2020、FY2020、R2、令和2年度 など。", valueName: "年度"))
    var year: FiscalYear

    @Option(name: .long, help: ArgumentHelp("出力先のフォルダ（なければ作ります。提出フォルダの外に置いてください）。", valueName: "フォルダ"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("前年度の summary.csv（または公表用ブック。レイアウトが独自の評価方式なら figures.csv）。前年度の列に使います。任期の前の年度も、くり返して指定できます。", valueName: "ファイル"))
    var previous: [String] = []

    @Option(name: .long, help: ArgumentHelp("任期の過去の年度の summary.csv または公表用ブックを入れたフォルダ（すべての年度を表示します。くり返して指定できます）。", valueName: "フォルダ"))
    var history: [String] = []

    @Option(name: .long, help: ArgumentHelp("CSVの文字コード: utf-8、utf-8-bom（既定）、cp932。", valueName: "文字コード"))
    var csvEncoding: CSVEncoding = .utf8BOM

    @Flag(name: .long, help: "警告もエラーとして扱い、警告が1件でもあれば何も書き出しません。")
    var strict = false

    @OptionGroup var format: OutputFormatOptions

    func validate() throws {
        // The command line's own grammar only: whether the paths exist is the library's check.
        guard !inbox.isEmpty else { throw ValidationError("提出ファイルのフォルダを指定してください（例: pledgekit merge 提出/ …）。") }
        guard [.utf8, .utf8BOM, .cp932].contains(csvEncoding) else {
            throw ValidationError("--csv-encoding は utf-8、utf-8-bom、cp932 のいずれかです。")
        }
    }

    func run() throws {
        var options = MergeOptions(
            inboxes: inbox.map { URL(fileURLWithPath: $0) }, plan: planOptions.planURL, year: year,
            out: URL(fileURLWithPath: out), previous: previous.count == 1 ? URL(fileURLWithPath: previous[0]) : nil,
            layout: try planOptions.loadLayout(), csvEncoding: csvEncoding, strict: strict)
        // One --previous is last year's file; several are the term's years, each read for the year it shows.
        options.history = (previous.count > 1 ? previous : []).map { URL(fileURLWithPath: $0) }
            + history.map { URL(fileURLWithPath: $0) }
        options.commitHooks = DebugCommitHooks.fromEnvironment
        let progress = format.progressLine
        let outcome = MergePipeline.run(options, progress: progress.sink)
        progress.finish()
        if format.json { Terminal.finish(json: outcome) }
        Terminal.diagnostics(outcome.diagnostics)
        if let reconciliation = outcome.report.reconciliation {
            Terminal.result("読み込み: \(reconciliation.countedFiles.count)ファイル（置き換え \(reconciliation.supersededFiles.count)）、"
                + "\(reconciliation.rowsRead)行（集計 \(reconciliation.activities.count)、空行・対象外 \(reconciliation.rowsSkipped)、"
                + "エラー \(reconciliation.rowsRejected)）")
        }
        if !outcome.diagnostics.isEmpty || outcome.report.reconciliation != nil {
            let counts = Diagnostic.Severity.allCases.map { severity in
                "\(severity.japanese) \(outcome.count(severity))"
            }
            Terminal.result("照合結果: " + counts.joined(separator: "、"))
        }
        if outcome.succeeded {
            if let model = outcome.report.model, let overall = model.progress.overall {
                Terminal.result("\(model.year.label) 全体の進捗: \(overall.formatted(digits: model.layout.averaging.overallDigits))%")
            }
            for headline in outcome.report.model?.figureHeadlines ?? [] { Terminal.result(headline) }
            Terminal.result("書き出し: " + outcome.report.written.map(Terminal.shown).joined(separator: "\n          "))
            if let notice = outcome.report.publicationNotice { Terminal.problem("注意 " + notice) }
        }
        Terminal.finish(outcome)
    }
}
