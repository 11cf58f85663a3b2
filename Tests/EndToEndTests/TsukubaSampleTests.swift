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
        try sample.expectMerge(year: "令和5年度", figures: Self.published.merging(Self.writtenToFit, uniquingKeysWith: { $1 }),
                               headline: "令和5年度 全体 達成と順調 (%): 90.4")
    }

    /// The layout's heading says nothing of the denominator: the workbook's column adds it (issue 27);
    /// the headline keeps the heading as the city writes it.
    @Test func theWorkbooksShareColumnStatesItsDenominator() throws {
        let scratch = try sample.expectMerge(year: "令和5年度", figures: Self.published, headline: "令和5年度 全体 達成と順調 (%): 90.4")
        let workbook = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).first { $0.hasSuffix(".xlsx") })
        let strings = String(decoding: try #require(WorkbookParts.read(scratch.path("out/" + workbook))["xl/sharedStrings.xml"]), as: UTF8.self)
        #expect(strings.contains("達成と順調 (%)（分母: 評価した取組の数）"))
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        try sample.expectRoundTrip(year: "令和5年度", evaluators: ["評価"], departments: 5)
    }

    /// An earlier year's figures.csv names the threshold by its key (`on_track`) even when the layout
    /// names it by its label (`atLeast: 順調`).
    @Test func anEarlierYearsShareIsFoundWhenTheLayoutNamesTheGradeByItsLabel() throws {
        let scratch = try Scratch()
        let edited = try String(contentsOfFile: sample.layout + "/layout.yaml", encoding: .utf8)
            .replacingOccurrences(of: "atLeast: on_track", with: "atLeast: 順調")
        try scratch.write("layout/layout.yaml", edited)
        let layout = scratch.path("layout")
        #expect(try InProcess.merge(sample.inbox, plan: sample.plan, year: "令和5年度", out: scratch.path("r5"), layout: layout).status == .success)
        try scratch.write("history/figures.csv", try scratch.read("r5/figures.csv").replacingOccurrences(of: ",2023,令和5年度,", with: ",2022,令和4年度,"))
        let merge = try InProcess.merge(sample.inbox, plan: sample.plan, year: "令和5年度", out: scratch.path("out"),
                                        history: [scratch.path("history")], layout: layout)
        #expect(merge.status == .success, "\(merge.problems)")
        #expect(merge.headlines.joined(separator: "\n").contains("令和4年度 全体 達成と順調 (%): 90.4\n令和5年度 全体 達成と順調 (%): 90.4"),
                "\(merge.headlines)")
    }

    @Test func theDropDownListsTheGradesFromCellsNotALiteralList() throws {
        // libxlsxwriter 1.1.4 crashes on a literal list over 255 UTF-8 bytes: the grades are cells of a hidden sheet.
        let scratch = try Scratch()
        let template = try InProcess.template(plan: sample.plan, year: "令和5年度", out: scratch.path("t"), layout: sample.layout)
        #expect(template.status == .success, "\(template.problems)")
        let sheet = try #require(try TemplateFiller(URL(fileURLWithPath: scratch.path("t/企画経営課.xlsx"))).part("xl/worksheets/sheet1.xml"))
        #expect(sheet.contains("<formula1>'選択肢'!$A$1:$A$5</formula1>"), "\(sheet.suffix(1500))")
    }

    @Test func aGradeOutsideTheSchemeNamesTheCellAndTheAllowedValues() throws {
        try sample.expectRejected("F", typedInto: "E13", of: "企画経営課", year: "令和5年度", evaluators: ["評価"], message:
            "エラー 企画経営課.xlsx 提出票!E13: 評価は「達成」「順調」「おおむね順調」「遅れ」「未着手」のいずれかで入力してください（入力値: F）")
    }
}
