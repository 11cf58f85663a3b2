import Foundation
import Testing

/// The category scheme with a share headline (Samples/tsukuba, templates/tsukuba): each pledge item
/// is 達成 / 順調 / おおむね順調 / 遅れ / 未着手, and the report's headline is the share of 達成 and 順調.
/// Tsukuba's second term: 135 items, "達成と順調で 90.4 %" (122 of 135). The split of the 122 and the
/// other categories (40 / 82 / 8 / 4 / 1) are written to fit (Samples/tsukuba/README.md).
@Suite struct TsukubaSampleTests {
    let sample = SchemeSample(name: "tsukuba")

    static let published: [String: String] = ["all items  ": "135", "all share  on_track": "90.4"]
    static let writtenToFit: [String: String] = [
        "all count  achieved": "40", "all count  on_track": "82", "all count  mostly_on_track": "8",
        "all count  delayed": "4", "all count  not_started": "1",
        "1 share  on_track": "86.7", "2 share  on_track": "92.9", "3 share  on_track": "85.2",
        "4 share  on_track": "92.0", "5 share  on_track": "96.0",
        "1 items  ": "30", "2 items  ": "28", "3 items  ": "27", "4 items  ": "25", "5 items  ": "25",
    ]

    @Test func mergeGivesThePublishedShare() throws {
        let scratch = try Scratch()
        let merge = try sample.merge(year: "令和5年度", out: scratch.path("out"))
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("令和5年度 全体 達成と順調 (%): 90.4"), "\(merge.stdout)")
        let figures = try SchemeSample.figures(scratch, "out/figures.csv")
        for (key, value) in Self.published.merging(Self.writtenToFit, uniquingKeysWith: { $1 }) {
            #expect(figures[key] == value, "\(key)")
        }
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json")) }
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        let scratch = try Scratch()
        let filled = try sample.filledTemplates(in: scratch, year: "令和5年度", evaluators: ["評価"])
        let files = try FileManager.default.contentsOfDirectory(atPath: filled).sorted().map { filled + "/" + $0 }
        #expect(files.count == 5)
        // The drop-down lists the grades from cells of a hidden sheet, never as a literal list.
        let sheet = try #require(try TemplateFiller(URL(fileURLWithPath: files[0])).part("xl/worksheets/sheet1.xml"))
        #expect(sheet.contains("<formula1>'選択肢'!$A$1:$A$5</formula1>"), "\(sheet.suffix(1500))")
        let check = try PledgeKitBinary.run(["check"] + files + ["--plan", sample.plan, "--layout", sample.layout])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let merge = try sample.merge(filled, year: "令和5年度", out: scratch.path("out"))
        #expect(merge.status == 0, "\(merge.stderr)")
        let fromCSV = try sample.merge(year: "令和5年度", out: scratch.path("csv"))
        #expect(try scratch.read("out/figures.csv") == scratch.read("csv/figures.csv"))
        #expect(fromCSV.stdout.contains("90.4"))
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json")) }
    }

    @Test func aGradeOutsideTheSchemeNamesTheCellAndTheAllowedValues() throws {
        let scratch = try Scratch()
        let check = try sample.checkWithValue("F", typedInto: "E13", of: "企画経営課", year: "令和5年度", evaluators: ["評価"],
                                              in: scratch)
        #expect(check.status == 1)
        #expect((check.stdout + check.stderr).contains(
            "エラー 企画経営課.xlsx 提出票!E13: 評価は「達成」「順調」「おおむね順調」「遅れ」「未着手」のいずれかで入力してください（入力値: F）"),
            "\(check.stdout)\(check.stderr)")
    }
}
