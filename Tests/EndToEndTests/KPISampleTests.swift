import Foundation
import Testing

/// KPI targets with an achievement rate and bands (Samples/kpi, templates/kpi). Published in one
/// city's report (issue 13, the city not named there): 81 computable targets of 82; A ≥ 100 % 44,
/// B 90–100 % 17, C 80–90 % 7, D < 80 % 13; mean achievement overall 98.3 %. The indicators, their
/// values and the per-policy means (97.6, 99.0, 98.1, 98.5) are written to fit (Samples/kpi/README.md).
@Suite struct KPISampleTests {
    let sample = SchemeSample(name: "kpi")

    static let published: [String: String] = [
        "all items  ": "81", "all count  a": "44", "all count  b": "17", "all count  c": "7", "all count  d": "13",
        "all achievement  ": "98.3",
    ]
    static let writtenToFit: [String: String] = [
        "1 achievement  ": "97.6", "2 achievement  ": "99.0", "3 achievement  ": "98.1", "4 achievement  ": "98.5",
    ]
    static let columns = ["目標値", "実績値", "方向"]

    @Test func mergeGivesThePublishedBandsAndMean() throws {
        let scratch = try sample.expectMerge(year: "令和5年度", figures: Self.published.merging(Self.writtenToFit, uniquingKeysWith: { $1 }),
                                             headline: "令和5年度 全体 平均達成率 (%): 98.3")
        // 82 indicators, one without its actual value yet: in evaluations.csv as 未測定 with its
        // target (issue 27), not in the bands.
        #expect(try scratch.csv("out/activities.csv").count == 82)
        let evaluations = try scratch.csv("out/evaluations.csv")
        #expect(evaluations.count == 82)
        let waiting = evaluations.filter { $0["value"] == "未測定" }
        #expect(waiting.count == 1)
        #expect(waiting.allSatisfy { $0["actual"] == "" && $0["achievement_pct"] == "" && $0["target"] != "" })
        // Lower is better: target 217.6 against an actual 200 is 108.8 %, band A.
        let lower = try #require(evaluations.first { $0["measure_id"] == "1-5" })
        #expect([lower["target"], lower["actual"], lower["direction"], lower["achievement_pct"], lower["value"]]
                == ["217.6", "200", "lower", "108.80", "A"])
        let reconciliation = try scratch.csv("out/reconciliation.csv")
        #expect(reconciliation.map { $0["code"]! } == ["kpi.not_computable"])
    }

    /// The overall mean for each year of the term, as published: 93.6, 88.6, 95.9, 98.3. The earlier
    /// years are the figures.csv files pledgekit wrote for them (Samples/kpi/history).
    @Test func theTermsMeansComeFromTheEarlierYearsFiguresCSV() throws {
        let scratch = try Scratch()
        let merge = try sample.merge(year: "令和5年度", out: scratch.path("out"), history: [PledgeKitBinary.sample("kpi/history")])
        #expect(merge.status == .success, "\(merge.problems)")
        for (year, mean) in [("令和2年度", "93.6"), ("令和3年度", "88.6"), ("令和4年度", "95.9"), ("令和5年度", "98.3")] {
            #expect(merge.headlines.contains("\(year) 全体 平均達成率 (%): \(mean)"), "\(merge.headlines)")
        }
        let overall = try scratch.csv("out/figures.csv").filter { $0["id"] == "all" && $0["kind"] == "achievement" }
        #expect(overall.map { $0["fiscal_year"]! + " " + $0["value"]! } == ["2020 93.6", "2021 88.6", "2022 95.9", "2023 98.3"])
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json")) }
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        try sample.expectRoundTrip(year: "令和5年度", evaluators: Self.columns, activity: "指標名", departments: 4)
    }

    /// 待機児童ゼロ: lower is better with a target of 0. A department that reached zero is a success
    /// (0 ≤ 0 meets the target: 100 %, band A), not an error; one still at 12 is 0 ÷ 12 = 0 % (band D)
    /// by this layout's `ratio` (Samples/committee measures from the baseline instead).
    @Test func aLowerIsBetterTargetOfZeroIsValidAndReachingItIsASuccess() throws {
        for (actual, band) in [("0", "A"), ("12", "D")] {
            let scratch = try Scratch()
            let filled = try sample.filledTemplates(in: scratch, year: "令和5年度", evaluators: Self.columns, activity: "指標名")
            let workbook = URL(fileURLWithPath: filled + "/こども政策課.xlsx")
            let filler = try TemplateFiller(workbook)
            // Row 12 is measure 1-1: E 目標値, F 実績値, G 方向.
            try filler.type(number: 0, into: "E12")
            try filler.type(actual, into: "F12")
            try filler.type("低いほどよい", into: "G12")
            try filler.save()
            let check = try InProcess.check([workbook.path], plan: sample.plan, layout: sample.layout)
            #expect(check.status == .success, "\(check.problems)")
            let merge = try sample.merge(filled, year: "令和5年度", out: scratch.path("out"))
            #expect(merge.status == .success, "\(merge.problems)")
            let row = try #require(try scratch.csv("out/evaluations.csv").first { $0["measure_id"] == "1-1" })
            #expect([row["target"], row["actual"], row["direction"], row["achievement_pct"], row["value"]]
                    == ["0", actual, "lower", actual == "0" ? "100.00" : "0.00", band])
        }
    }

    /// Higher is better with a target of 0 has no rate (`ratio`: actual ÷ 0); lower is better with a
    /// target of 0 is valid (KPIFormulaTests).
    @Test func aTargetOfZeroNamesTheCellAndWhatIsAllowed() throws {
        // Row 12 of こども政策課's template is measure 1-1; E is 目標値 (施策ID, 基本政策, 施策内容, 指標名, 目標値…).
        try sample.expectRejected("0", typedInto: "E12", of: "こども政策課", year: "令和5年度", evaluators: Self.columns,
                                  activity: "指標名", message:
            "エラー こども政策課.xlsx 提出票!E12: 目標値が0のため達成率（実績値÷目標値）を計算できません。高いほどよい指標の目標値は0より大きい数値で入力してください（入力値: 0）")
    }
}
