import PledgeCore
@testable import PledgeKit
import TableIO
import Testing

/// The reconciliation rules in-process, where each outcome can be asserted as the exact
/// diagnostic, including the rows a refused merge never writes.
@Suite struct ReconcilerTests {
    static let plan = Plan(policies: [
        PlanNode(id: NodeID([1]), number: "Ⅰ", title: "行革を進めます", children: [
            PlanNode(id: NodeID([1, 1]), number: "1", title: "計画を策定します", children: [
                PlanNode(id: NodeID([1, 1, 1]), number: "1", title: "行革プランを実行します", departments: ["行政監理室"]),
                PlanNode(id: NodeID([1, 1, 2]), number: "2", title: "財政指標を管理します", departments: ["財政課"]),
            ]),
            PlanNode(id: NodeID([1, 2]), number: "2", title: "女性活躍を進めます", children: [
                PlanNode(id: NodeID([1, 2, 1]), number: "1", title: "女性管理職の登用を進めます", departments: ["行政監理室"]),
            ]),
        ]),
    ], romanPolicyNumbers: true)

    /// A submission read the way merge reads it, from CSV text.
    static func submission(_ text: String, file: String = "行政監理室.csv") throws -> Submission {
        var diagnostics = Diagnostics()
        let table = try CSVReader.parse(text, file: file)
        return try #require(SubmissionReader.read([table], file: file, diagnostics: &diagnostics))
    }

    static func file(year: String = "令和2年度", date: String = "2021/4/20", _ rows: String...) -> String {
        "部署名,行政監理室\n年度,\(year)\n提出日,\(date)\n\n施策ID,施策内容,取組事業内容,評価\n" + rows.map { $0 + "\n" }.joined()
    }

    static func reconcile(_ submissions: [Submission], year: FiscalYear? = FiscalYear(2020),
                          scope: Reconciler.Scope = .inbox) -> (Reconciliation, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let result = Reconciler(plan: plan, year: year, rules: ReconcileRules(rated: true), scope: scope)
            .reconcile(submissions, diagnostics: &diagnostics)
        return (result, diagnostics.sorted)
    }

    @Test func ratingParserAcceptsDigitsFullWidthAndStars() {
        #expect(RatingParser.parse("7") == 7)
        #expect(RatingParser.parse("７") == 7)
        #expect(RatingParser.parse("7.0") == 7)
        #expect(RatingParser.parse("10") == 10)
        #expect(RatingParser.parse("0") == 0)
        #expect(RatingParser.parse("★★★★★★★☆☆☆") == 7)
        #expect(RatingParser.parse("★★★★★ ★★☆☆☆") == 7)
        #expect(RatingParser.parse("☆☆☆☆☆☆☆☆☆☆") == 0)
        for bad in ["11", "-1", "7.5", "済", "", "★★★★★★★★★★★", "7点"] {
            #expect(RatingParser.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func submissionDatesInEveryUsualSpelling() {
        let expected = SubmissionDate(year: 2021, month: 4, day: 20)
        for text in ["2021/4/20", "2021-04-20", "2021年4月20日", "令和3年4月20日", "R3.4.20", "2021-04-20 00:00:00", "44306", "２０２１/４/２０"] {
            #expect(SubmissionDate(parsing: text) == expected, "\(text)")
        }
        #expect(SubmissionDate(parsing: "令和元年5月1日") == SubmissionDate(year: 2019, month: 5, day: 1))
        #expect(SubmissionDate(parsing: "4月20日") == nil)
    }

    @Test func closestTitlesAreTheThreeNearest() {
        let matcher = MeasureMatcher(plan: Self.plan)
        #expect(matcher.leaf(title: "女性管理職の 登用を進めます") == NodeID([1, 2, 1]))
        #expect(matcher.closestTitles(to: "女性管理職を増やします") ==
                ["I-2-1 女性管理職の登用を進めます", "I-1-1 行革プランを実行します", "I-1-2 財政指標を管理します"])
        #expect(matcher.leaf(id: "Ｉ－１－１") == NodeID([1, 1, 1]))
        #expect(matcher.leaf(id: "1-1-1") == NodeID([1, 1, 1]))
        #expect(matcher.leaf(id: "I-1") == nil)
    }

    @Test func laterSubmissionSupersedesAndTheEarlierIsNotRead() throws {
        let early = try Self.submission(Self.file(date: "2021/4/16", "Ⅰ-1-1,,古い取組,11"), file: "a.csv")
        let late = try Self.submission(Self.file(date: "2021/4/19", "Ⅰ-1-1,,新しい取組,8"), file: "b.csv")
        let (result, diagnostics) = Self.reconcile([early, late])
        #expect(result.supersededFiles == ["a.csv"])
        #expect(result.activities.map(\.activity.text) == ["新しい取組"])
        // The earlier file's rating 11 is never reported: the file was replaced as a whole.
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(diagnostics.first { $0.code == .submissionSuperseded } == Diagnostic(
            .info, .submissionSuperseded, at: SourceLocation(file: "a.csv"), department: "行政監理室",
            "a.csv（提出日 2021-04-16）は b.csv（提出日 2021-04-19）に置き換えられました。"))
    }

    @Test func yearLabelOfAnotherYearIsAnError() throws {
        let submission = try Self.submission(Self.file(year: "R1", "Ⅰ-1-1,,取組,8"))
        let (result, diagnostics) = Self.reconcile([submission])
        #expect(result.activities.isEmpty)
        #expect(diagnostics.first == Diagnostic(
            .error, .yearMismatch, at: SourceLocation(file: "行政監理室.csv", row: 2, column: 2), department: "行政監理室",
            "年度が令和元年度になっていますが、集計する年度は令和2年度です。年度欄を直すか、このファイルを取り除いてください（集計する年度の指定も確認してください）。"))
    }

    @Test func withoutAYearTheFileLabelDecides() throws {
        let submission = try Self.submission(Self.file(year: "R1", "Ⅰ-1-1,,取組,8", "Ⅰ-2-1,,研修,6"))
        let (result, diagnostics) = Self.reconcile([submission], year: nil, scope: .ownFiles)
        #expect(result.activities.count == 2)
        #expect(diagnostics.isEmpty)
    }

    @Test func ownFilesScopeReportsOnlyTheSendersMeasures() throws {
        let submission = try Self.submission(Self.file("Ⅰ-1-1,,取組,8"))
        let (_, diagnostics) = Self.reconcile([submission], scope: .ownFiles)
        #expect(diagnostics == [Diagnostic(
            .warning, .measureUnreported, at: SourceLocation(file: "行政監理室.csv"), measureID: "I-2-1", department: "行政監理室",
            "担当の施策 I-2-1「女性管理職の登用を進めます」の取組が記入されていません（このままでは未提出として扱われます）。")])
        // The same file in a merge: I-1-2 nobody reported on, 財政課 sent nothing, I-2-1 unreported.
        let (_, inbox) = Self.reconcile([submission], scope: .inbox)
        #expect(inbox.map(\.code) == [.departmentNoSubmission, .measureUnreported, .measureUnreported])
    }

    @Test func untouchedTemplateRowsAreSkippedSilently() throws {
        let submission = try Self.submission(Self.file("Ⅰ-1-1,行革プランを実行します,,", "Ⅰ-2-1,女性管理職の登用を進めます,研修,6", ",,,"))
        let (result, diagnostics) = Self.reconcile([submission], scope: .ownFiles)
        #expect(result.activities.count == 1)
        #expect(result.rowsSkipped == 1)
        #expect(diagnostics.map(\.code) == [.measureUnreported])
    }
}
