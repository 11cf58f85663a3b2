import Foundation
import Testing

/// Symbols counted (Samples/nishinomiya, templates/nishinomiya): ○ achieved, △ partly, − not achieved.
/// Nishinomiya's verification of its mayor's pledges: 28 / 10 / 2 of 40. Which pledge has which
/// symbol is written to fit (Samples/nishinomiya/README.md).
@Suite struct NishinomiyaSampleTests {
    let sample = SchemeSample(name: "nishinomiya")

    static let published: [String: String] = [
        "all count  achieved": "28", "all count  partly_achieved": "10", "all count  not_achieved": "2", "all items  ": "40",
    ]

    @Test func mergeGivesThePublishedCounts() throws {
        let scratch = try sample.expectMerge(year: "令和4年度", figures: Self.published)
        // 〇 (U+3007) and ー typed by departments are the layout's ○ and −, unified in the open data.
        let values = Set(try scratch.csv("out/evaluations.csv").map { $0["value"]! })
        #expect(values == ["○", "△", "−"])
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        try sample.expectRoundTrip(year: "令和4年度", evaluators: ["評価"], departments: 4)
    }
}
