import PledgeCore
@testable import PledgeKit
import TableIO
import Testing

/// The audit's reading and checks in-process, on small hand-made tables: each check can be made
/// to fire alone, and a consistent table gives nothing.
@Suite struct AuditChecksTests {
    static let plan = Plan(policies: [
        PlanNode(id: NodeID([1]), number: "Ⅰ", title: "行革を進めます", children: [
            PlanNode(id: NodeID([1, 1]), number: "1", title: "計画を策定します", children: [
                PlanNode(id: NodeID([1, 1, 1]), number: "1", title: "行革プランを実行します"),
                PlanNode(id: NodeID([1, 1, 2]), number: "2", title: "財政指標を管理します"),
            ]),
            PlanNode(id: NodeID([1, 2]), number: "2", title: "女性活躍を進めます", children: [
                PlanNode(id: NodeID([1, 2, 1]), number: "1", title: "女性管理職の登用を進めます"),
            ]),
        ]),
        PlanNode(id: NodeID([2]), number: "Ⅱ", title: "産業を振興します", children: [
            PlanNode(id: NodeID([2, 1]), number: "1", title: "駅前を復活します", children: [
                PlanNode(id: NodeID([2, 1, 1]), number: "1", title: "駅前の顔をつくります"),
            ]),
        ]),
    ], romanPolicyNumbers: true)

    static func table(_ sheet: String, _ rows: [[String]]) -> Table {
        Table(file: "公表.xlsx", sheet: sheet, rows: rows.enumerated().map { Row(number: $0.offset + 1, values: $0.element) })
    }

    /// A 総括表 as a city types it: spaced heading, merged (empty) cells, full-width digits, a spacer row.
    static func summary(policyI: String = "73", pledgeI2: String = "50", overall: String = "59.5") -> Table {
        table("総括表", [
            ["I 市長公約取組状況総括表"],
            [],
            ["施 策 区 分", "", "進捗状況", ""],
            ["", "", "令和元年度\n(%)", "令和２年度\n(%)"],
            ["Ⅰ", "行革を\n進めます", "50", policyI],
            ["１", "計画を策定します", "40", "９５"],
            ["２", "女性活躍を進めます", "60", pledgeI2],
            [],
            ["Ⅱ", "産業を振興します", "30", "46"],
            ["1", "駅前を復活します", "30", "46"],
            ["全 体", "", "40.0", overall],
        ])
    }

    static func detail(policyI: String = "73", pledgeI1: String = "95", starsI11: String = "★★★★★ ★★★★★") -> Table {
        table("取組状況", [
            ["基本政策\n公約内容", "担当部署", "進捗状況 (数値：%)"],
            ["政策Ⅰ 行革を進めます", "", policyI],
            ["1 計画を策定します", "", pledgeI1],
            ["● 行革プランを実行します\n・実施しました", "・行政監理室", starsI11],
            ["● 財政指標を管理します", "・財政課", "★★★★★ ★★★★☆"],
            ["2 女性活躍を進めます", "", "50"],
            ["● 女性管理職の登用を進めます", "", "★★★★★ ☆☆☆☆☆"],
        ])
    }

    static func findings(_ tables: [Table], recomputed: PledgeCore.Progress? = nil) -> [AuditFinding] {
        let titles = TitleIndex(plan: plan)
        let figures = tables.flatMap {
            PublishedReportReader.fromSheet($0, plan: plan, titles: titles, year: FiscalYear(2020), overallLabel: "全体")
        }
        return AuditChecks(plan: plan, rules: .tomakomai, recomputed: recomputed, year: FiscalYear(2020)).findings(figures)
    }

    @Test func aConsistentReportHasNoFindings() {
        #expect(Self.findings([Self.summary(), Self.detail()]).isEmpty)
    }

