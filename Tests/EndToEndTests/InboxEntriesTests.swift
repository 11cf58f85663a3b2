import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PledgeKit
import Testing

/// Issue 28: every entry of an inbox is read or named with the reason it is not, and a folder too
/// big to be an inbox (a link to `/`) is refused at once by `check` as by `merge`.
@Suite struct InboxEntriesTests {
    static let submission = "部署名,財政課\r\n年度,令和2年度\r\n\r\n施策ID,施策内容,取組事業内容,評価\r\nⅠ-1-2,,財政指標を公表しました,7\r\n"

    static func scratch() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("plan.csv", XLSXMergeTests.plan)
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        return scratch
    }

    @Test func aLinkToTheRootIsRefusedAtOnceByCheckAndMerge() throws {
        let scratch = try Self.scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: "/")
        let check = try PledgeKitBinary.run(["check", scratch.path("link"), "--plan", scratch.path("plan.csv")])
        let merge = try PledgeKitBinary.run(["merge", scratch.path("link"), "--plan", scratch.path("plan.csv"),
                                             "--year", "2020", "--out", scratch.path("out")])
        for (command, result, role) in [("check", check, "確認するフォルダ"), ("merge", merge, "提出フォルダ")] {
            #expect(result.status == 64, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("\(role) \(scratch.path("link")) の中身が多すぎます（ファイルとフォルダが20,000件を超えています）。"),
                    "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    /// audit reads its inbox without merge's refusal first: the link to `/` is an error there, not
    /// an inbox with nothing in it (which would check the report against no files at all).
    @Test func aLinkToTheRootIsAnErrorInAudit() throws {
        let scratch = try Self.scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: "/")
        let audit = try InProcess.audit(PledgeKitBinary.sample("published/tomakomai-fy2020-published.xlsx"), [scratch.path("link")],
                                        plan: PledgeKitBinary.sample("tomakomai/plan.csv"), year: "令和2年度")
        #expect(audit.status == .dataErrors)
        #expect(audit.errorLines == ["エラー \(scratch.path("link")): 提出フォルダ \(scratch.path("link")) の中身が多すぎます（ファイルとフォルダが20,000件を超えています）。"
                                     + "提出ファイルを入れたフォルダを指定してください（/ やホームフォルダなどの大きなフォルダ、またはそこへのリンクを指定していないか確かめてください）。"])
    }

    @Test func aHiddenDepartmentFileIsReadAndSystemFilesAreNamed() throws {
        let scratch = try Self.scratch()
        try scratch.write("inbox/.財政課.csv", Self.submission)
        for name in [".DS_Store", "Thumbs.db", "~$行政監理室.xlsx", "._財政課.csv", "__MACOSX/._財政課.csv", ".git/config"] {
            try scratch.write("inbox/" + name, "\u{0}\u{5}\u{16}\u{7}")
        }
        let merge = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        #expect(merge.status == .success, "\(merge.problems)")
        #expect(merge.report.reconciliation?.activities.map(\.activity.text) == ["財政指標を公表しました"])
        let named = merge.diagnostics.filter { $0.code == .fileIgnored }.map { "\($0.severity) \($0.location?.file ?? "")" }
        #expect(named == ["info .DS_Store", "info .git", "info Thumbs.db", "info __MACOSX", "info ._財政課.csv", "info ~$行政監理室.xlsx"].sorted(),
                "\(merge.problems)")
        #expect(!merge.diagnostics.contains { $0.location?.file == ".財政課.csv" })
    }

    /// A department's file in a hidden folder (a copy tool's `.old/`) is not read, and the folder is
    /// a warning naming it, so that the department shown as 未提出 is explained on the terminal.
    @Test func aHiddenFolderHoldingDepartmentFilesIsAWarning() throws {
        let scratch = try Self.scratch()
        try scratch.write("inbox/財政課.csv", Self.submission)
        try scratch.write("inbox/.old/交通課.csv", Self.submission)
        let merge = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        let named = merge.diagnostics.filter { $0.code == .fileIgnored }.map(\.line)
        #expect(named == ["警告 .old: 隠しフォルダ（名前が「.」で始まる）の中に提出ファイルらしいもの（交通課.csv）がありますが、読み込みません。集計に使うなら、提出フォルダに移してください。"],
                "\(merge.problems)")
    }

    @Test func anInboxWithOnlyAnXLSNamesIt() throws {
        let scratch = try Self.scratch()
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: URL(fileURLWithPath: scratch.path("inbox/財政課.xls")))
        try scratch.write("inbox/.DS_Store", "x")
        let merge = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        #expect(merge.status == .usage)
        #expect(merge.refusal == "提出フォルダ \(scratch.path("inbox")) に読み込めるファイル（.xlsx・.csv・.tsv）がありません。見つかったもの: "
                + ".DS_Store（macOSがフォルダの表示設定を保存するファイル(.DS_Store)です。提出ファイルではないため読み込みません。）、"
                + "財政課.xls（Excel 97-2003形式(.xls)は読めません。Excelで.xlsx形式(Excelブック)として保存し直してください。）。"
                + "各課の提出ファイルを入れてから実行してください（前回の出力はそのまま残しています）。")
    }

    /// `pledgekit check` run by the shell, which passes the name's bytes as they are: 住宅課.csv in CP932.
    static func checkCP932Name(in scratch: Scratch, name: String) throws -> PledgeKitBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "cd \"$1\" && exec \"$2\" check \"inbox/$(printf '\(name)')\" --plan plan.csv",
                             "sh", scratch.url.path, PledgeKitBinary.executable.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile(), errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PledgeKitBinary.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                      stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func checkFindsAFileWhoseNameIsNotUTF8ByItsOwnBytes() throws {
        let scratch = try Self.scratch()
        let name: [UInt8] = Array("住宅課.csv".data(using: .shiftJIS)!)
        let path = Array(scratch.path("inbox").utf8) + [UInt8(ascii: "/")] + name
        let descriptor = (path + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o600) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let message = "\\x8FZ\\x91\\xEE\\x89\\xDB.csv: ファイル名の文字コードがUTF-8ではないため読み込みません（CP932として読むと「住宅課.csv」）。"
        let octal = name.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\" + String($0, radix: 8) }.joined()
        let check = try Self.checkCP932Name(in: scratch, name: octal)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.contains("エラー " + message), "\(check.stderr)")
        #expect(!check.stderr.contains("見つかりません"))
        // merge names the same file the same way, found in the folder.
        let merge = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        #expect(merge.errorLines == ["エラー " + message
                                     + "Windowsで作ったZIPを文字コードを指定せずに展開するとこうなります。ZIPを文字コードCP932（Shift_JIS）を指定して展開し直してください（例: unzip -O cp932）。"])
        // A name of the same kind that is not there is still not found (a usage error).
        let missing = try Self.checkCP932Name(in: scratch, name: "\\217Z.csv")
        #expect(missing.status == 64, "\(missing.stderr)")
        #expect(missing.stderr.contains("inbox/\\x8FZ.csv が見つかりません。"), "\(missing.stderr)")
    }
}
