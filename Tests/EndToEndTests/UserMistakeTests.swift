import Foundation
import PledgeKit
import Testing

/// The mistakes a new planning-office user really makes (issue 12): the exact outcome (the exit
/// status through the binary), the Japanese message naming the file and cell or the folder, and the
/// out folder exactly as the last run left it. The pipeline is called in-process; the binary is run
/// for what only the command line does (argument checks, help, printed order and grouping).
@Suite struct UserMistakeTests {
    static let lastRun = "last run\r\n"

    /// A scratch folder with the Tomakomai plan (its header edited by `header`), a copy of its
    /// inbox, and an out folder holding last run's summary.csv.
    static func setUp(header: (String) -> String = { $0 }) throws -> Scratch {
        let scratch = try Scratch()
        var plan = try String(contentsOfFile: PledgeKitBinary.sample("tomakomai/plan.csv"), encoding: .utf8)
        let firstLineEnd = plan.firstIndex(where: \.isNewline)!
        plan = header(String(plan[..<firstLineEnd])) + plan[firstLineEnd...]
        try scratch.write("plan.csv", plan)
        try FileManager.default.copyItem(atPath: PledgeKitBinary.sample("tomakomai/inbox"), toPath: scratch.path("inbox"))
        try scratch.write("out/summary.csv", lastRun)
        return scratch
    }

    static func merge(_ scratch: Scratch, inbox: String = "inbox", out: String = "out") throws -> MergeOutcome {
        try InProcess.merge(scratch.path(inbox), plan: scratch.path("plan.csv"), year: "令和2年度", out: scratch.path(out))
    }

