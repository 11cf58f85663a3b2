import Foundation
import PledgeKit
import TableIO
import Testing

/// The achievements style through every command: `template` with templates/ageo, filled in as a
/// department does, `check`, then `merge` into the open data and the workbook.
@Suite struct AgeoRoundTripTests {
    static let plan = PledgeKitBinary.sample("ageo/plan.csv")

    @Test func filledTemplatePassesCheckAndMergesUnderItsArea() throws {
        let scratch = try Scratch()
        let made = try InProcess.template(plan: Self.plan, year: "令和4年度", out: scratch.path("forms"), layout: AgeoMergeTests.layout)
        try #require(made.status == .success, "\(made.problems)")
        let form = try TemplateFiller(URL(fileURLWithPath: scratch.path("forms/総務課.xlsx")))
        try #require(form.text("A12") == "8" && form.text("D11") == "状況")
        try form.type("全職員にコンプライアンス研修を実施", into: "C12")
        try form.type("予算 計上", into: "D12")  // normalised to the vocabulary's 予算計上
        let filled = scratch.url.appendingPathComponent("inbox/総務課.xlsx")
        try FileManager.default.createDirectory(at: filled.deletingLastPathComponent(), withIntermediateDirectories: true)
        try form.save(to: filled)

        let check = try InProcess.check([filled.path], plan: Self.plan, layout: AgeoMergeTests.layout)
        #expect(check.status == .success, "\(check.problems)")

        let merge = try InProcess.merge(scratch.path("inbox"), plan: Self.plan, year: "R4", out: scratch.path("out"),
                                        layout: AgeoMergeTests.layout)
        #expect(merge.status == .success, "\(merge.problems)")
        let activities = try AgeoMergeTests().rows(scratch, "activities.csv")
        #expect(activities.map { [$0["measure_id"]!, $0["department"]!, $0["activity"]!, $0["rating"]!, $0["status"]!] }
                == [["8", "総務課", "全職員にコンプライアンス研修を実施", "", "予算計上"]])
        let area8 = try #require(try AgeoMergeTests().rows(scratch, "summary.csv").first { $0["id"] == "8" })
        #expect(area8["activity_count"] == "1" && area8["count_budgeted"] == "1")

        let sheet = try #require(try TableLoader.tables(at: URL(fileURLWithPath: scratch.path("out/" + AgeoMergeTests.workbookName)))
            .first { $0.sheet == "取組状況" })
        let columnA = sheet.rows.map { $0[1] }
        let heading = try #require(columnA.firstIndex(of: "公正な政治・公平な行政の推進"))
        #expect(columnA[heading + 1] == "取組 1件（予算計上 1件）")
        #expect(columnA[heading + 2] == "・全職員にコンプライアンス研修を実施")
        #expect(columnA.filter { $0 == "（報告なし）" }.count == 7)
    }

    @Test func checkRejectsAStatusOutsideTheVocabulary() throws {
        let scratch = try Scratch()
        let file = try scratch.write("総務課.csv", "部署名,総務課\r\n年度,令和4年度\r\n\r\nID,取組内容,状況\r\n8,研修を実施,済み\r\n")
        let check = try InProcess.check([file], plan: Self.plan, layout: AgeoMergeTests.layout)
        #expect(check.status == .dataErrors)
        let output = check.problems
        #expect(output.contains("総務課.csv") && output.contains("C5") && output.contains("済み"), "\(output)")
    }

    @Test func checkPassesEverySampleSubmission() throws {
        let inbox = PledgeKitBinary.sample("ageo/inbox")
        let files = try FileManager.default.contentsOfDirectory(atPath: inbox).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.count == 24)
        let check = try InProcess.check(files.map { inbox + "/" + $0 }, plan: Self.plan, layout: AgeoMergeTests.layout)
        #expect(check.status == .success, "\(check.problems)")
        #expect(check.report.reconciliation?.activities.count == 86)
    }
}
