import Foundation
import Testing

/// A city report combining what issue 27 asks for (Samples/committee, templates/committee): a
/// committee's 1–5 score beside the department's own A–D (− 評価対象外, outside the count), and a KPI
/// per measure, higher-is-better by actual ÷ target, lower-is-better from the baseline, capped at 100 %.
/// Every figure below is worked by hand from those rules (Samples/committee/README.md has the table).
@Suite struct CommitteeSampleTests {
    let sample = SchemeSample(name: "committee")
    static let columns = ["委員会評価", "自己評価", "目標値", "実績値", "方向", "基準値", "単位"]

    static let figures: [String: String] = [
        // Committee 1–5: policy 1 scores 3, 5, 4 → 12/3 = 4.00; policy 2 scores 2, 4, 3, 3, 4 → 16/5 = 3.20.
        // meanOf: items — overall over the 8 measures 28/8 = 3.50 (the mean of the policies would be 3.60).
        "1 mean committee ": "4.00", "2 mean committee ": "3.20", "all mean committee ": "3.50",
        // Share of measures scored ≥ 4: 2/3 = 66.7, 2/5 = 40.0, overall 4/8 = 50.0.
        "1 share committee 4": "66.7", "2 share committee 4": "40.0", "all share committee 4": "50.0",
        "all items committee ": "8",
        // Self A–D: 2-5 is − (評価対象外): 評価対象数 3, 4, overall 7 (not 8), though − is counted as itself.
        "1 items self ": "3", "2 items self ": "4", "all items self ": "7",
        "all count self a": "2", "all count self b": "3", "all count self c": "2", "all count self d": "0",
        "all count self not_applicable": "1",
        // A or B: 3/3 = 100.0; policy 2 B, C, B, C (− left out) 2/4 = 50.0 (not 2/5 = 40.0); overall 5/7 = 71.43 → 71.4.
        "1 share_of self a+b": "100.0", "2 share_of self a+b": "50.0", "all share_of self a+b": "71.4",
        // C alone: 0/3 = 0.0, 2/4 = 50.0, overall 2/7 = 28.57 → 28.6.
        "1 share_of self c": "0.0", "2 share_of self c": "50.0", "all share_of self c": "28.6",
        // KPI rates: 1-1 待機児童 120 → 30, target 0: (120 − 30) ÷ (120 − 0) = 75 % (C);
        // 1-2 210 ÷ 200 = 105 % capped to 100 % (A); 1-3 15 → 0, target 0: reached zero, 100 % (A);
        // 2-1 41分 → 38.2分, target 35: (41 − 38.2) ÷ (41 − 35) = 2.8 ÷ 6 = 46.67 % (D);
        // 2-2 8 → 2, target 0: 6 ÷ 8 = 75 % (C); 2-3 1,234件 ÷ 1,500件 = 82.27 % (B);
        // 2-4 not yet measured (no rate, not counted); 2-5 has no KPI.
        "1 items kpi ": "3", "2 items kpi ": "3", "all items kpi ": "6",
        "all count kpi kpi_a": "2", "all count kpi kpi_b": "1", "all count kpi kpi_c": "2", "all count kpi kpi_d": "1",
        // Means of the measures' rates rounded to one decimal: (75 + 100 + 100)/3 = 91.67 → 91.7;
        // (46.7 + 75.0 + 82.3)/3 = 68.0; overall (91.7 + 68.0)/2 = 79.85 → 79.9.
        "1 achievement kpi ": "91.7", "2 achievement kpi ": "68.0", "all achievement kpi ": "79.9",
    ]

    @Test func mergeGivesTheFiguresTheRulesGive() throws {
        let scratch = try sample.expectMerge(year: "令和4年度", figures: Self.figures,
                                             headline: "令和4年度 全体 自己評価A・B (%)（分母: 評価した取組の数、「−」を除く）: 71.4")
        let evaluations = try scratch.csv("out/evaluations.csv")
        func row(_ measure: String, _ evaluator: String) -> [String?]? {
            evaluations.first { $0["measure_id"] == measure && $0["evaluator"] == evaluator }.map { row in
                ["value", "target", "actual", "baseline", "unit", "direction", "achievement_pct"].map { row[$0] }
            }
        }
        // The department that reached zero: a success, not an error.
        #expect(row("1-3", "kpi") == ["A", "0", "0", "15", "人", "lower", "100.00"])
        #expect(row("2-1", "kpi") == ["D", "35", "38.2", "41", "分", "lower", "46.67"])
        // Not yet measured: kept with its target, no rate.
        #expect(row("2-4", "kpi") == ["未測定", "5000", "", "1200", "基", "higher", ""])
        #expect(row("2-5", "self")?.first == "−")
        #expect(row("2-5", "kpi") == nil)
        // Each share's denominator is stated in datapackage.json, and the workbook's labels carry it.
        let package = try scratch.read("out/datapackage.json")
        #expect(package.contains("委員会評価4以上 (%)（分母: 評価した取組の数）: 分母: 評価した取組の数"))
        #expect(package.contains("自己評価C (%)（分母: 評価した取組の数、「−」を除く）: 分母: 評価した取組の数、「−」を除く"))
        let strings = String(decoding: try #require(WorkbookParts.read(scratch.path("out/市長公約取組状況.xlsx"))["xl/sharedStrings.xml"]),
                             as: UTF8.self)
        #expect(strings.contains("自己評価A・B (%)（分母: 評価した取組の数、「−」を除く）"))
        #expect(strings.contains("未測定"))
    }

