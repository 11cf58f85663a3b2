import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks a department's own files before they are sent (the same rules as merge).",
        discussion: """
        提出前に自部署のファイルを確認します。問題のあるセルを「ファイル シート!セル: 内容」の形で示します。
        Exit status: 0 no errors (warnings may remain); 1 errors found; 64 usage error.
        """)

    @Argument(help: "The department's .xlsx/.csv/.tsv files (or folders holding them).")
    var files: [String]

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: "The fiscal year the files are for (default: the 年度 written in each file).")
    var year: FiscalYear?

    @Flag(name: .long, help: "Also list what was read and how (情報 lines: measures matched by title, star ratings, replaced files).")
    var verbose = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("確認するファイルを指定してください。") }
        try planOptions.validatePlan()
    }

    func run() throws {
        let outcome = CheckPipeline.run(CheckOptions(
            files: files.map { URL(fileURLWithPath: $0) }, plan: URL(fileURLWithPath: planOptions.plan), year: year,
            layout: try planOptions.loadLayout()))
        let shown = outcome.diagnostics.filter { verbose || $0.severity != .info }
        for diagnostic in shown { print(diagnostic.line) }
        if let reconciliation = outcome.reconciliation {
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            let warnings = outcome.diagnostics.filter { $0.severity == .warning }.count
            print("確認: \(reconciliation.countedFiles.count)ファイル、取組 \(reconciliation.activities.count)件、"
                + "エラー \(errors)件、警告 \(warnings)件")
        }
        if outcome.hasErrors {
            print("エラーを直してから提出してください。")
            throw ExitCode(1)
        }
        print(outcome.diagnostics.contains { $0.severity == .warning }
              ? "エラーはありません。警告を確認のうえ提出してください。" : "問題はありません。このまま提出できます。")
    }
}
