import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit
import TableIO

struct PlanOptions: ParsableArguments {
    @Option(name: .long, help: "The plan (公約体系): CSV or XLSX, one row per measure.")
    var plan: String

    @Option(name: .long, help: "A layout folder holding layout.yaml (default: the Tomakomai report).")
    var layout: String?

    func loadLayout() throws -> ReportLayout {
        guard let layout else { return .tomakomai }
        do {
            return try ReportLayout.load(directory: URL(fileURLWithPath: layout))
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func validatePlan() throws {
        guard FileManager.default.fileExists(atPath: plan) else {
            throw ValidationError("計画ファイル \(plan) が見つかりません。")
        }
    }
}

extension FiscalYear: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension CSVEncoding: ExpressibleByArgument {}

/// Prints the diagnostics a department or the planning office reads, errors first.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.line + "\n").utf8))
        }
    }
}
