import Foundation
import Testing

/// A five-level self-evaluation (Samples/sodegaura, templates/sodegaura). Sodegaura's report: 49 items
/// under 6 basic policies, 3 / 13 / 10 / 11 / 8 / 4. The evaluations are written to fit
/// (Samples/sodegaura/README.md).
@Suite struct SodegauraSampleTests {
    let sample = SchemeSample(name: "sodegaura")

    static let published: [String: String] = [
        "1 items  ": "3", "2 items  ": "13", "3 items  ": "10", "4 items  ": "11", "5 items  ": "8", "6 items  ": "4", "all items  ": "49",
    ]
    static let writtenToFit: [String: String] = [
        "all count  5": "7", "all count  4": "21", "all count  3": "14", "all count  2": "7", "all count  1": "0",
        "1 mean  ": "4.0", "2 mean  ": "3.5", "all mean  ": "3.6",
    ]

    @Test func mergeGivesThePublishedItemCounts() throws {
        try sample.expectMerge(year: "令和4年度", figures: Self.published.merging(Self.writtenToFit, uniquingKeysWith: { $1 }),
                               headline: "令和4年度 全体 平均: 3.6")
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        try sample.expectRoundTrip(year: "令和4年度", evaluators: ["自己評価"], departments: 6)
    }
}
