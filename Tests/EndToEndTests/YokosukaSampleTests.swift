import Foundation
import Testing

/// Several evaluators averaged (Samples/yokosuka, templates/yokosuka): a panel of five scores each
/// item 0–5; a field's score is the mean converted to 100 points with one decimal. Yokosuka's
/// verification: fields 72.9, 71.3, 81.8 …, overall 75.7. The fourth field (76.8) and every score
/// are written to fit (Samples/yokosuka/README.md).
@Suite struct YokosukaSampleTests {
    let sample = SchemeSample(name: "yokosuka")
    static let panel = (1...5).map { "委員\($0)" }

    static let published: [String: String] = ["1 mean  ": "72.9", "2 mean  ": "71.3", "3 mean  ": "81.8", "all mean  ": "75.7"]
    static let writtenToFit: [String: String] = ["4 mean  ": "76.8", "all items  ": "31", "1 items  ": "9"]

    @Test func mergeGivesThePublishedFields() throws {
        let scratch = try sample.expectMerge(year: "令和4年度", figures: Self.published.merging(Self.writtenToFit, uniquingKeysWith: { $1 }),
                                             headline: "令和4年度 全体 評価点（100点換算）: 75.7")
        #expect(try scratch.csv("out/evaluations.csv").count == 155)  // 31 items × 5 members
    }

    /// The panel's columns (委員1…委員5) mark the header row by themselves: no 評価 column is needed.
    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        try sample.expectRoundTrip(year: "令和4年度", evaluators: Self.panel, departments: 4)
    }

    @Test func aScoreAboveFiveNamesTheMemberAndTheCell() throws {
        // こども育成部's template: A 施策ID, B 基本政策, C 施策内容, D 取組事業内容, E–I 委員1–5.
        try sample.expectRejected("6", typedInto: "G12", of: "こども育成部", year: "令和4年度", evaluators: Self.panel,
                                  message: "エラー こども育成部.xlsx 提出票!G12: 委員3は0〜5の整数で入力してください（入力値: 6）")
    }
}
