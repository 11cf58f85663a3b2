import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "各課に送る提出票（部署名.xlsx）を、担当の施策を記入した状態で作ります。",
        discussion: """
        施策ID・施策内容は変更できず、評価の欄はレイアウトの評価方式（既定は0〜10の整数、--layout の scheme で5段階・区分など）の値だけを受け付けます。
        例: pledgekit template --plan plan.csv --year 令和2年度 --out 提出票/

        \(ExitStatus.table)
        """)

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: ArgumentHelp("提出票の年度: 2020、FY2020、R2、令和2年度 など。", valueName: "年度"))
    var year: FiscalYear

    @Option(name: .long, help: ArgumentHelp("提出票を書き出すフォルダ（同じ名前のファイルは置き換えます）。", valueName: "フォルダ"))
    var out: String

    func run() throws {
        var options = TemplateOptions(plan: planOptions.planURL, year: year, out: URL(fileURLWithPath: out),
                                      layout: try planOptions.loadLayout())
        options.commitHooks = DebugCommitHooks.fromEnvironment
        let outcome = TemplatePipeline.run(options)
        Terminal.diagnostics(outcome.diagnostics)
        if outcome.succeeded {
            // One line: the folder is the list (40 names would push everything else off the screen).
            let names = outcome.report.written.map(\.lastPathComponent)
            let shown = names.prefix(names.count > 3 ? 2 : 3).joined(separator: "、")
                + (names.count > 3 ? " ほか\(names.count - 2)ファイル" : "")
            Terminal.result("提出票 \(names.count)部署（\(year.label)）: \(out)/（\(shown)）")
        }
        Terminal.finish(outcome)
    }
}
