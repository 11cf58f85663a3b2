import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "各課が提出前に自部署のファイルを確認します（merge と同じ規則）。",
        discussion: """
        問題のあるセルを「ファイル シート!セル: 内容」の形で示します。何も書き出しません。
        例: pledgekit check 行政監理室.xlsx --plan plan.csv

        \(ExitStatus.table)
        """)

    @Argument(help: ArgumentHelp("確認する自部署の .xlsx・.csv・.tsv ファイル（フォルダも可、複数可）。", valueName: "ファイル"))
    var files: [String] = []

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: ArgumentHelp("ファイルの年度（省略時は各ファイルに書かれた年度）: 2020、R2、令和2年度 など。", valueName: "年度"))
    var year: FiscalYear?

    @Flag(name: .long, help: "読み込んだ内容も「情報」として表示します（施策名での照合、星の評価、置き換えたファイル）。")
    var verbose = false

    @OptionGroup var format: OutputFormatOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("確認するファイルを指定してください（例: pledgekit check 行政監理室.xlsx …）。") }
    }

    func run() throws {
        let progress = format.progressLine
        var raw = RawArguments.nonUTF8(among: files)
        var readable: [URL] = [], nonUTF8: [[UInt8]] = []
        for file in files {
            if let index = raw.firstIndex(where: { $0.repaired == file }) {
                nonUTF8.append(raw.remove(at: index).bytes)
            } else {
                readable.append(URL(fileURLWithPath: file))
            }
        }
        let outcome = CheckPipeline.run(CheckOptions(
            files: readable, plan: planOptions.planURL, year: year,
            layout: try planOptions.loadLayout(), nonUTF8Files: nonUTF8), progress: progress.sink)
        progress.finish()
        if format.json { Terminal.finish(json: outcome) }
        Terminal.diagnostics(outcome.diagnostics, includeInfo: verbose)
        if let reconciliation = outcome.report.reconciliation {
            let (errors, warnings) = (outcome.count(.error), outcome.count(.warning))
            Terminal.result("確認: \(reconciliation.countedFiles.count)ファイル、取組 \(reconciliation.activities.count)件、"
                + "エラー \(errors)件、警告 \(warnings)件")
        }
        switch outcome.status {
        case .success:
            Terminal.result(outcome.diagnostics.contains { $0.severity == .warning }
                            ? "エラーはありません。警告を確認のうえ提出してください。" : "問題はありません。このまま提出できます。")
        case .dataErrors where outcome.refusal == nil:
            Terminal.problem("エラーを直してから提出してください。")
        default:
            break
        }
        Terminal.finish(outcome)
    }
}