    /// A run refused before anything is read: its one message, no diagnostics, nothing read.
    static func expectRefused(_ result: MergeOutcome, _ status: OutcomeStatus, _ message: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, sourceLocation: sourceLocation)
        #expect(result.refusal == message, sourceLocation: sourceLocation)
        #expect(result.diagnostics.isEmpty && result.report.reconciliation == nil, sourceLocation: sourceLocation)
    }

    static func expectOutUntouched(_ scratch: Scratch, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")) == ["summary.csv"], sourceLocation: sourceLocation)
        #expect(try scratch.read("out/summary.csv") == lastRun, sourceLocation: sourceLocation)
    }


    // MARK: A typo in a plan header: one clear message, nothing else

    @Test(arguments: [
        ("担当部署", "担当部所", "G1", "担当部署"),
        ("施策,", "施作,", "F1", "施策"),
        ("公約番号", "公約番", "C1", "公約番号"),
    ])
    func misspeltPlanHeader(right: String, typo: String, cell: String, suggestion: String) throws {
        let scratch = try Self.setUp { $0.replacingOccurrences(of: right, with: typo) }
        let result = try Self.merge(scratch)
        #expect(result.status == .dataErrors)
        let name = typo.trimmingCharacters(in: CharacterSet(charactersIn: ","))
        #expect(result.errorLines == [
            "エラー plan.csv!\(cell): 見出し「\(name)」は計画の列にありません（もしかして: \(suggestion)）。見出しを直してください。",
        ], "\(result.problems)")
        #expect(!result.problems.contains("2回あります"))
        #expect(result.severityCounts == [1, 0, 0])
        #expect(result.report.reconciliation == nil)
        #expect(result.refusal == "計画ファイルを読めないため、何も書き出していません。")
        try Self.expectOutUntouched(scratch)
    }

    @Test func officesOwnPlanColumnsAreKeptOutWithOneNote() throws {
        // Issue 28: a plan as offices keep it, with a budget, the department in charge and last year's figure.
        let scratch = try Scratch()
        try scratch.write("plan.csv", """
        基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署,予算額（千円）,所管部,令和元年度進捗率,担当者
        Ⅰ,行革を進めます,1,計画を策定します,1,行革プランを実行します,・行政監理室,987654321,総務部,73.5,山田
        Ⅰ,行革を進めます,1,計画を策定します,2,財政指標を管理します,・財政課,987654321,総務部,73.5,山田

        """)
        try scratch.write("inbox/財政課.csv", InboxEntriesTests.submission)
        let result = try Self.merge(scratch)
        #expect(result.status == .success, "\(result.problems)")
        let notes = result.diagnostics.filter { $0.code == .columnIgnored }
        #expect(notes.map(\.line) == ["情報 plan.csv!1:1: 見出し「予算額（千円）」「所管部」「令和元年度進捗率」「担当者」は計画の列ではないため、事務局の列として読み込みません（集計にも公表にも使いません）。"
                                     + "計画の列は 基本政策番号・基本政策・公約番号・公約・施策番号・施策・担当部署・備考 です。"])
        for name in try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")) where name.hasSuffix(".csv") && name != "reconciliation.csv" {
            #expect(!(try scratch.read("out/" + name)).contains("987654321"), "\(name)")
            #expect(!(try scratch.read("out/" + name)).contains("総務部"), "\(name)")
        }
        // A near miss of a heading the plan already has is still a typo, not the office's own column.
        let typo = try Self.setUp { $0 + ",担当部所" }
        let refused = try Self.merge(typo)
        #expect(refused.status == .dataErrors)
        #expect(refused.errorLines.contains { $0.contains("見出し「担当部所」は計画の列にありません（もしかして: 担当部署）") }, "\(refused.problems)")
    }

    @Test func missingRequiredPlanColumn() throws {
        let scratch = try Self.setUp()
        try scratch.write("plan.csv", """
        基本政策番号,基本政策,公約番号,公約,施策番号,施策
        Ⅰ,行革を進めます,1,計画を策定します,1,行革プランを実行します

        """)
        let result = try Self.merge(scratch)
        #expect(result.status == .dataErrors)
        #expect(result.errorLines == ["エラー plan.csv!1:1: 計画に「担当部署」の列がありません。見出し行に加えてください。"], "\(result.problems)")
        try Self.expectOutUntouched(scratch)
    }

    @Test func planDuplicateAndEmptyTitleNameTheirCells() throws {
        let scratch = try Self.setUp()
        try scratch.write("plan.csv", """
        基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署
        Ⅰ,行革を進めます,1,計画を策定します,1,行革プランを実行します,行政監理室
        Ⅰ,行革を進めます,1,計画を策定します,1,財政指標を管理します,財政課
        Ⅰ,行革を進めます,2,,1,,財政課

        """)
        let result = try Self.merge(scratch)
        #expect(result.status == .dataErrors)
        #expect(result.errorLines == [
            "エラー plan.csv!E3: 番号 I-1-1 が計画に2回あります（最初は 2行目）。番号を直すか、どちらかの行を消してください。",
            "エラー plan.csv!D4: I-2 の「公約」が空です。内容を入力してください。",
            "エラー plan.csv!F4: I-2-1 の「施策」が空です。内容を入力してください。",
        ], "\(result.problems)")
        try Self.expectOutUntouched(scratch)
    }

    // MARK: Inbox and out folder, checked before anything is read

    @Test func emptyInboxIsRefused() throws {
        let scratch = try Self.setUp()
        try FileManager.default.createDirectory(atPath: scratch.path("empty"), withIntermediateDirectories: true)
        try scratch.write("empty/メモ.txt", "not a submission")
        Self.expectRefused(try Self.merge(scratch, inbox: "empty"), .usage,
            "提出フォルダ \(scratch.path("empty")) に読み込めるファイル（.xlsx・.csv・.tsv）がありません。"
            + "見つかったもの: メモ.txt（対象外のファイルです（.xlsx・.csv・.tsvのみ読み込みます）。）。"
            + "各課の提出ファイルを入れてから実行してください（前回の出力はそのまま残しています）。")
        try Self.expectOutUntouched(scratch)
    }

    @Test func missingInboxIsAUsageError() throws {
        let scratch = try Self.setUp()
        Self.expectRefused(try Self.merge(scratch, inbox: "受信箱"), .usage,
            "提出フォルダ \(scratch.path("受信箱")) が見つかりません。フォルダの場所と名前を確かめてください。")
        try Self.expectOutUntouched(scratch)
    }

    @Test func outThatIsAFileIsRefusedBeforeTheMerge() throws {
        let scratch = try Self.setUp()
        try scratch.write("出力.csv", "keep")
        Self.expectRefused(try Self.merge(scratch, out: "出力.csv"), .cannotWrite,
            "出力先 \(scratch.path("出力.csv")) はファイルです。出力先には出力用のフォルダ（まだないフォルダでも可）を指定してください。")
        #expect(try scratch.read("出力.csv") == "keep")
        try Self.expectOutUntouched(scratch)
    }

    @Test func outUnderAFileCannotBeWritten() throws {
        let scratch = try Self.setUp()
        try scratch.write("出力.csv", "keep")
        Self.expectRefused(try Self.merge(scratch, out: "出力.csv/2020"), .cannotWrite,
            "出力先 \(scratch.path("出力.csv/2020")) に書き出せません（\(scratch.path("出力.csv")) がフォルダではなくファイルです）。出力先を確かめてください。")
        try Self.expectOutUntouched(scratch)
    }

    /// A folder nobody may write into (sysfs refuses new entries, even to root) is refused
    /// before the merge reads anything.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel")))
    func unwritableOutIsRefusedBeforeTheMerge() throws {
        let scratch = try Self.setUp()
        let result = try PledgeKitBinary.run(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"), "--year", "R2",
                                              "--out", "/sys/pledgekit-out"])
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("エラー 出力先 /sys/pledgekit-out に書き出せません（/sys: "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("）。出力先には書き込めるフォルダを指定してください。\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func outInsideTheInboxIsRefused() throws {
        let scratch = try Self.setUp()
        Self.expectRefused(try Self.merge(scratch, out: "inbox/out"), .usage,
            "出力先 \(scratch.path("inbox/out")) が提出フォルダ \(scratch.path("inbox")) の中にあります。次の実行で出力が提出ファイルとして読まれるため、出力先には提出フォルダの外を指定してください。")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("inbox/out")))
        try Self.expectOutUntouched(scratch)
    }

    @Test func inboxInsideTheOutFolderIsRefused() throws {
        let scratch = try Self.setUp()
        try FileManager.default.moveItem(atPath: scratch.path("inbox"), toPath: scratch.path("out/inbox"))
        Self.expectRefused(try Self.merge(scratch, inbox: "out/inbox"), .usage,
            "提出フォルダ \(scratch.path("out/inbox")) が出力先 \(scratch.path("out")) の中にあります。出力先は書き換えられるため、出力先には別のフォルダを指定してください。")
        #expect(try scratch.read("out/summary.csv") == Self.lastRun)
    }

    @Test func templateOutThatIsAFile() throws {
        let scratch = try Self.setUp()
        let result = try PledgeKitBinary.run(["template", "--plan", scratch.path("plan.csv"), "--year", "R2",
                                              "--out", scratch.path("out/summary.csv")])
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("エラー 出力先 \(scratch.path("out/summary.csv")) はファイルです。"))
        try Self.expectOutUntouched(scratch)
    }

    @Test func checkOfAMissingFileIsAUsageError() throws {
        let result = try PledgeKitBinary.run(["check", "行政監理室.xlsx", "--plan", PledgeKitBinary.sample("tomakomai/plan.csv")])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("エラー "))
        #expect(result.stderr.contains("行政監理室.xlsx が見つかりません。ファイルの場所と名前を確かめてください。"))
    }

    // MARK: Japanese where a clerk reads

    @Test(arguments: [
        (["merge", "inbox", "--year", "R2", "--out", "out"], "エラー オプション --plan を指定してください。\n使い方は pledgekit merge --help で表示します。\n"),
        (["merge", "inbox", "--plan", "Samples/tomakomai/plan.csv", "--year", "R99x", "--out", "out"],
         "エラー --year の値「R99x」を年度として読めません（例: 2020、FY2020、R2、令和2年度）。\n使い方は pledgekit merge --help で表示します。\n"),
        (["merge", "inbox", "--plan", "Samples/tomakomai/plan.csv", "--year", "R2", "--out", "out", "--strcit"],
         "エラー 不明なオプション --strcit があります（もしかして: --strict）。\n使い方は pledgekit merge --help で表示します。\n"),
        (["merge", "inbox", "--plann", "Samples/tomakomai/plan.csv", "--year", "R2", "--out", "out"],
         "エラー 不明なオプション --plann があります（もしかして: --plan）。\n使い方は pledgekit merge --help で表示します。\n"),
        (["merge", "--plan", "Samples/tomakomai/plan.csv", "--year", "R2", "--out", "out"],
         "エラー 提出ファイルのフォルダを指定してください（例: pledgekit merge 提出/ …）。\n使い方は pledgekit merge --help で表示します。\n"),
        (["merge", "inbox", "--plan", "計画.csv", "--year", "R2", "--out", "out"],
         "エラー 計画ファイル 計画.csv が見つかりません。ファイルの場所と名前を確かめてください。\n"),
        (["template", "--plan", "Samples/tomakomai/plan.csv", "--out", "out"],
         "エラー オプション --year を指定してください。\n使い方は pledgekit template --help で表示します。\n"),
        (["mrege"], "エラー 余分な引数「mrege」があります（コマンドは merge・check・template・audit・serve）。\n使い方は pledgekit --help で表示します。\n"),
    ])
    func usageErrorsAreJapanese(arguments: [String], message: String) throws {
        let result = try PledgeKitBinary.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == message)
        #expect(!result.stderr.contains("Error:") && !result.stderr.contains("USAGE"))
    }

    @Test(arguments: ["merge", "check", "template"])
    func helpIsJapanese(command: String) throws {
        let result = try PledgeKitBinary.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("終了ステータス: 0 成功"))
        #expect(result.stdout.contains("  --plan <計画ファイル>  "))
    }

    @Test func versionIsPrinted() throws {
        let result = try PledgeKitBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("pledgekit "))
    }

    /// Diagnostics on stderr, results on stdout, in the order they happened, also when both go
    /// to one pipe (`2>&1`): the refusal comes after the summary lines.
    @Test func oneStreamKeepsTheOrder() throws {
        let scratch = try Self.setUp()
        let file = scratch.url.appendingPathComponent("inbox/財政課.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: ",9,", with: ",11,").write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = PledgeKitBinary.executable
        process.arguments = ["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"), "--year", "R2", "--out", scratch.path("out")]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(lines == [
            "エラー 財政課.csv!D6: 評価は0〜10の整数で入力してください（入力値: 11）",
            "読み込み: 40ファイル（置き換え 0）、102行（集計 101、空行・対象外 0、エラー 1）",
            "照合結果: エラー 1、警告 0、情報 0",
            "エラーが1件あるため、何も書き出していません。",
        ])
        // The rejected row's measure is not reported again as unreported (未提出).
        #expect(!lines.contains { $0.contains("未提出") })
        try Self.expectOutUntouched(scratch)
    }

    // MARK: Floods

    /// `--year R3` on a 令和2年度 inbox: the year asked for is what is wrong, said once (it was 40
    /// errors and 90 warnings), and nothing is written.
    @Test func aWrongYearCommonToEveryFileIsOneLine() throws {
        let scratch = try Self.setUp()
        let result = try PledgeKitBinary.run(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"),
                                              "--year", "R3", "--out", scratch.path("out")])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "エラー 40ファイルすべての年度が令和2年度です。集計する年度（令和3年度）の指定を確かめてください。何も書き出していません。\n")
        try Self.expectOutUntouched(scratch)
    }

    /// One file of last year among this year's is that file's mistake, named at its cell.
    @Test func aWrongYearInOneFileIsThatFilesError() throws {
        let scratch = try Self.setUp()
        let file = scratch.url.appendingPathComponent("inbox/財政課.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "年度,令和2年度", with: "年度,令和元年度").write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.merge(scratch)
        #expect(result.status == .dataErrors)
        #expect(result.errorLines == ["エラー 財政課.csv!B2: 年度が令和元年度になっていますが、集計する年度は令和2年度です。年度欄を直すか、このファイルを取り除いてください（集計する年度の指定も確認してください）。"])
        #expect(result.refusal == "エラーが1件あるため、何も書き出していません。")
        try Self.expectOutUntouched(scratch)
    }

    /// Every file says the same other year, but one file cannot be read: its error comes first, the
    /// files are not all there to agree on.
    @Test func aWrongYearSharedByTheFilesAlsoNamesWhatIsUnreadable() throws {
        let scratch = try Self.setUp()
        try scratch.write("inbox/壊れた.xlsx", "not a zip")
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "R3", out: scratch.path("out"))
        #expect(result.status == .dataErrors)
        #expect(result.errorLines.contains { $0.hasPrefix("エラー 壊れた.xlsx") })
        try Self.expectOutUntouched(scratch)
    }


    @Test func oneMisnamedDepartmentOnAThousandRowsIsGrouped() throws {
        let scratch = try Self.setUp()
        let rows = (1...1000).map { "Ⅰ-1-1,,研修\($0)を実施しました,5\n" }.joined()
        try scratch.write("inbox/財政科.csv", "部署名,財政科\n年度,令和2年度\n\n施策ID,施策内容,取組事業内容,評価\n" + rows)
        try FileManager.default.removeItem(atPath: scratch.path("out"))
        let result = try PledgeKitBinary.run(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"), "--year", "令和2年度",
                                              "--out", scratch.path("out")])
        #expect(result.status == 0)
        // The diagnostics, then the notice that this layout-less run names no municipality (issue 28).
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 7, "\(result.stderr.prefix(2000))")
        #expect(lines.first == "警告 財政科.csv!A5: 財政科は計画上、施策 I-1-1 の担当部署ではありません（集計には含めます）。部署名の誤りでは？（もしかして: 財政課）")
        #expect(lines.dropLast().last == "警告 …同じ種類がほかに995件あります（財政科.csv A10、A11、A12、A13、A14 …）。")
        #expect(lines.last?.hasPrefix("注意 オープンデータに自治体コード") == true)
        // The file keeps every row.
        let rowsInCSV = try scratch.csv("out/reconciliation.csv").filter { $0["code"] == "department.unassigned" }
        #expect(rowsInCSV.count == 1000)
    }
}
