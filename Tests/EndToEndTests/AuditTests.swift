import Foundation
import PledgeKit
import TableIO
import Testing

/// `pledgekit audit`: the published Tomakomai report's one misprint (policy Ⅲ, 88 in the detail
/// table, 89 in the 総括表 and by the rule), nothing on pledgekit's own outputs. The pipeline is
/// called in-process; the binary for its usage errors and for the printed findings.
@Suite struct AuditTests {
    static let published = PledgeKitBinary.sample("published/tomakomai-fy2020-published.xlsx")
    static let plan = PledgeKitBinary.sample("tomakomai/plan.csv")
    static let inbox = PledgeKitBinary.sample("tomakomai/inbox")

    func findingLines(_ result: AuditOutcome) -> [String] { result.report.findings.map(\.line) }

    func mergeTomakomai(into scratch: Scratch) throws {
        let merged = try InProcess.merge(Self.inbox, plan: Self.plan, year: "令和2年度", out: scratch.path("out"),
                                         previous: [PledgeKitBinary.sample("tomakomai/previous/summary.csv")])
        try #require(merged.status == .success, "\(merged.problems)")
    }

    @Test func publishedReportHasExactlyThePolicyIIIMisprint() throws {
        let scratch = try Scratch()
        let result = try InProcess.audit(Self.published, plan: Self.plan, year: "令和2年度", out: scratch.url.path)
        #expect(result.status == .dataErrors)
        let lines = findingLines(result)
        #expect(lines.count == 1, "\(lines)")
        let line = try #require(lines.first)
        #expect(line.contains("tomakomai-fy2020-published.xlsx 取組状況!D40 政策III 令和2年度: 印刷 88、正しくは 89"))
        #expect(line.contains("（67、100、100、84、92）の平均 88.60 を四捨五入すると 89"))
        #expect(line.contains("総括表!D22 では 89"))
        // Every figure of the hand-made workbook was found: 2 × 31 in the 総括表 (page 2's full-width
        // text included), 30 percentages and 50 star ratings in the detail table.
        #expect(result.report.figuresChecked == 142 && result.report.findings.count == 1)

        let csv = try CSVReader.read(contentsOf: URL(fileURLWithPath: scratch.path("audit-findings.csv"))).table
        #expect(csv.rows.count == 2)
        let header = csv.rows[0].values, row = csv.rows[1].values
        func field(_ name: String) -> String { row[header.firstIndex(of: name)!] }
        #expect(field("figure") == "政策III 令和2年度")
        #expect(field("id") == "III")
        #expect(field("fiscal_year") == "2020")
        #expect(field("sheet") == "取組状況")
        #expect(field("cell") == "D40")
        #expect(field("printed") == "88")
        #expect(field("expected") == "89")
    }

    @Test func inboxAgreesWithTheRule() throws {
        let result = try InProcess.audit(Self.published, [Self.inbox], plan: Self.plan, year: "2020")
        #expect(result.status == .dataErrors)
        let lines = findingLines(result)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("取組状況!D40") == true)
        #expect(lines.first?.contains("各課の提出ファイルから計算し直すと 89") == true)
    }

    @Test func pledgekitsOwnOutputsHaveNoFindings() throws {
        let scratch = try Scratch()
        try mergeTomakomai(into: scratch)
        for file in ["out/市長公約取組状況.xlsx", "out/summary.csv"] {
            for inbox in [[], [Self.inbox]] {
                let result = try InProcess.audit(scratch.path(file), inbox, plan: Self.plan, year: "2020")
                #expect(result.status == .success, "\(file) \(inbox): \(result.problems)")
                #expect(result.report.findings.isEmpty)
            }
        }
        // The workbook prints 152 figures: 総括表 62, 取組状況 30 + 50 stars, the chart's table 10.
        let workbook = try InProcess.audit(scratch.path("out/市長公約取組状況.xlsx"), plan: Self.plan, year: "2020")
        #expect(workbook.report.figuresChecked == 152)
    }

    @Test func inboxCatchesWhatTheRuleCannot() throws {
        // Pledge I-1 printed 96 instead of 95: policy I still averages to 73, so only the inbox shows it.
        let scratch = try Scratch()
        try mergeTomakomai(into: scratch)
        let summary = URL(fileURLWithPath: scratch.path("out/summary.csv"))
        let text = try String(contentsOf: summary, encoding: .utf8)
        let tampered = text.replacingOccurrences(of: "2020,令和2年度,pledge,I-1,I,1,新たな行財政改革計画を策定します,95",
                                                 with: "2020,令和2年度,pledge,I-1,I,1,新たな行財政改革計画を策定します,96")
        try #require(tampered != text)
        try tampered.write(to: summary, atomically: true, encoding: .utf8)

        let alone = try InProcess.audit(summary.path, plan: Self.plan, year: "2020")
        #expect(alone.status == .success, "\(findingLines(alone))")
        let withInbox = try InProcess.audit(summary.path, [Self.inbox], plan: Self.plan, year: "2020")
        #expect(withInbox.status == .dataErrors)
        let lines = findingLines(withInbox)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("公約I-1 令和2年度: 印刷 96、正しくは 95") == true)
    }

    /// Through the executable: the findings as printed, and the exit status.
    @Test func theCommandPrintsEachFindingAndTheCount() throws {
        let result = try PledgeKitBinary.run(["audit", Self.published, "--plan", Self.plan, "--year", "令和2年度"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("指摘 ") }
        #expect(lines.count == 1 && lines.first?.contains("取組状況!D40 政策III 令和2年度: 印刷 88、正しくは 89") == true, "\(result.stdout)")
        #expect(result.stdout.contains("点検: 数値 142件、指摘 1件"))
    }

    @Test func usageErrors() throws {
        let missing = try PledgeKitBinary.run(["audit", "no-such-report.xlsx", "--plan", Self.plan, "--year", "2020"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("報告書 no-such-report.xlsx が見つかりません"))
        let noYear = try PledgeKitBinary.run(["audit", Self.published, "--plan", Self.plan])
        #expect(noYear.status == 64)
    }
}
