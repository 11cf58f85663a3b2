import Foundation
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
}
