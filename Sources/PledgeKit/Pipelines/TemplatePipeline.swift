import Foundation
import PledgeCore
import TableIO

public struct TemplateOptions: Sendable {
    public var plan: URL
    public var year: FiscalYear
    public var out: URL
    public var layout: ReportLayout
    /// For tests of the output folder's commit.
    public var commitHooks: CommitHooks = .none

    public init(plan: URL, year: FiscalYear, out: URL, layout: ReportLayout = .tomakomai) {
        self.plan = plan
        self.year = year
        self.out = out
        self.layout = layout
    }
}

/// What `template` reports besides its diagnostics.
public struct TemplateReport: Sendable, Encodable {
    /// The workbooks written, one per department, in the plan's order of departments.
    public var written: [URL]
    public init(written: [URL] = []) { self.written = written }

    private enum CodingKeys: String, CodingKey { case written }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(written.map(\.path), forKey: .written)
    }
}

public typealias TemplateOutcome = Outcome<TemplateReport>

/// `pledgekit template`: one submission workbook per department of the plan, written all or nothing.
public enum TemplatePipeline {
    public static func run(_ options: TemplateOptions) -> TemplateOutcome {
        if let refusal = InputChecks.checkPlan(options.plan) ?? OutputLocation.checkOut(options.out) {
            return .refused(refusal, report: TemplateReport())
        }
        let lock: OutputLock
        do { lock = try OutputLock.acquire(for: options.out) } catch { return .refused(error, report: TemplateReport()) }
        var diagnostics = Diagnostics()
        guard let plan = PlanLoader.load(options.plan, diagnostics: &diagnostics) else {
            return TemplateOutcome(status: .dataErrors, diagnostics: diagnostics.sorted,
                                   refusal: "計画ファイルを読めないため、何も書き出していません。", report: TemplateReport())
        }
        for leaf in plan.leaves where leaf.departments.isEmpty {
            diagnostics.warning(.departmentMissing, measureID: plan.format(leaf.id),
                                "施策 \(plan.format(leaf.id)) に担当部署がないため、どの提出票にも載りません。")
        }
        var output = OutputDirectory(lock: lock, hooks: options.commitHooks)
        var fileNames: [String: String] = [:]
        do {
            for department in departments(of: plan) {
                let name = fileName(for: department)
                if let other = fileNames[Normalize.key(name)] {
                    diagnostics.error(.planInvalid, department: department,
                                      "部署「\(department)」と「\(other)」のファイル名が同じになります。計画の部署名を確認してください。")
                    continue
                }
                fileNames[Normalize.key(name)] = department
                output.add(name, try workbook(for: department, plan: plan, year: options.year, layout: options.layout))
            }
            if diagnostics.hasErrors {
                return TemplateOutcome(status: .dataErrors, diagnostics: diagnostics.sorted,
                                       refusal: "エラーがあるため、何も書き出していません。", report: TemplateReport())
            }
            return TemplateOutcome(diagnostics: diagnostics.sorted, report: TemplateReport(written: try output.commit()))
        } catch {
            let refusal = OutputLocation.writeFailure(error, out: options.out)
            return TemplateOutcome(status: refusal.status, diagnostics: diagnostics.sorted, refusal: refusal.message,
                                   report: TemplateReport())
        }
    }

    /// One department's workbook, the bytes `run` writes for it (the server hands it out).
    public static func workbook(for department: String, plan: Plan, year: FiscalYear, layout: ReportLayout) throws -> Data {
        try SubmissionTemplate(plan: plan, year: year, layout: layout, department: department).render()
    }

    /// Every department the plan names, in the order they first appear.
    public static func departments(of plan: Plan) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for leaf in plan.leaves {
            for department in leaf.departments where seen.insert(Departments.key(department)).inserted {
                names.append(department)
            }
        }
        return names
    }

    /// `行政監理室.xlsx`; characters no file system accepts become `＿`.
    public static func fileName(for department: String) -> String {
        let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        let safe = String(department.map { forbidden.contains($0) || $0.isNewline ? "＿" : $0 })
        return (safe.hasPrefix(".") ? "＿" + safe.dropFirst() : safe) + ".xlsx"
    }
}
