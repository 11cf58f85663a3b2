import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit
import TableIO

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merges the departments' files into the official workbook and the open-data CSV files.")

    @Argument(help: "Folders (or files) holding the departments' .xlsx/.csv/.tsv submissions.")
    var inbox: [String]

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: "The fiscal year: 2020, FY2020, R2, 令和2年度 …")
    var year: FiscalYear

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Option(name: .long, help: "Last year's summary.csv (or official workbook) for the previous-year column; repeat it for earlier years of the term.")
    var previous: [String] = []

    @Option(name: .long, help: "A folder of the term's earlier summary.csv files or official workbooks (every year is shown).")
    var history: [String] = []

    @Option(name: .long, help: "Encoding of the CSV files: utf-8, utf-8-bom or cp932.")
    var csvEncoding: CSVEncoding = .utf8BOM

    @Flag(name: .long, help: "Treat warnings as errors: write nothing if there is any.")
    var strict = false

    func validate() throws {
        guard !inbox.isEmpty else { throw ValidationError("提出ファイルのフォルダを指定してください。") }
        try planOptions.validatePlan()
        guard [.utf8, .utf8BOM, .cp932].contains(csvEncoding) else {
            throw ValidationError("--csv-encoding は utf-8、utf-8-bom、cp932 のいずれかです。")
        }
        for file in previous where !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("前年度のファイル \(file) が見つかりません。")
        }
        for folder in history where !FileManager.default.fileExists(atPath: folder) {
            throw ValidationError("過去の年度のフォルダ \(folder) が見つかりません。")
        }
    }

    func run() throws {
        var options = MergeOptions(
            inboxes: inbox.map { URL(fileURLWithPath: $0) }, plan: URL(fileURLWithPath: planOptions.plan), year: year,
            out: URL(fileURLWithPath: out), previous: previous.count == 1 ? URL(fileURLWithPath: previous[0]) : nil,
            layout: try planOptions.loadLayout(), csvEncoding: csvEncoding, strict: strict)
        // One --previous is last year's file; several are the term's years, each read for the year it shows.
        options.history = (previous.count > 1 ? previous : []).map { URL(fileURLWithPath: $0) }
            + history.map { URL(fileURLWithPath: $0) }
        let outcome = MergePipeline.run(options, progress: ProgressLine())
        DiagnosticPrinter.print(outcome.diagnostics.filter { $0.severity != .info })
        if let reconciliation = outcome.reconciliation {
            print("読み込み: \(reconciliation.countedFiles.count)ファイル（置き換え \(reconciliation.supersededFiles.count)）、"
                + "\(reconciliation.rowsRead)行（集計 \(reconciliation.activities.count)、空行・対象外 \(reconciliation.rowsSkipped)、"
                + "エラー \(reconciliation.rowsRead - reconciliation.activities.count - reconciliation.rowsSkipped)）")
        }
        let counts = Diagnostic.Severity.allCases.map { severity in
            "\(severity.japanese) \(outcome.diagnostics.filter { $0.severity == severity }.count)"
        }
        print("照合結果: " + counts.joined(separator: "、"))
        if let refusal = outcome.refusal {
            FileHandle.standardError.write(Data((refusal + "\n").utf8))
            throw ExitCode(1)
        }
        if let model = outcome.model, let overall = model.progress.overall {
            print("\(model.year.label) 全体の進捗: \(overall.formatted(digits: model.layout.averaging.overallDigits))%")
        }
        print("書き出し: " + outcome.written.map(\.path).joined(separator: "\n          "))
    }
}
