import Foundation
import PledgeCore
import PledgeKit
import Testing

/// check, template and audit through the one outcome type, as the server calls them.
@Suite struct OtherPipelinesAPITests {
    static let plan = PipelineFixtures.tomakomai.appendingPathComponent("plan.csv")

    @Test func checkOfACleanFileSucceedsWithItsRowsCounted() {
        let file = PipelineFixtures.tomakomai.appendingPathComponent("inbox/財政課.csv")
        let outcome = CheckPipeline.run(CheckOptions(files: [file], plan: Self.plan, year: PipelineFixtures.year))
        #expect(outcome.status == .success)
        #expect(outcome.report.reconciliation?.countedFiles == ["財政課.csv"])
        #expect(outcome.count(.error) == 0)
    }

    @Test func templateForOneDepartmentIsTheFileTemplateWrites() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = TemplatePipeline.run(TemplateOptions(plan: Self.plan, year: PipelineFixtures.year, out: scratch))
        #expect(outcome.status == .success)
        var diagnostics = Diagnostics()
        let plan = try #require(PlanLoader.load(Self.plan, diagnostics: &diagnostics))
        let bytes = try TemplatePipeline.workbook(for: "財政課", plan: plan, year: PipelineFixtures.year, layout: .tomakomai)
        #expect(try Data(contentsOf: scratch.appendingPathComponent("財政課.xlsx")) == bytes)
    }

    @Test func auditFindingsAreDataErrorsAndItsCSVIsWritten() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = AuditPipeline.run(AuditOptions(
            published: PipelineFixtures.samples.appendingPathComponent("published/tomakomai-fy2020-published.xlsx"),
            plan: Self.plan, year: PipelineFixtures.year, out: scratch))
        #expect(outcome.status == .dataErrors)
        #expect(outcome.refusal == nil)
        #expect(outcome.report.findings.count == 1)
        #expect(outcome.report.findings.first?.line.contains("政策III 令和2年度: 印刷 88、正しくは 89") == true)
        #expect(outcome.report.written?.lastPathComponent == "audit-findings.csv")
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("audit-findings.csv").path))
    }

    @Test func anUnusableLayoutIsAnInvalidLayoutRefusal() throws {
        #expect(throws: Refusal.self) { try ReportLayout.resolve(URL(fileURLWithPath: "/nonexistent-layout")) }
        do {
            _ = try ReportLayout.resolve(URL(fileURLWithPath: "/nonexistent-layout"))
        } catch {
            #expect(error.status == .invalidLayout)
            #expect(error.message.contains("layout.yaml が見つかりません"))
        }
        #expect(try ReportLayout.resolve(nil).name == ReportLayout.tomakomai.name)
    }
}
