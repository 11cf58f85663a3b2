import Foundation
import PledgeKit
import TableIO
import Testing

/// A term at a glance: the three-year history sample (FY2019, FY2020 from earlier summary.csv
/// files, FY2021 merged now), with pledge Ⅳ-1 renamed in FY2021's plan.
@Suite struct HistoryTests {
    static let plan = PledgeKitBinary.sample("history/plan.csv")
    static let inbox = PledgeKitBinary.sample("history/inbox")
    static let history = PledgeKitBinary.sample("history/history")

    func merge(previous: [String] = [], history: [String] = [], layout: String? = nil, into scratch: Scratch,
               out: String = "out") throws -> MergeOutcome {
        try InProcess.merge(Self.inbox, plan: Self.plan, year: "令和3年度", out: scratch.path(out), previous: previous,
                            history: history, layout: layout)
    }

    /// A CSV the merge wrote, without its leading `municipality_code` column (empty here: no publication in these layouts).
    func table(_ scratch: Scratch, _ file: String) throws -> Table {
        var table = try CSVReader.read(contentsOf: URL(fileURLWithPath: scratch.path(file))).table
        if table.rows.first?.values.first == "municipality_code" {
            table.rows = table.rows.map { Row(number: $0.number, values: Array($0.values.dropFirst())) }
        }
        return table
    }

    @Test func threeYearsSideBySideWithTheChange() throws {
        let scratch = try Scratch()
        let result = try merge(history: [Self.history], into: scratch)
        try #require(result.status == .success, "\(result.problems)")

        let summary = try table(scratch, "out/summary.csv")
        let header = summary.rows[0].values
        let year = header.firstIndex(of: "fiscal_year")!, id = header.firstIndex(of: "id")!, pct = header.firstIndex(of: "progress_pct")!
        let rows = summary.rows.dropFirst().map(\.values)
        #expect(Dictionary(grouping: rows, by: { $0[year] }).mapValues(\.count) == ["2019": 31, "2020": 31, "2021": 31])
        func value(_ fy: String, _ node: String) -> String? { rows.first { $0[year] == fy && $0[id] == node }?[pct] }
        #expect(value("2019", "all") == "54.8")
        #expect(value("2020", "all") == "74.8")
        #expect(value("2021", "all") == "80.8")
        // The renamed pledge keeps its figures of every year (matched by its ID)…
        #expect(value("2019", "IV-1") == "68")
        #expect(value("2020", "IV-1") == "75")
        #expect(value("2021", "IV-1") != nil)
        // …and the renaming is reported, once per earlier year's file.
        let reconciliation = try table(scratch, "out/reconciliation.csv")
        let renamed = reconciliation.rows.filter { $0.values.joined().contains("IV-1 の見出しは") }
        #expect(renamed.count == 2)

        let tables = try TableLoader.tables(at: URL(fileURLWithPath: scratch.path("out/市長公約取組状況.xlsx")))
        let sheet = try #require(tables.first { $0.sheet == "総括表" })
        let headings = try #require(sheet.rows.first { $0.values.contains("令和3年度 (%)") })
        #expect(Array(headings.values[2...4]) == ["令和元年度 (%)", "令和2年度 (%)", "令和3年度 (%)"])
        let top = try #require(sheet.rows.first { $0.values.contains("進捗状況") })
        #expect(top.values.last == "前年度比 (ポイント)")
        let overall = try #require(sheet.rows.first { $0.values.first == "全体" })
        #expect(Array(overall.values[2...5]) == ["54.8", "74.8", "80.8", "▲6.0"])
        let policyI = try #require(sheet.rows.first { $0.values.first == "Ⅰ" })
        #expect(policyI.values[5] == "▲7")

        // The chart plots one series per year.
        let chart = try #require(tables.first { $0.sheet == "グラフ" })
        #expect(chart.rows.contains { Array($0.values.prefix(4)) == ["基本政策", "令和元年度 (%)", "令和2年度 (%)", "令和3年度 (%)"] })

        // Audited, the three-year workbook is consistent with itself and with the inbox (the change column is no figure).
        let audit = try InProcess.audit(scratch.path("out/市長公約取組状況.xlsx"), [Self.inbox], plan: Self.plan, year: "令和3年度")
        #expect(audit.status == .success, "\(audit.report.findings.map(\.line))")
        #expect(audit.report.figuresChecked == 188 && audit.report.findings.isEmpty)
    }