    /// グラフ: one chart per rate shown per basic policy (the committee's mean on its 1–5 axis, the
    /// three shares and the mean achievement on 0–100), none for the counts.
    @Test func theChartSheetPlotsEachRatePerPolicy() throws {
        let scratch = try Scratch()
        #expect(try sample.merge(year: "令和4年度", out: scratch.path("out")).status == .success)
        let parts = try WorkbookParts.read(scratch.path("out/市長公約取組状況.xlsx"))
        let charts = parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.sorted()
        #expect(charts == (1...5).map { "xl/charts/chart\($0).xml" })
        func text(_ part: String) -> String { String(decoding: parts[part] ?? Data(), as: UTF8.self) }
        #expect(text("xl/workbook.xml").contains("name=\"グラフ\""))
        #expect(text("xl/charts/chart1.xml").contains("委員会評価の平均") && text("xl/charts/chart1.xml").contains("<c:max val=\"5\"/>"))
        #expect(text("xl/charts/chart5.xml").contains("平均達成率 (%)") && text("xl/charts/chart5.xml").contains("<c:max val=\"100\"/>"))
    }

    /// Each column of the template is restricted by its own evaluator's scheme: 1–5, the A–D list,
    /// the KPI's numbers (a target of 0 allowed) and its own list of directions.
    @Test func theTemplateRestrictsEachColumnByItsOwnScheme() throws {
        let scratch = try Scratch()
        let template = try InProcess.template(plan: sample.plan, year: "令和4年度", out: scratch.path("t"), layout: sample.layout)
        #expect(template.status == .success, "\(template.problems)")
        let sheet = try TemplateFiller(URL(fileURLWithPath: scratch.path("t/交通政策課.xlsx")))
        #expect("ABCDEFGHIJKL".map { sheet.text("\($0)11") }
                == ["施策ID", "基本政策", "施策内容", "取組事業内容", "委員会評価", "自己評価", "目標値", "実績値", "方向", "基準値", "単位", "備考"])
        let xml = try #require(sheet.part("xl/worksheets/sheet1.xml"))
        let validations = TemplateFiller.matches(of: #"(<dataValidation type="(?:whole|list|decimal)".*?</dataValidation>)"#, in: xml)
        func validation(_ column: String) -> String { validations.first { $0.contains("sqref=\"\(column)12:") } ?? "" }
        #expect(validation("E").contains("type=\"whole\"") && validation("E").contains("<formula2>5</formula2>"))
        #expect(validation("F").contains("'選択肢'!$A$1:$A$5"))
        #expect(validation("G").contains("greaterThanOrEqual") && validation("G").contains("<formula1>0</formula1>"))
        #expect(validation("I").contains("'選択肢'!$A$6:$A$7"))
        #expect(validation("K").isEmpty)
    }

    @Test func templateFilledCheckedAndMergedGivesTheSameFigures() throws {
        try sample.expectRoundTrip(year: "令和4年度", evaluators: Self.columns, departments: 4)
    }

    /// A grade outside either scheme is refused with its cell, by the scheme of its column.
    @Test(arguments: [
        ("4,B,0,2,", "4,E,0,2,", "交通政策課.csv!E6: 自己評価は「A」「B」「C」「D」「−」のいずれかで入力してください（入力値: E）"),
        ("4,B,0,2,", "6,B,0,2,", "交通政策課.csv!D6: 委員会評価は1〜5の整数で入力してください（入力値: 6）"),
        ("4,B,0,2,", "B,B,0,2,", "交通政策課.csv!D6: 委員会評価は1〜5の整数で入力してください（入力値: B）"),
        ("\"1,234件\"", "\"1,234人\"", "交通政策課.csv!G7: 実績値の単位「人」は読めません（この指標の単位は「件」です）。数値だけか、指標の単位を付けて入力してください（入力値: 1,234人）"),
        ("8,人", ",人", "交通政策課.csv!I6: 基準値が入力されていません。"),
    ])
    func aValueOutsideItsColumnsSchemeIsRefusedWithItsCell(original: String, typed: String, message: String) throws {
        let scratch = try Scratch()
        let text = try String(contentsOfFile: sample.inbox + "/交通政策課.csv", encoding: .utf8)
        try #require(text.contains(original))
        let file = try scratch.write("交通政策課.csv", text.replacingOccurrences(of: original, with: typed))
        let check = try InProcess.check([file], plan: sample.plan, layout: sample.layout)
        #expect(check.status == .dataErrors)
        #expect(check.errorLines.contains { $0.contains(message) }, "\(check.problems)")
    }
}
