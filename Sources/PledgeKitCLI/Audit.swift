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
        指摘が1件でもあれば（または報告書・計画・提出ファイルを読めなければ）終了ステータスは1です。

        \(ExitStatus.table)
        """)

    @Argument(help: ArgumentHelp("点検する報告書（.xlsx または summary.csv）、続けて（任意で）その元になった各課の提出フォルダ。", valueName: "報告書 [提出フォルダ]"))
    var files: [String] = []

    @OptionGroup var planOptions: PlanOptions

    @Option(name: .long, help: ArgumentHelp("報告書の年度: 2020、FY2020、R2、令和2年度 など。", valueName: "年度"))
    var year: FiscalYear

    @Option(name: .long, help: ArgumentHelp("指摘一覧CSVの書き出し先: ファイル、またはフォルダ（中に audit-findings.csv）。", valueName: "ファイル"))
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
        Terminal.diagnostics(outcome.diagnostics)
        if let refusal = outcome.refusal {
            Terminal.problem(refusal)
            throw ExitCode(ExitStatus.code(for: AuditExit.status(outcome, csvWritten: true)))
        }
        for finding in outcome.findings { Terminal.result("指摘 " + finding.line) }
        Terminal.result("点検: 数値 \(outcome.figuresChecked)件、指摘 \(outcome.findings.count)件"
            + (files.count > 1 ? "（提出ファイルから計算し直した値とも照合）" : ""))
        var csvWritten = true
        if let out {
            do {
                let written = try write(outcome.findings, to: URL(fileURLWithPath: out))
                Terminal.result("書き出し: \(written.path)")
            } catch {
                Terminal.problem("エラー 指摘一覧を \(out) に書き出せません（\(OutputLocation.reason(of: error))）。")
                csvWritten = false
            }
        }
        throw ExitCode(ExitStatus.code(for: AuditExit.status(outcome, csvWritten: csvWritten)))
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

/// The audit's outcome status (ExitStatus maps it to the exit status, as for every command):
/// cannot write the findings; findings, or nothing could be checked, are data errors; else success.
enum AuditExit {
    static func status(_ outcome: AuditOutcome, csvWritten: Bool) -> OutcomeStatus {
        if !csvWritten { return .cannotWrite }
        return outcome.refusal != nil || !outcome.findings.isEmpty ? .dataErrors : .success
    }
}
