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
    func loadLayout() throws -> ReportLayout {
        guard let layout else { return .tomakomai }
        do {
            return try ReportLayout.load(directory: URL(fileURLWithPath: layout))
        } catch let error as LayoutError {
            throw Refusal(.invalidLayout, error.description)
        }
    }

    func validatePlan() throws {
        guard FileManager.default.fileExists(atPath: plan) else {
            throw ValidationError("計画ファイル \(plan) が見つかりません（--plan）。ファイルの場所と名前を確かめてください。")
        }
    }
}

extension FiscalYear: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension CSVEncoding: ExpressibleByArgument {}
