import ArgumentParser
import Foundation
import PledgeCore
import PledgeKit

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks a published report (official workbook, hand-made or ours, or summary.csv) for figures that disagree.",
        discussion: """
        公表済みの報告書の数値を点検します: 各数値を配下の数値から平均の規則で計算し直した値、別の表に印刷された同じ数値、
        提出ファイル（INBOX）を指定したときはそこから計算し直した値と比べ、合わないものを1件1行で示します。
        Exit status: 0 no findings; 1 findings (or the report, plan or inbox could not be read); 64 usage error;
        73 the findings CSV cannot be written.
        """)

    @Argument(help: "The published report (.xlsx or summary.csv), then optionally the departments' files it was made from.")
    var files: [String]

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: "The fiscal year the report is for: 2020, FY2020, R2, 令和2年度 …")
    var year: FiscalYear

    @Option(name: .long, help: "Where to write the findings CSV: a file, or a folder (audit-findings.csv in it).")
    var out: String?

    func validate() throws {
        guard let published = files.first else { throw ValidationError("点検する報告書（.xlsx または summary.csv）を指定してください。") }
        try planOptions.validatePlan()
        for path in files where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError(path == published ? "報告書 \(path) が見つかりません。" : "提出ファイルのフォルダ \(path) が見つかりません。")
        }
    }

    func run() throws {
        let outcome = AuditPipeline.run(AuditOptions(
            published: URL(fileURLWithPath: files[0]), plan: URL(fileURLWithPath: planOptions.plan), year: year,
            inboxes: files.dropFirst().map { URL(fileURLWithPath: $0) }, layout: try planOptions.loadLayout()))
        DiagnosticPrinter.print(outcome.diagnostics.filter { $0.severity != .info })
        if let refusal = outcome.refusal {
            FileHandle.standardError.write(Data((refusal + "\n").utf8))
            throw ExitCode(AuditExit.status(outcome, csvWritten: true))
        }
        for finding in outcome.findings { print("指摘 " + finding.line) }
        print("点検: 数値 \(outcome.figuresChecked)件、指摘 \(outcome.findings.count)件"
            + (files.count > 1 ? "（提出ファイルから計算し直した値とも照合）" : ""))
        var csvWritten = true
        if let out {
            do {
                let written = try write(outcome.findings, to: URL(fileURLWithPath: out))
                print("書き出し: \(written.path)")
            } catch {
                FileHandle.standardError.write(Data("指摘一覧を書き出せません（\(out)）: \(error)\n".utf8))
                csvWritten = false
            }
        }
        let status = AuditExit.status(outcome, csvWritten: csvWritten)
        if status != 0 { throw ExitCode(status) }
    }

    /// A folder gets `audit-findings.csv`; anything else is the file itself. Written whole or not at all.
    private func write(_ findings: [AuditFinding], to url: URL) throws -> URL {
        var isDirectory: ObjCBool = false
        let target = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url.appendingPathComponent("audit-findings.csv") : url
        try AuditPipeline.findingsCSV(findings).write(to: target, options: .atomic)
        return target
    }
}

/// The audit's exit status in one place, to be folded into the common mapping of all commands:
/// 73 the findings could not be written; 1 findings, or nothing could be checked; 0 otherwise.
enum AuditExit {
    static func status(_ outcome: AuditOutcome, csvWritten: Bool) -> Int32 {
        if !csvWritten { return 73 }
        return outcome.refusal != nil || !outcome.findings.isEmpty ? 1 : 0
    }
}
