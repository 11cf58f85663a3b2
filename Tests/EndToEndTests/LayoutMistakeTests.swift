import Foundation
import PledgeKit
import Testing

/// Every mistake in a layout file stops the run with exit 78 (`.invalidLayout`) and one Japanese
/// message naming the file, the key's place and the closest known key, before anything is read or
/// written. The layout is resolved in-process as the command line resolves it; the binary is run for
/// the exit status and the printed line.
@Suite struct LayoutMistakeTests {
    /// The refusal of a layout folder holding `text`, or nil when the layout is valid.
    static func refusal(layout text: String) throws -> (Refusal?, Scratch) {
        let scratch = try Scratch()
        try scratch.write("layout/layout.yaml", text)
        do {
            _ = try InProcess.layout(scratch.path("layout"))
            return (nil, scratch)
        } catch let refusal as Refusal {
            return (refusal, scratch)
        }
    }

    static func run(layout text: String) throws -> (PledgeKitBinary.Result, Scratch) {
        let scratch = try Scratch()
        try scratch.write("layout/layout.yaml", text)
        try scratch.write("out/summary.csv", "last run\r\n")
        let result = try PledgeKitBinary.run(["merge", PledgeKitBinary.sample("tomakomai/inbox"), "--plan",
                                              PledgeKitBinary.sample("tomakomai/plan.csv"), "--year", "R2",
                                              "--out", scratch.path("out"), "--layout", scratch.path("layout")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")) == ["summary.csv"])
        #expect(try scratch.read("out/summary.csv") == "last run\r\n")
        return (result, scratch)
    }

    @Test(arguments: [
        ("version: 1\ntitel: 報告書\n", "（2行目）: 最上位 に不明な項目「titel」があります（使える項目: name, rated, scheme, figures, averaging, statuses, showPreviousYear, scoreDigits, workbook, history, publication, version）。"),
        ("history:\n  yearShown: 3\n", "（2行目）: history に不明な項目「yearShown」があります（もしかして: yearsShown）。"),
        ("nmae: x\n", "（1行目）: 最上位 に不明な項目「nmae」があります（もしかして: name）。"),
        ("averaging:\n  overalDigits: 2\n", "（2行目）: averaging に不明な項目「overalDigits」があります（もしかして: overallDigits）。"),
        ("workbook:\n  fontname: x\n", "（2行目）: workbook に不明な項目「fontname」があります（もしかして: fontName）。"),
        ("workbook:\n  summary:\n    titel: x\n", "（3行目）: workbook.summary に不明な項目「titel」があります（もしかして: title）。"),
        ("workbook:\n  detail:\n    sheetNmae: x\n", "（3行目）: workbook.detail に不明な項目「sheetNmae」があります（もしかして: sheetName）。"),
        ("workbook:\n  chart:\n    tilte: x\n", "（3行目）: workbook.chart に不明な項目「tilte」があります（もしかして: title）。"),
        ("workbook:\n  achievements:\n    countLnie: x\n", "（3行目）: workbook.achievements に不明な項目「countLnie」があります（もしかして: countLine）。"),
        ("statuses:\n  - label: 実施済\n    kye: done\n", "（3行目）: statuses に不明な項目「kye」があります（もしかして: key）。"),
    ])
    func unknownKeyAtEveryLevel(yaml: String, message: String) throws {
        let (refusal, scratch) = try Self.refusal(layout: yaml)
        #expect(refusal?.status == .invalidLayout)
        #expect(refusal?.message == "レイアウトファイル \(scratch.path("layout/layout.yaml"))\(message)")
    }

    /// Through the executable: exit 78, the one line on stderr, nothing on stdout, the out folder untouched.
    @Test func theCommandExits78WithTheLine() throws {
        let (result, scratch) = try Self.run(layout: "nmae: x\n")
        #expect(result.status == 78)
        #expect(result.stderr == "エラー レイアウトファイル \(scratch.path("layout/layout.yaml"))（1行目）: 最上位 に不明な項目「nmae」があります（もしかして: name）。\n")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        ("", " が空です。少なくとも「version: 1」を書いてください（書かない項目は既定値になります）。"),
        ("# only a comment\n", " が空です。少なくとも「version: 1」を書いてください（書かない項目は既定値になります）。"),
        ("- a\n- b\n", "（1行目）: 中身が「項目: 値」の形ではありません（例: version: 1）。"),
        ("version: 2\n", "（1行目）: version「2」には対応していません（対応: 1）。"),
        ("workbook:\n  fontSize: big\n", ": workbook.fontSize の値の種類が違います（数値を書いてください）。"),
        ("rated: yes please\n", ": rated の値の種類が違います（true か false を書いてください）。"),
        ("workbook:\n  summary: 総括表\n", ": workbook.summary の値の種類が違います（「項目: 値」の組を書いてください）。"),
        ("workbook:\n  style: fancy\n", ": workbook.style の値が正しくありません（ratings か achievements）。"),
        ("statuses:\n  - label: 実施済\n", ": statuses.1番目 に「key」がありません。"),
        ("rated: [1\n", " をYAMLとして読めません（2行目 1文字目: did not find expected ',' or ']'）。"),
    ])
    func invalidFileOrValue(yaml: String, message: String) throws {
        let (refusal, scratch) = try Self.refusal(layout: yaml)
        #expect(refusal?.status == .invalidLayout)
        #expect(refusal?.message == "レイアウトファイル \(scratch.path("layout/layout.yaml"))\(message)")
    }

    @Test func missingLayoutFile() throws {
        let scratch = try Scratch()
        let result = try PledgeKitBinary.run(["check", PledgeKitBinary.sample("tomakomai/inbox/財政課.csv"), "--plan",
                                              PledgeKitBinary.sample("tomakomai/plan.csv"), "--layout", scratch.path("nolayout")])
        #expect(result.status == 78)
        #expect(result.stderr == "エラー レイアウトファイル \(scratch.path("nolayout/layout.yaml")) が見つかりません。レイアウトには layout.yaml を入れたフォルダを指定してください。\n")
    }

    /// Every key is optional: a layout with only `averaging: {overallDigits: 2}` runs with the
    /// defaults for the rest (it exited 64 with `keyNotFound 'leafScale'`).
    @Test func partialSectionTakesTheDefaults() throws {
        let scratch = try Scratch()
        try scratch.write("layout/layout.yaml", "version: 1\naveraging: {overallDigits: 2}\n")
        let result = try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                                         year: "R2", out: scratch.path("out"), layout: scratch.path("layout"))
        #expect(result.status == .success, "\(result.problems)")
        #expect(result.overallProgress == "74.80")
    }
}
