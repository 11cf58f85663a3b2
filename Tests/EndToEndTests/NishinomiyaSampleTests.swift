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
        let scratch = try Scratch()
        let merge = try sample.merge(year: "令和4年度", out: scratch.path("out"))
        #expect(merge.status == 0, "\(merge.stderr)")
        let figures = try SchemeSample.figures(scratch, "out/figures.csv")
        for (key, value) in Self.published { #expect(figures[key] == value, "\(key)") }
        // 〇 (U+3007) and ー typed by departments are the layout's ○ and −, unified in the open data.
        let values = Set(try scratch.csv("out/evaluations.csv").map { $0["value"]! })
        #expect(values == ["○", "△", "−"])
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json")) }
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        let scratch = try Scratch()
        let filled = try sample.filledTemplates(in: scratch, year: "令和4年度", evaluators: ["評価"])
        let files = try FileManager.default.contentsOfDirectory(atPath: filled).sorted().map { filled + "/" + $0 }
        let check = try PledgeKitBinary.run(["check"] + files + ["--plan", sample.plan, "--layout", sample.layout])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let merge = try sample.merge(filled, year: "令和4年度", out: scratch.path("out"))
        #expect(merge.status == 0, "\(merge.stderr)")
        let figures = try SchemeSample.figures(scratch, "out/figures.csv")
        for (key, value) in Self.published { #expect(figures[key] == value, "\(key)") }
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json")) }
    }
}