    @Test func repeatedPreviousIsTheSameAsHistory() throws {
        let scratch = try Scratch()
        try #require(try merge(history: [Self.history], into: scratch, out: "a").status == .success)
        let repeated = try merge(previous: [Self.history + "/令和元年度/summary.csv", Self.history + "/令和2年度/summary.csv"],
                                 into: scratch, out: "b")
        try #require(repeated.status == .success, "\(repeated.problems)")
        for file in ["summary.csv", "市長公約取組状況.xlsx"] {
            #expect(try Data(contentsOf: scratch.url.appendingPathComponent("a/" + file))
                    == Data(contentsOf: scratch.url.appendingPathComponent("b/" + file)), "\(file)")
        }
    }

    @Test func yearsShownIsALayoutSetting() throws {
        let scratch = try Scratch()
        try scratch.write("layout/layout.yaml", "history:\n  yearsShown: 2\n")
        let result = try merge(history: [Self.history], layout: scratch.path("layout"), into: scratch)
        try #require(result.status == .success, "\(result.problems)")
        let summary = try table(scratch, "out/summary.csv")
        #expect(Set(summary.rows.dropFirst().map { $0.values[0] }) == ["2020", "2021"])
        let tables = try TableLoader.tables(at: URL(fileURLWithPath: scratch.path("out/市長公約取組状況.xlsx")))
        let sheet = try #require(tables.first { $0.sheet == "総括表" })
        // Two years and no change column unless the layout asks for it.
        #expect(!sheet.rows.contains { $0.values.contains("前年度比 (ポイント)") })
    }

    @Test func aRenamedPledgeInLastYearsWorkbookIsMatchedByItsNumber() throws {
        // A workbook carries titles and numbers, not IDs: the renamed pledge is found as 「1」 under policy Ⅳ.
        let scratch = try Scratch()
        let fy2020 = try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                                         year: "令和2年度", out: scratch.path("fy2020"),
                                         previous: [Self.history + "/令和元年度/summary.csv"])
        try #require(fy2020.status == .success)
        let result = try merge(previous: [Self.history + "/令和元年度/summary.csv", scratch.path("fy2020/市長公約取組状況.xlsx")],
                               into: scratch)
        try #require(result.status == .success, "\(result.problems)")
        let reconciliation = try table(scratch, "out/reconciliation.csv")
        #expect(reconciliation.rows.contains {
            $0.values.first == "info" && $0.values.joined().contains("令和2年度の「受動喫煙防止条例「フレッシュエア条例（仮称）」を制定します」は見出しが今年度")
                && $0.values.joined().contains("番号 IV-1 で対応付けました")
        })
        // The same figures as from the summary.csv files.
        let viaCSV = try merge(history: [Self.history], into: scratch, out: "csv")
        try #require(viaCSV.status == .success)
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent("out/summary.csv"))
                == Data(contentsOf: scratch.url.appendingPathComponent("csv/summary.csv")))
    }

    @Test func aPledgeMatchedNeitherByIDNorByTitleIsReported() throws {
        let scratch = try Scratch()
        let original = try String(contentsOfFile: Self.history + "/令和元年度/summary.csv", encoding: .utf8)
        let line = try #require(original.components(separatedBy: "\r\n").first { $0.contains(",IV-1,") })
        let dropped = "2019,令和元年度,pledge,IV-9,IV,9,廃止された公約,68"
        // IV-2 renumbered IV-7 in that file, title unchanged: matched by its title.
        let renumbered = try #require(original.components(separatedBy: "\r\n").first { $0.contains(",IV-2,") })
        try scratch.write("history/2019/summary.csv", original.replacingOccurrences(of: line, with: dropped)
            .replacingOccurrences(of: renumbered, with: renumbered.replacingOccurrences(of: ",IV-2,IV,2,", with: ",IV-7,IV,7,")))
        try scratch.write("history/2020/summary.csv", try String(contentsOfFile: Self.history + "/令和2年度/summary.csv", encoding: .utf8))
        let result = try merge(history: [scratch.path("history")], into: scratch)
        try #require(result.status == .success, "\(result.problems)")
        #expect(result.problems.contains("令和元年度のID「IV-9」は今年度の計画になく、見出しも合いません"))
        let reconciliation = try table(scratch, "out/reconciliation.csv")
        #expect(reconciliation.rows.contains { $0.values.first == "warning" && $0.values.joined().contains("IV-9") })
        #expect(reconciliation.rows.contains { $0.values.first == "info" && $0.values.joined().contains("令和元年度のID「IV-7」は今年度の計画にありませんが、見出しが同じ IV-2 と対応付けました") })
        let summary = try table(scratch, "out/summary.csv")
        #expect(summary.rows.contains { Array($0.values.prefix(4)) == ["2019", "令和元年度", "pledge", "IV-2"] && $0.values.last == "60" })
        // IV-1 has no FY2019 figure now: its row is there, empty (missing, never 0).
        #expect(summary.rows.first { Array($0.values.prefix(4)) == ["2019", "令和元年度", "pledge", "IV-1"] }?.values.last == "")
    }
}
