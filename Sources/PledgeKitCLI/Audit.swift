import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "公表済みの報告書（公表用ブック、手作りのものも可、または summary.csv）の数値の食い違いを点検します。",
        discussion: """
        公表済みの報告書の数値を点検します: 各数値を配下の数値から平均の規則で計算し直した値、別の表に印刷された同じ数値、
        提出ファイル（INBOX）を指定したときはそこから計算し直した値と比べ、合わないものを1件1行で示します。
        レイアウトが独自の評価方式（scheme）なら、pledgekit が書き出した figures.csv（またはその出力フォルダ）を点検します:
        割合は段階の件数 ÷ 評価対象数、評価対象数は段階の件数の合計、平均は下の階層の値の平均と比べます。
        指摘が1件でもあれば（または報告書・計画・提出ファイルを読めなければ）終了ステータスは1です。

        \(ExitStatus.table)
        """)

    @Argument(help: ArgumentHelp("点検する報告書（.xlsx、summary.csv、独自の評価方式では figures.csv）、続けて（任意で）その元になった各課の提出フォルダ。", valueName: "報告書 [提出フォルダ]"))
    var files: [String] = []

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: ArgumentHelp("報告書の年度: 2020、FY2020、R2、令和2年度 など。", valueName: "年度"))
    var year: FiscalYear

    @Option(name: .long, help: ArgumentHelp("指摘一覧CSVの書き出し先: ファイル、またはフォルダ（中に audit-findings.csv）。", valueName: "ファイル"))
    var out: String?

    @OptionGroup var format: OutputFormatOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("点検する報告書（.xlsx または summary.csv）を指定してください。") }
    }

    func run() throws {
        let outcome = AuditPipeline.run(AuditOptions(
            published: URL(fileURLWithPath: files[0]), plan: planOptions.planURL, year: year,
            inboxes: files.dropFirst().map { URL(fileURLWithPath: $0) }, layout: try planOptions.loadLayout(),
            out: out.map { URL(fileURLWithPath: $0) }))
        if format.json { Terminal.finish(json: outcome) }
        Terminal.diagnostics(outcome.diagnostics)
        let report = outcome.report
        // Findings are printed whenever the figures were checked, also when their CSV could not be written.
        if report.figuresChecked > 0 || outcome.refusal == nil {
            for finding in report.findings { Terminal.result("指摘 " + finding.line) }
            Terminal.result("点検: 数値 \(report.figuresChecked)件、指摘 \(report.findings.count)件"
                + (report.recomputedFromInbox ? "（提出ファイルから計算し直した値とも照合）" : ""))
        }
        if let written = report.written { Terminal.result("書き出し: \(Terminal.shown(written))") }
        Terminal.finish(outcome)
    }
}
