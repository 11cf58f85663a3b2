import Foundation
import PledgeKit
import TableIO
import Testing

/// One test per reconciliation rule of PRODUCT.md §3 (issue 5): each runs `merge` on a small inbox
/// and asserts the exact `reconciliation.csv` row (or, when the run must stop, the exact message,
/// since a failed run writes nothing) and the exit status.
@Suite struct ReconciliationRulesTests {
    static let plan = """
    基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署
    Ⅰ,行革を進めます,1,計画を策定します,1,行革プランを実行します,・行政監理室
    Ⅰ,行革を進めます,1,計画を策定します,2,財政指標を管理します,・財政課
    Ⅰ,行革を進めます,2,女性活躍を進めます,1,女性管理職の登用を進めます,・行政監理室
    Ⅰ,行革を進めます,2,女性活躍を進めます,2,男女平等参画都市宣言を踏まえた施策を推進します,"・行政監理室
    ・財政課"

    """

    /// A department file as Excel saves it: labels, an empty line, the header in row 5.
    static func file(_ department: String, year: String = "令和2年度", date: String? = "2021/4/20", rows: [String]) -> String {
        "部署名,\(department)\n年度,\(year)\n提出日,\(date ?? "")\n\n施策ID,施策内容,取組事業内容,評価\n" + rows.map { $0 + "\n" }.joined()
    }

    /// 財政課's file, reporting on all its measures, so that a test's rows are only its own.
    static let finance = file("財政課", rows: ["Ⅰ-1-2,,財政シミュレーションを更新しました,6", "Ⅰ-2-2,,庁内研修を行いました,5"])
    static let admin = ["Ⅰ-1-1,,行革プランの取組を評価しました,8", "Ⅰ-2-1,,女性職員の研修を行いました,6", "Ⅰ-2-2,,講演会を開きました,7"]

