import Foundation
import Testing

/// The five-level scheme with two evaluators (Samples/ebina, templates/ebina): each measure has a
/// 5段階 self-evaluation and a 5段階 external evaluation side by side, as Ebina publishes them.
/// Ebina's own figures are not known here: the sample's evaluations are written to fit and the
/// figures below are worked out by hand in Samples/ebina/README.md.
@Suite struct EbinaSampleTests {
    let sample = SchemeSample(name: "ebina")
    static let evaluators = ["自己評価", "外部評価"]

    /// Means per basic policy (exact cascade, two decimals) and overall, self then external;
    /// counts of each grade overall.
    static let expected: [String: String] = [
        "1 mean self ": "4.00", "2 mean self ": "3.67", "3 mean self ": "3.67", "4 mean self ": "3.33", "all mean self ": "3.67",
        "1 mean external ": "3.67", "2 mean external ": "3.33", "3 mean external ": "3.00", "4 mean external ": "2.67",
        "all mean external ": "3.17",
        "all count self 5": "2", "all count self 4": "5", "all count self 3": "4", "all count self 2": "1", "all count self 1": "0",
        "all count external 5": "0", "all count external 4": "4", "all count external 3": "6", "all count external 2": "2",
        "all count external 1": "0",
    ]

    @Test func mergeGivesTheSampleFigures() throws {
        let scratch = try sample.expectMerge(year: "令和4年度", figures: Self.expected, headline: "令和4年度 全体 自己評価の平均: 3.67")
        #expect(try scratch.csv("out/evaluations.csv").count == 24)  // 12 measures × 2 evaluators
        // The built-in files keep their columns; the scheme's figures are not squeezed into them.
        #expect(try scratch.read("out/summary.csv").hasPrefix("municipality_code,fiscal_year,fiscal_year_label,level,id,policy_no,pledge_no,title,progress_pct"))
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        try sample.expectRoundTrip(year: "令和4年度", evaluators: Self.evaluators, departments: 10)
    }

    @Test func aValueOutsideTheScaleNamesFileSheetCellAndTheAllowedValues() throws {
        let scratch = try sample.expectRejected("６", typedInto: "E12", of: "商工課", year: "令和4年度", evaluators: Self.evaluators,
                                                message: "エラー 商工課.xlsx 提出票!E12: 自己評価は1〜5の整数で入力してください（入力値: ６）")
        let merge = try sample.merge(scratch.path("filled"), year: "令和4年度", out: scratch.path("out"))
        #expect(merge.status == .dataErrors)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/figures.csv")))
    }
}
