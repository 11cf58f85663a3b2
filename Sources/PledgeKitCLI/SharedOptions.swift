import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit
import TableIO

struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("計画（公約体系）のファイル。CSVまたはXLSX、1行に1施策。", valueName: "計画ファイル"))
    var plan: String

    @Option(name: .long, help: ArgumentHelp("layout.yaml を入れたレイアウトのフォルダ（省略時は苫小牧市の様式: 0〜10の評価。5段階・区分・記号・成果指標などの評価方式は templates/README.md）。", valueName: "フォルダ"))
    var layout: String?

    /// The layout, or a refusal with exit 78 naming the file and the problem.
    func loadLayout() throws(Refusal) -> ReportLayout {
        try ReportLayout.resolve(layout.map { URL(fileURLWithPath: $0) })
    }

    var planURL: URL { URL(fileURLWithPath: plan) }
}

/// `--json`: the outcome as documented JSON on stdout (docs/json.md) instead of the lines a clerk reads.
struct OutputFormatOptions: ParsableArguments {
    @Flag(name: .long, help: "結果を JSON で標準出力に書きます（項目は docs/json.md）。終了ステータスは同じです。")
    var json = false

    /// The progress line on a terminal's stderr; none with `--json`, whose stdout is for a program.
    var progressLine: ProgressLine { ProgressLine(enabled: !json && isatty(STDERR_FILENO) == 1) }
}

extension FiscalYear: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension CSVEncoding: ExpressibleByArgument {
    /// What `--csv-encoding` takes: the open data is never written as UTF-16 (only read from it).
    public static var allValueStrings: [String] { [CSVEncoding.utf8, .utf8BOM, .cp932].map(\.rawValue) }
}
