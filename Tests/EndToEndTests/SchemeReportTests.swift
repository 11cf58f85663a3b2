import Foundation
import Testing

/// What every scheme layout gets besides its figures (issue 27): the overall row of summary.csv,
/// `--previous` from last year's figures.csv, `audit` of figures.csv, and codes.csv true to the scheme.
@Suite struct SchemeReportTests {
    let committee = SchemeSample(name: "committee")
    let kpi = SchemeSample(name: "kpi")

    @Test func summaryCSVHasTheOverallRowAsThe0To10ReportHas() throws {
        let scratch = try Scratch()
        let merge = try committee.merge(year: "令和4年度", out: scratch.path("out"))
        #expect(merge.status == .success, "\(merge.problems)")
        let overall = try #require(try scratch.csv("out/summary.csv").last)
        // 8 activities in all; the figures themselves are in figures.csv (id all).
        #expect([overall["level"], overall["id"], overall["title"], overall["progress_pct"], overall["activity_count"]]
                == ["overall", "all", "全体", "", "8"])
        let codes = try scratch.csv("out/codes.csv")
        let invalid = try #require(codes.first { $0["code"] == "rating.invalid" })
        // Each column's own scheme, not the built-in 0–10.
        #expect(invalid["description"]!.hasPrefix("評価が委員会評価が1〜5の整数、自己評価が「A」「B」「C」「D」「−」のいずれか、達成率区分が"))
        #expect(!invalid["description"]!.contains("0から10"))
    }

    @Test func previousIsLastYearsFiguresCSV() throws {
        let scratch = try Scratch()
        // Samples/kpi/history/令和4年度/figures.csv is what merge wrote for 令和4年度: overall 95.9 (Samples/kpi/README.md).
        let merge = try InProcess.merge(kpi.inbox, plan: kpi.plan, year: "令和5年度", out: scratch.path("out"), previous: [PledgeKitBinary.sample("kpi/history/令和4年度/figures.csv")], layout: kpi.layout)
        #expect(merge.status == .success, "\(merge.problems)")
        #expect(merge.headlines == ["令和4年度 全体 平均達成率 (%): 95.9", "令和5年度 全体 平均達成率 (%): 98.3"])
        let overall = try scratch.csv("out/figures.csv").filter { $0["id"] == "all" && $0["kind"] == "achievement" }
        #expect(overall.map { $0["fiscal_year"]! + " " + $0["value"]! } == ["2022 95.9", "2023 98.3"])
    }

    /// Last year's figures.csv of the committee report read back: every rate finds its own rule (two
    /// share_of figures of one evaluator told apart by their grade codes, counts by their evaluator).
    @Test func previousOfTheCommitteeReportFindsEachRateByEvaluatorAndGrades() throws {
        let scratch = try Scratch()
        #expect(try committee.merge(year: "令和4年度", out: scratch.path("r4")).status == .success)
        let lastYear = try scratch.read("r4/figures.csv").replacingOccurrences(of: ",2022,令和4年度,", with: ",2021,令和3年度,")
        let file = try scratch.write("r3/figures.csv", lastYear)
        let merge = try InProcess.merge(committee.inbox, plan: committee.plan, year: "令和4年度", out: scratch.path("out"),
                                        previous: [file], layout: committee.layout)
        #expect(merge.status == .success, "\(merge.problems)")
        #expect(merge.headlines.filter { $0.hasPrefix("令和3年度") } == [
            "令和3年度 全体 委員会評価の平均: 3.50",
            "令和3年度 全体 委員会評価4以上 (%)（分母: 評価した取組の数）: 50.0",
            "令和3年度 全体 自己評価A・B (%)（分母: 評価した取組の数、「−」を除く）: 71.4",
            "令和3年度 全体 自己評価C (%)（分母: 評価した取組の数、「−」を除く）: 28.6",
            "令和3年度 全体 平均達成率 (%): 79.9",
        ])
        // Counts are this year's only; every earlier row of figures.csv is kept as read.
        let figures = try scratch.csv("out/figures.csv")
        #expect(figures.filter { $0["fiscal_year"] == "2021" }.count == figures.filter { $0["fiscal_year"] == "2022" }.count)
    }

    @Test func previousWithoutLastYearIsAnErrorNamingTheFile() throws {
        let scratch = try Scratch()
        let merge = try InProcess.merge(kpi.inbox, plan: kpi.plan, year: "令和5年度", out: scratch.path("out"), previous: [PledgeKitBinary.sample("kpi/history/令和2年度/figures.csv")], layout: kpi.layout)
        #expect(merge.status == .dataErrors)
        #expect(merge.errorLines.contains { $0.contains("figures.csv") && $0.contains("前年度（令和4年度）の集計値がありません") }, "\(merge.problems)")
    }

    @Test func auditChecksFiguresCSVByTheRulesAndAgainstTheInbox() throws {
        let scratch = try Scratch()
        let merge = try committee.merge(year: "令和4年度", out: scratch.path("out"))
        #expect(merge.status == .success, "\(merge.problems)")
        let clean = try InProcess.audit(scratch.path("out"), [committee.inbox], plan: committee.plan, year: "令和4年度", layout: committee.layout)
        #expect(clean.status == .success, "\(clean.problems)")
        #expect(clean.report.figuresChecked == 51 && clean.report.findings.isEmpty && clean.report.recomputedFromInbox)
        // Two figures printed wrong: C overall over all 8 measures (2/8 = 25.0, − counted), and the
        // committee's overall mean as the mean of the policies (3.60) where the layout says over the measures.
        let text = try scratch.read("out/figures.csv")
        let tampered = text.replacingOccurrences(of: "share_of,self,c,28.6", with: "share_of,self,c,25.0")
            .replacingOccurrences(of: "mean,committee,,3.50", with: "mean,committee,,3.60")
        #expect(tampered != text)
        let file = try scratch.write("figures.csv", tampered)
        let alone = try InProcess.audit(file, plan: committee.plan, year: "令和4年度", layout: committee.layout)
        #expect(alone.status == .dataErrors)
        // Without the inbox only the share can be redone from what is printed beside it: 2 ÷ 7 × 100.
        #expect(alone.report.findings.map(\.line) == [
            "figures.csv!J47 全体 自己評価C (%)（分母: 評価した取組の数、「−」を除く） 令和4年度: 印刷 25.0、正しくは 28.6（段階の件数 2 ÷ 評価対象数 7 × 100 = 28.6 です）",
        ])
        let withInbox = try InProcess.audit(file, [committee.inbox], plan: committee.plan, year: "令和4年度", layout: committee.layout)
        #expect(withInbox.report.findings.map { $0.id + " " + $0.printed + " → " + $0.expected } == ["all 3.60 → 3.50", "all 25.0 → 28.6"])
    }

    @Test func auditRedoesAMeanOfChildrenFromThePrintedChildren() throws {
        // templates/kpi: overall = mean of the four policies' rounded means, (97.6 + 99.0 + 98.1 + 98.5)/4 = 98.3.
        let scratch = try Scratch()
        let merge = try kpi.merge(year: "令和5年度", out: scratch.path("out"))
        #expect(merge.status == .success, "\(merge.problems)")
        let text = try scratch.read("out/figures.csv")
        let tampered = text.replacingOccurrences(of: "overall,all,全体,achievement,,,98.3", with: "overall,all,全体,achievement,,,98.4")
        #expect(tampered != text)
        let audit = try InProcess.audit(try scratch.write("figures.csv", tampered), plan: kpi.plan, year: "令和5年度", layout: kpi.layout)
        #expect(audit.report.findings.map(\.expected) == ["98.3"])
        #expect(audit.report.findings.first?.reasons == ["下の階層の値（97.6、99.0、98.1、98.5）の平均は 98.3 です"])
    }
}
