import Foundation
import Testing

/// Hostile and absurd department files and inboxes (issue 16, the input side), made here while the
/// test runs (never committed), through `check` and `merge` as a user runs them: each ends with
/// exit 1 (never a signal), a Japanese message naming the file and the row or cell, nothing
/// written, and the child's own peak memory (wait4) far under 1 GB. Nothing here reads a clock.
@Suite struct HostileInputTests {
    static let plan = XLSXMergeTests.plan
    /// Peak RSS allowed a child, in KB: measured 30–60 MB for each case here (debug build).
    static let peakLimitKB = 300_000

    /// A submission of 財政課 (measure I-1-2) with `rows` under the header, as Excel saves CSV.
    static func submission(date: String = "2021/4/20", rows: [String] = ["Ⅰ-1-2,,財政指標を公表しました,7"]) -> String {
        (["部署名,財政課", "提出日,\(date)", "", "施策ID,施策内容,取組事業内容,評価"] + rows).joined(separator: "\r\n") + "\r\n"
    }

    struct Run {
        let scratch: Scratch
        let check: MeasuredRun
        let merge: MeasuredRun
    }

    /// `check` on `file` (in the inbox) and `merge` of the inbox, after `prepare` has filled it.
    static func run(checking file: String = "財政課.csv", _ prepare: (Scratch) throws -> Void) throws -> Run {
        let scratch = try Scratch()
        try scratch.write("plan.csv", plan)
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        try prepare(scratch)
        let check = try MeasuredRun.pledgekit(["check", scratch.path("inbox/" + file), "--plan", scratch.path("plan.csv")])
        let merge = try MeasuredRun.pledgekit(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"),
                                               "--year", "2020", "--out", scratch.path("out")])
        return Run(scratch: scratch, check: check, merge: merge)
    }

    static func expectRefused(_ run: Run, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (command, result) in [("check", run.check), ("merge", run.merge)] {
            #expect(result.signal == nil, "\(command) ended by signal \(result.signal ?? 0)", sourceLocation: sourceLocation)
            #expect(result.status == 1, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(message), "\(command): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.peakKB < peakLimitKB, "\(command) peak \(result.peakKB) KB", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: run.scratch.path("out/summary.csv")), sourceLocation: sourceLocation)
    }

    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    // MARK: 1. CSV limits, enforced while streaming

    static let csvCases: [(String, @Sendable () -> [UInt8], String)] = [
        ("a million columns", { Array(String(repeating: "a,", count: 1_000_000).utf8) },
         "エラー 財政課.csv!XFD1: 1行目の列の数がExcelの上限16,384列（XFD列）を超えています。安全のため読み込みません。"),
        ("40 rows of 100,000 columns", { Array(String(repeating: String(repeating: "a,", count: 100_000) + "\r\n", count: 40).utf8) },
         "エラー 財政課.csv!XFD1: 1行目の列の数がExcelの上限16,384列（XFD列）を超えています。"),
        // The submission's 5 rows, then empty rows up to 1,048,577.
        ("row 1,048,577", { Array((submission() + String(repeating: "\r\n", count: 1_048_572)).utf8) },
         "エラー 財政課.csv!1048577:1048577: 行番号1,048,577がExcelの上限1,048,576行を超えています。"),
        // A valid file, but 4,000 times a department's: refused before reconciling (which took
        // 14.5 s and 1.3 GB in a release build), after reading alone.
        ("a million activity rows", { Array(submission(rows: (1...1_000_000).map { "Ⅰ-1-2,,取組\($0),7" }).utf8) },
         "エラー 財政課.csv!A250005: 取組の行が1,000,000行あり、1つのファイルの上限250,000行を超えています。安全のため、このファイルは読み込みません。"),
        ("a 12 MB cell", { Array(submission(rows: ["Ⅰ-1-2,,\"" + String(repeating: "x", count: 12_000_000) + "\",7"]).utf8) },
         "エラー 財政課.csv!C5: セルの文字数が12,000,000文字あり、Excelのセルの上限32,767文字を超えています。"),
    ]

    @Test(arguments: csvCases.map { ($0.0, $0.2) })
    func hostileCSVEndsAtItsLimit(name: String, message: String) throws {
        let make = try #require(Self.csvCases.first { $0.0 == name }).1
        let run = try Self.run { try Self.writeBytes(make(), to: $0.path("inbox/財政課.csv")) }
        Self.expectRefused(run, message)
    }

    @Test func sparseFourGigabyteCSVIsRefusedFromItsHeadAndSize() throws {
        for (head, message) in [("", "エラー 財政課.csv: CSVファイルではありません（バイナリデータを含んでいます）。"),
                                // 64 KB of text first: then the size is what refuses it.
                                (String(repeating: "部署名,財政課\r\n", count: 4000),
                                 "エラー 財政課.csv: ファイルが大きすぎます（4,294,967,296バイト、CSVの上限67,108,864バイト）。")] {
            let run = try Self.run { scratch in
                let path = scratch.path("inbox/財政課.csv")
                try scratch.write("inbox/財政課.csv", head)
                #expect(truncate(path, 4 << 30) == 0)  // sparse: 4 GiB on paper, a block on disk
            }
            Self.expectRefused(run, message)
            // Read: at most one 64 KB head, so the peak stays near an empty run's.
            #expect(run.merge.peakKB < 100_000, "peak \(run.merge.peakKB) KB")
        }
    }

    // MARK: 2. Encodings

    @Test func csvMixingUTF8AndCP932IsReadEachLineInItsOwnEncoding() throws {
        // A UTF-8 file with a CP932 line pasted in, and (the issue 28 case) a CP932 file with one
        // activity pasted as UTF-8 whose bytes are valid CP932 too (read as CP932: 遐比ｿｮ…).
        let run = try Self.run { scratch in
            let utf8 = Self.submission(rows: ["Ⅰ-1-2,,財政指標を公表しました,7", "Ⅰ-1-2,,決算を説明しました,8"])
            let pasted = "Ⅰ-1-2,,予算書を作成しました,6\r\n".data(using: .shiftJIS)!
            try Self.writeBytes(Array(utf8.utf8) + Array(pasted), to: scratch.path("inbox/財政課.csv"))
            let cp932 = Self.submission(rows: ["Ⅰ-1-1,,説明会を開催しました,6"]).replacingOccurrences(of: "財政課", with: "行政監理室")
            try Self.writeBytes(Array(cp932.data(using: .shiftJIS)!) + Array("Ⅰ-1-1,,".data(using: .shiftJIS)!)
                                + Array("研修を実施しました".utf8) + Array(",7\r\n".utf8), to: scratch.path("inbox/行政監理室.csv"))
        }
        for (command, result) in [("check", run.check), ("merge", run.merge)] {
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let activities = try String(contentsOfFile: run.scratch.path("out/activities.csv"), encoding: .utf8)
        for text in ["財政指標を公表しました", "決算を説明しました", "予算書を作成しました", "説明会を開催しました", "研修を実施しました"] {
            #expect(activities.contains(text), "\(text) in \(activities)")
        }
        #expect(!activities.contains("遐比"))
        // Each file is named, as information, with the line read in the other encoding.
        let notes = try run.scratch.csv("out/reconciliation.csv").filter { $0["code"] == "file.mixed_encoding" }
        #expect(notes.map { "\($0["severity"] ?? "") \($0["file"] ?? "") \($0["cell"] ?? "")" } == ["info 行政監理室.csv 6:6", "info 財政課.csv 7:7"])
    }

    // MARK: 3. Dates and numbers out of range

    @Test func submissionDateBeyondTheCalendarIsAnErrorWithItsCellNeverATrap() throws {
        let run = try Self.run(checking: "財政課2.csv") { scratch in
            try scratch.write("inbox/財政課.csv", Self.submission())
            try scratch.write("inbox/財政課2.csv", Self.submission(date: "R9223372036854775807/1/1"))
        }
        Self.expectRefused(run, "エラー 財政課2.csv!B2: 提出日「R9223372036854775807/1/1」を日付として読めません")
    }

    @Test func workbookDatesBeyondTheCalendarAreErrorsWithTheirCells() throws {
        // An Excel serial past 9999-12-31, and a t="d" time whose hours overflow any integer.
        for (cell, shown) in [("<c r=\"B2\"><v>2958466</v></c>", "2958466"),
                              ("<c r=\"B2\" t=\"d\"><v>2021-04-20T99999999999999999:00:00</v></c>", "2021-04-20T99999999999999999:00:00")] {
            let body = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>部署名</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>財政課</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>提出日</t></is></c>\(cell)</row>"
                + "<row r=\"4\">" + ["施策ID", "取組事業内容", "評価"].enumerated().map { "<c r=\"\(["A", "B", "C"][$0.offset])4\" t=\"inlineStr\"><is><t>\($0.element)</t></is></c>" }.joined() + "</row>"
                + "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>Ⅰ-1-2</t></is></c><c r=\"B5\" t=\"inlineStr\"><is><t>決算</t></is></c><c r=\"C5\"><v>7</v></c></row>"
            let run = try Self.run(checking: "財政課.xlsx") { scratch in
                try scratch.write("inbox/財政課.csv", Self.submission())
                try HostileWorkbookLimitTests.workbook(body: body).write(to: URL(fileURLWithPath: scratch.path("inbox/財政課.xlsx")))
            }
            Self.expectRefused(run, "エラー 財政課.xlsx 提出票!B2: 提出日「\(shown)」を日付として読めません")
        }
    }

    @Test func ratingAndPlanNumbersTooLargeForAnyIntegerAreErrors() throws {
        let run = try Self.run { scratch in
            try scratch.write("inbox/財政課.csv", Self.submission(rows: ["Ⅰ-1-2,,財政指標を公表しました,99999999999999999999",
                                                                       "9223372036854775807-1-2,,決算,7"]))
        }
        Self.expectRefused(run, "エラー 財政課.csv!D5: 評価は0〜10の整数で入力してください（入力値: 99999999999999999999）")
        #expect(run.merge.stderr.contains("エラー 財政課.csv!A6: 施策ID「9223372036854775807-1-2」は計画にありません。"))
        // A plan numbered past any real plan: an error with the cell, never a loop writing Roman numerals.
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan + "9223372036854775807,行革,1,計画,1,実行,・財政課\n")
        try scratch.write("inbox/財政課.csv", Self.submission())
        let merge = try MeasuredRun.pledgekit(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"), "--year", "2020", "--out", scratch.path("out")])
        #expect(merge.status == 1)
        #expect(merge.stderr.contains("エラー plan.csv!A4: 番号「9223372036854775807」を読めません"), "\(merge.stderr)")
    }

    // MARK: 4. Every entry of an inbox is read or reported

    @Test func everyEntryOfAnInboxIsReadOrReported() throws {
        let outside = try Scratch()
        try outside.write("secret.csv", "部署名,財政課\r\n")
        let run = try Self.run { scratch in
            try scratch.write("inbox/財政課.csv", Self.submission())
            // 総務課.csv in CP932, as unzipping a zip made on Windows leaves it.
            let name = Array((scratch.path("inbox") + "/").utf8) + Array("総務課".data(using: .shiftJIS)!) + Array(".csv".utf8) + [0]
            let descriptor = name.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o600) } }
            #expect(descriptor >= 0)
            close(descriptor)
            try FileManager.default.createSymbolicLink(atPath: scratch.path("inbox/行政監理室.csv"), withDestinationPath: outside.path("secret.csv"))
            #expect(mkfifo(scratch.path("inbox/企画課.csv"), 0o600) == 0)
            try FileManager.default.createDirectory(atPath: scratch.path("inbox/広報課.xlsx"), withIntermediateDirectories: false)
        }
        for message in [
            "エラー \\x91\\x8D\\x96\\xB1\\x89\\xDB.csv: ファイル名の文字コードがUTF-8ではないため読み込みません（CP932として読むと「総務課.csv」）。",
            "エラー 企画課.csv: 通常のファイルではありません（名前付きパイプ(FIFO)）。開くと止まるおそれがあるため読み込みません。",
            "エラー 広報課.xlsx: ファイルではなくフォルダです（名前が.xlsxで終わっています）。",
            "エラー 行政監理室.csv: 提出フォルダの外（\(outside.path("secret.csv"))）を指すシンボリックリンクです。安全のため読み込みません。",
        ] {
            #expect(run.merge.status == 1)
            #expect(run.merge.stderr.contains(message), "\(run.merge.stderr)")
        }
        #expect(run.merge.stdout.hasPrefix("読み込み: 1ファイル"))
        #expect(run.check.status == 0, "\(run.check.stderr)")  // 財政課.csv itself is fine
    }

    @Test func anInboxHoldingOnlyAFIFOIsReportedNotTakenForEmpty() throws {
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan)
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        #expect(mkfifo(scratch.path("inbox/財政課.csv"), 0o600) == 0)
        let merge = try MeasuredRun.pledgekit(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"), "--year", "2020", "--out", scratch.path("out")])
        #expect(merge.status == 1, "\(merge.stderr)")
        #expect(merge.stderr.hasPrefix("エラー 財政課.csv: 通常のファイルではありません（名前付きパイプ(FIFO)）。"))
        let check = try MeasuredRun.pledgekit(["check", scratch.path("inbox/財政課.csv"), "--plan", scratch.path("plan.csv")])
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("エラー 財政課.csv: 通常のファイルではありません（名前付きパイプ(FIFO)）。提出ファイルそのものを指定してください。"))
    }

    @Test func aLinkToAFileInsideTheInboxIsListedAsInformation() throws {
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan)
        try scratch.write("inbox/財政課.csv", Self.submission())
        try FileManager.default.createSymbolicLink(atPath: scratch.path("inbox/財政課のコピー.csv"), withDestinationPath: "財政課.csv")
        let merge = try MeasuredRun.pledgekit(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"), "--year", "2020", "--out", scratch.path("out")])
        #expect(merge.status == 0, "\(merge.stderr)")
        let rows = try scratch.csv("out/reconciliation.csv")
        #expect(rows.contains { $0["severity"] == "info" && $0["code"] == "file.ignored" && $0["file"] == "財政課のコピー.csv"
            && $0["message"]?.hasPrefix("提出フォルダの中の 財政課.csv へのシンボリックリンクです。") == true }, "\(rows)")
    }

    // MARK: 5. Cell size checked where the cell is read (XLSX; the CSV case is in csvCases)

    @Test func twelveMegabyteWorkbookCellIsRefusedWhereItIsRead() throws {
        // Letters that do not compress like a bomb (the zip ratio check would refuse that first).
        var seed: UInt32 = 1
        let letters = (0..<12_000_000).map { _ -> UInt8 in
            seed = seed &* 1_103_515_245 &+ 12_345
            return UInt8(ascii: "a") + UInt8((seed >> 16) % 26)
        }
        let body = "<row r=\"5\"><c r=\"C5\" t=\"inlineStr\"><is><t>\(String(decoding: letters, as: UTF8.self))</t></is></c></row>"
        let run = try Self.run(checking: "財政課.xlsx") { scratch in
            try HostileWorkbookLimitTests.workbook(body: body).write(to: URL(fileURLWithPath: scratch.path("inbox/財政課.xlsx")))
        }
        Self.expectRefused(run, "エラー 財政課.xlsx 提出票!C5: セルの文字数が12,000,000文字あり、Excelのセルの上限32,767文字を超えています。")
    }

    // MARK: 6. Control characters escaped wherever the terminal is written to

    @Test func controlCharactersFromACellAreEscapedOnTheTerminalAndKeptInTheList() throws {
        let hostile = "\u{1B}[2J\u{1B}]0;title\u{07}\u{202E}7\u{9B}"
        let run = try Self.run { scratch in
            try scratch.write("inbox/財政課.csv", Self.submission(rows: ["Ⅰ-1-2,,財政指標を公表しました,\(hostile)"]))
        }
        let escaped = "入力値: \\u{1B}[2J\\u{1B}]0;title\\u{7}\\u{202E}7\\u{9B}）"
        Self.expectRefused(run, "エラー 財政課.csv!D5: 評価は0〜10の整数で入力してください（\(escaped)")
        for output in [run.check.stderr, run.check.stdout, run.merge.stderr, run.merge.stdout] {
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        }
        // A warning that lets the merge write: the reconciliation list keeps the text as it was.
        let warned = try Self.run { scratch in
            try scratch.write("inbox/財政課.csv", Self.submission(rows: ["Ⅰ-1-2,,財政指標を公表しました,7,\u{1B}[31m赤\u{07}"]))
        }
        #expect(warned.merge.status == 0, "\(warned.merge.stderr)")
        #expect(warned.merge.stderr.contains("警告 財政課.csv!E5: 見出しのない列に値があります（「\\u{1B}[31m赤\\u{7}」）。"))
        let list = try warned.scratch.read("out/reconciliation.csv")
        #expect(list.contains("\u{1B}[31m赤\u{07}"))
    }
}
