import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes one submission workbook per department, pre-filled with its measures.",
        discussion: """
        各課に送る提出票（部署名.xlsx）を作ります。施策ID・施策内容は変更できず、評価は0〜10の整数だけを受け付けます。
        """)

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: "The fiscal year: 2020, FY2020, R2, 令和2年度 …")
    var year: FiscalYear

    @Option(name: .long, help: "The folder to write the workbooks into (existing files of the same name are replaced).")
    var out: String

    func validate() throws {
        try planOptions.validatePlan()
    }

    func run() throws {
        let outcome = TemplatePipeline.run(TemplateOptions(
            plan: URL(fileURLWithPath: planOptions.plan), year: year, out: URL(fileURLWithPath: out),
            layout: try planOptions.loadLayout()))
        DiagnosticPrinter.print(outcome.diagnostics.filter { $0.severity != .info })
        if let refusal = outcome.refusal {
            FileHandle.standardError.write(Data((refusal + "\n").utf8))
            throw ExitCode(1)
        }
        print("提出票 \(outcome.written.count)部署（\(year.label)）: \(out)")
        for file in outcome.written { print("  " + file.lastPathComponent) }
    }
}