    struct Run {
        var result: MergeOutcome
        var scratch: Scratch
        /// reconciliation.csv without its header, each row as its eight fields after the municipality code.
        func reconciliation() throws -> [[String]] {
            let table = try CSVReader.read(contentsOf: scratch.url.appendingPathComponent("out/reconciliation.csv")).table
            #expect(table.rows.first?.values == ["municipality_code", "severity", "code", "file", "sheet", "cell", "measure_id", "department", "message"])
            return table.rows.dropFirst().map { Array($0.values.dropFirst()) }
        }
        func csv(_ name: String) throws -> [[String: String]] {
            let table = try CSVReader.read(contentsOf: scratch.url.appendingPathComponent("out/" + name)).table
            let header = table.rows[0].values
            return table.rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.values)) }
        }
        /// The lines of a refused run that are errors, as printed for the planning office.
        var errorLines: [String] { result.errorLines }
    }

    static func merge(_ files: [String: String], year: String = "2020", strict: Bool = false,
                      encoding: String.Encoding = .utf8) throws -> Run {
        let scratch = try Scratch()
        try scratch.write("plan.csv", plan)
        for (name, text) in files { try scratch.write("inbox/" + name, text, encoding: encoding) }
        let result = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: year,
                                         out: scratch.path("out"), strict: strict)
        return Run(result: result, scratch: scratch)
    }

    // MARK: Resubmission by 提出日

    @Test func laterSubmissionReplacesTheEarlierAsAWhole() throws {
        let first = Self.file("行政監理室", date: "2021/4/16", rows: Self.admin + ["Ⅰ-1-1,,取り下げた取組です,2"])
        let second = Self.file("行政監理室", date: "令和3年4月20日", rows: Self.admin.map { $0.replacingOccurrences(of: ",8", with: ",9") })
        let run = try Self.merge(["行政監理室.csv": first, "行政監理室_再提出.csv": second, "財政課.csv": Self.finance])
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [
            ["info", "submission.superseded", "行政監理室.csv", "", "", "", "行政監理室",
             "行政監理室.csv（提出日 2021-04-16）は 行政監理室_再提出.csv（提出日 2021-04-20）に置き換えられました。"],
        ])
        let activities = try run.csv("activities.csv").filter { $0["department"] == "行政監理室" }
        #expect(activities.count == 3)
        #expect(!activities.contains { $0["activity"] == "取り下げた取組です" })
        #expect(activities.first { $0["measure_id"] == "I-1-1" }?["rating"] == "9")
    }

    @Test func twoSubmissionsWithoutDatesAreAnErrorNamingBoth() throws {
        let first = Self.file("行政監理室", date: nil, rows: Self.admin)
        let second = Self.file("行政監理室", date: "2021/4/20", rows: Self.admin)
        let run = try Self.merge(["行政監理室.csv": first, "行政監理室2.csv": second, "財政課.csv": Self.finance])
        #expect(run.result.status == .dataErrors)
        #expect(run.errorLines == [
            "エラー 行政監理室.csv: 行政監理室の提出ファイルが複数あり（行政監理室.csv、行政監理室2.csv）、提出日がないためどれを使うか決められません。提出日を記入するか、古いファイルを取り除いてください。",
        ])
        #expect(!FileManager.default.fileExists(atPath: run.scratch.path("out")))
    }

    @Test func twoSubmissionsWithTheSameDateAreAnError() throws {
        let first = Self.file("行政監理室", date: "2021/4/20", rows: Self.admin)
        let second = Self.file("行政監理室", date: "2021-04-20", rows: Self.admin)
        let run = try Self.merge(["行政監理室.csv": first, "行政監理室2.csv": second, "財政課.csv": Self.finance])
        #expect(run.result.status == .dataErrors)
        #expect(run.errorLines == [
            "エラー 行政監理室2.csv: 行政監理室の提出ファイルが複数あり（行政監理室.csv、行政監理室2.csv）、提出日が同じ(2021-04-20)のためどれを使うか決められません。",
        ])
    }

    // MARK: The measure of a row

    @Test func measureNamedByTitleWhenTheIDIsEmpty() throws {
        let rows = ["Ⅰ-1-1,,行革プランの取組を評価しました,8", ",女性管理職の　登用を進めます,女性職員の研修を行いました,6", "Ⅰ-2-2,,講演会を開きました,7"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [
            ["info", "measure.matched_by_title", "行政監理室.csv", "", "B7", "I-2-1", "行政監理室",
             "施策IDが空のため、施策内容から施策 I-2-1 と判断しました。"],
        ])
        #expect(try run.csv("activities.csv").contains { $0["measure_id"] == "I-2-1" && $0["activity"] == "女性職員の研修を行いました" })
    }

    @Test func unmatchedTitleListsTheThreeClosest() throws {
        let rows = Self.admin + [",女性管理職を増やします,管理職登用の研修を行いました,6"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .dataErrors)
        #expect(run.errorLines == [
            "エラー 行政監理室.csv!B9: 施策「女性管理職を増やします」が計画にありません。近い施策: 「I-2-1 女性管理職の登用を進めます」、「I-1-1 行革プランを実行します」、「I-1-2 財政指標を管理します」",
        ])
    }

    @Test func idsInRomanFullWidthOrArabicFormNameTheSameMeasure() throws {
        let rows = ["I-1-1,,取組A,8", "Ⅰ-1-1,,取組B,8", "Ｉ－１－１,,取組C,8", "1-1-1,,取組D,8", "ⅰ-1-1,,取組E,8",
                    "Ⅰ-2-1,,女性職員の研修を行いました,6", "Ⅰ-2-2,,講演会を開きました,7"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [])
        let ids = try run.csv("activities.csv").filter { $0["activity"]!.hasPrefix("取組") }.map { $0["measure_id"]! }
        #expect(ids == ["I-1-1", "I-1-1", "I-1-1", "I-1-1", "I-1-1"])
    }

    @Test func idOfAPledgeRatherThanAMeasureIsAnError() throws {
        let rows = Self.admin + ["Ⅰ-2,,講演会を開きました（2回目）,7"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .dataErrors)
        #expect(run.errorLines == ["エラー 行政監理室.csv!A9: 施策ID「Ⅰ-2」は計画にありません。"])
    }

    // MARK: Ratings

    @Test func ratingsAsDigitsFullWidthDigitsOrStars() throws {
        let rows = ["Ⅰ-1-1,,取組A,7", "Ⅰ-1-1,,取組B,７", "Ⅰ-1-1,,取組C,7.0", "Ⅰ-1-1,,取組D,★★★★★★★☆☆☆", "Ⅰ-1-1,,取組E,★★★★★ ★★☆☆☆",
                    "Ⅰ-2-1,,女性職員の研修を行いました,6", "Ⅰ-2-2,,講演会を開きました,7"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [
            ["info", "rating.stars", "行政監理室.csv", "", "D9", "I-1-1", "行政監理室", "評価「★★★★★★★☆☆☆」を★の数から7と読みました。"],
            ["info", "rating.stars", "行政監理室.csv", "", "D10", "I-1-1", "行政監理室", "評価「★★★★★ ★★☆☆☆」を★の数から7と読みました。"],
        ])
        let ratings = try run.csv("activities.csv").filter { $0["activity"]!.hasPrefix("取組") }.map { $0["rating"]! }
        #expect(ratings == ["7", "7", "7", "7", "7"])
        #expect(try run.csv("measures.csv").first { $0["id"] == "I-1-1" }?["score"] == "7.00")
    }

    @Test(arguments: ["11", "-1", "7.5", "済", "★★★★★★★★★★★"])
    func ratingOutsideTheScaleIsAnErrorWithItsCell(rating: String) throws {
        let rows = ["Ⅰ-1-1,,行革プランの取組を評価しました,\(rating)", "Ⅰ-2-1,,女性職員の研修を行いました,6", "Ⅰ-2-2,,講演会を開きました,7"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .dataErrors)
        #expect(run.errorLines == ["エラー 行政監理室.csv!D6: 評価は0〜10の整数で入力してください（入力値: \(rating)）"])
    }

    // MARK: Departments and measures

    @Test func departmentRatingAMeasureNotAssignedToIt() throws {
        let rows = Self.admin + ["Ⅰ-1-2,,予算査定に協力しました,5"]
        let files = ["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance]
        let run = try Self.merge(files)
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [
            ["warning", "department.unassigned", "行政監理室.csv", "", "A9", "I-1-2", "行政監理室",
             "行政監理室は計画上、施策 I-1-2 の担当部署ではありません（集計には含めます）。"],
        ])
        #expect(try run.csv("activities.csv").contains { $0["measure_id"] == "I-1-2" && $0["department"] == "行政監理室" })
        // A warning stops the run only under --strict.
        let strict = try Self.merge(files, strict: true)
        #expect(strict.result.status == .dataErrors)
        #expect(!FileManager.default.fileExists(atPath: strict.scratch.path("out")))
    }

    @Test func measureNobodyReportedOnIsAWarningAndEmptyNotZero() throws {
        let rows = ["Ⅰ-1-1,,行革プランの取組を評価しました,8", "Ⅰ-2-2,,講演会を開きました,7"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [
            ["warning", "measure.unreported", "", "", "", "I-2-1", "行政監理室", "施策 I-2-1 の取組の報告がありません（未提出）。"],
        ])
        let measure = try #require(try run.csv("measures.csv").first { $0["id"] == "I-2-1" })
        #expect(measure["score"] == "" && measure["stars"] == "" && measure["activity_count"] == "0")
        // The pledge still averages its reported measure only: I-2-2 alone (7+5)/2 = 6 → 60 %.
        let summary = try run.csv("summary.csv")
        #expect(summary.first { $0["id"] == "I-2" }?["progress_pct"] == "60")
    }

    @Test func departmentThatSentNothingIsListed() throws {
        let rows = Self.admin + ["Ⅰ-1-2,,財政課に代わって報告します,5"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows)])
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [
            ["warning", "department.no_submission", "", "", "", "", "財政課", "財政課から提出がありません。"],
            ["warning", "department.unassigned", "行政監理室.csv", "", "A9", "I-1-2", "行政監理室",
             "行政監理室は計画上、施策 I-1-2 の担当部署ではありません（集計には含めます）。"],
        ])
    }

    @Test func sameActivityTwiceInOneFileCountsOnce() throws {
        let rows = Self.admin + ["Ⅰ-1-1,,行革プランの取組を 評価しました,8"]
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: rows), "財政課.csv": Self.finance])
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [
            ["warning", "activity.duplicate", "行政監理室.csv", "", "C9", "I-1-1", "行政監理室",
             "同じ施策の同じ取組がC6にもあります。この行は集計しません。"],
        ])
        #expect(try run.csv("activities.csv").filter { $0["measure_id"] == "I-1-1" }.count == 1)
    }

    // MARK: Fiscal year

    @Test func fileLabelledWithAnotherYearIsAnErrorNotSkipped() throws {
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", year: "令和元年度", rows: Self.admin), "財政課.csv": Self.finance])
        #expect(run.result.status == .dataErrors)
        #expect(run.errorLines == [
            "エラー 行政監理室.csv!B2: 年度が令和元年度になっていますが、集計する年度は令和2年度です。年度欄を直すか、このファイルを取り除いてください（集計する年度の指定も確認してください）。",
        ])
    }

    /// Every file of the inbox is for 令和4年度 and 2020 was asked: the year asked is the mistake,
    /// said once (issue 29), not 24 errors and a warning for every measure left unreported.
    @Test func wrongYearOnTheAgeoSampleIsSaidOnce() throws {
        let scratch = try Scratch()
        let result = try InProcess.merge(PledgeKitBinary.sample("ageo/inbox"), plan: PledgeKitBinary.sample("ageo/plan.csv"), year: "2020",
                                         out: scratch.path("out"),
                                         layout: PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/ageo").path)
        let files = try FileManager.default.contentsOfDirectory(atPath: PledgeKitBinary.sample("ageo/inbox")).filter { $0.hasSuffix(".csv") }
        #expect(files.count == 24)
        #expect(result.status == .dataErrors)
        #expect(result.diagnostics.isEmpty)
        #expect(result.refusal == "24ファイルすべての年度が令和4年度です。集計する年度（令和2年度）の指定を確かめてください。何も書き出していません。")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test func cp932FileFromExcelIsReadLikeUTF8() throws {
        let run = try Self.merge(["行政監理室.csv": Self.file("行政監理室", rows: Self.admin), "財政課.csv": Self.finance],
                                 encoding: .shiftJIS)
        #expect(run.result.status == .success, "\(run.result.problems)")
        #expect(try run.reconciliation() == [])
        #expect(try run.csv("activities.csv").map { $0["department"]! }.sorted() == ["行政監理室", "行政監理室", "行政監理室", "財政課", "財政課"])
    }
}