    @Test func readsEveryFigureOfAHandMadeTable() {
        let titles = TitleIndex(plan: Self.plan)
        let figures = PublishedReportReader.fromSheet(Self.summary(), plan: Self.plan, titles: titles, year: FiscalYear(2020),
                                                      overallLabel: "全体")
        #expect(figures.count == 12)
        let pledge = figures.first { $0.subject == .node(NodeID([1, 1])) && $0.year == FiscalYear(2020) }
        #expect(pledge?.value == Rational(95))
        #expect(pledge?.location.cell == "D6")
        #expect(figures.first { $0.subject == .overall && $0.year == FiscalYear(2019) }?.value == Rational(40))
    }

    @Test func aPolicyAgainstItsPledges() {
        let findings = Self.findings([Self.summary(policyI: "72", overall: "59.0")])
        #expect(findings.map(\.figure) == ["政策I 令和2年度"])
        #expect(findings.first?.expected == "73")
        #expect(findings.first?.location.cell == "D5")
    }

    @Test func theOverallAgainstThePolicies() {
        let findings = Self.findings([Self.summary(overall: "59.6")])
        #expect(findings.map(\.figure) == ["全体 令和2年度"])
        #expect(findings.first?.expected == "59.5")
    }

    @Test func aPledgeOutsideWhatItsStarsAllow() {
        // Stars 10 and 9 allow 89.5–100.5; 89 cannot come from them, 90 can (policy I then needs 70 or 69).
        #expect(Self.findings([Self.detail(policyI: "70", pledgeI1: "90")]).isEmpty)
        let findings = Self.findings([Self.detail(policyI: "70", pledgeI1: "89")])
        #expect(findings.map(\.figure) == ["公約I-1 令和2年度"])
        #expect(findings.first?.expected == "95")
        #expect(findings.first?.reasons == ["配下の施策の★（10、9）からは 89.5〜100.5 の範囲にしかなりません"])
    }

    @Test func theSameFigureDisagreeingWithNoRuleToDecide() {
        // Pledge I-2 is 50 in the detail table (its stars allow 44.5–55.5) and 55 in the 総括表, whose
        // policy I is 75 by its own pledges: each table agrees with itself, no rule decides between
        // them, so the print read later (総括表) is reported against the first, for both figures.
        let findings = Self.findings([Self.detail(), Self.summary(policyI: "75", pledgeI2: "55", overall: "60.5")])
        #expect(findings.map(\.figure) == ["政策I 令和2年度", "公約I-2 令和2年度"])
        #expect(findings.allSatisfy { $0.location.sheet == "総括表" })
        #expect(findings.map(\.expected) == ["73", "50"])
        #expect(findings.last?.reasons == ["同じ数値が 取組状況!C6 では 50 と印刷されていて食い違います"])
    }

    @Test func everyFigureAgainstTheRecomputedOnes() {
        var progress = PledgeCore.Progress()
        progress.percentages = [NodeID([1]): Rational(73), NodeID([1, 1]): Rational(95), NodeID([1, 2]): Rational(50),
                                NodeID([2]): Rational(46), NodeID([2, 1]): Rational(47)]
        progress.overall = Rational(595, 10)
        let findings = Self.findings([Self.summary()], recomputed: progress)
        #expect(findings.map(\.figure) == ["公約II-1 令和2年度"])
        #expect(findings.first?.reasons == ["各課の提出ファイルから計算し直すと 47"])
    }

    @Test func titlesWithTheirNumbering() {
        #expect(TitleIndex.strippingNumber("政策iii行革") == "行革")
        #expect(TitleIndex.strippingNumber("基本政策iii:行革") == "行革")
        #expect(TitleIndex.strippingNumber("12.行革") == "行革")
        let titles = TitleIndex(plan: Self.plan)
        #expect(titles.node(for: "Ⅱ　産業を\n振興します", under: nil)?.id == NodeID([2]))
        #expect(titles.node(for: "● 行革プランを実行します", under: nil) == nil)
    }
}
