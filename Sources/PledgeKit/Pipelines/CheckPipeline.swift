import Foundation
import PledgeCore
import TableIO

public struct CheckOptions: Sendable {
    public var files: [URL]
    public var plan: URL
    /// The year to check against; nil takes each file's own 年度.
    public var year: FiscalYear?
    public var layout: ReportLayout

    public init(files: [URL], plan: URL, year: FiscalYear? = nil, layout: ReportLayout = .tomakomai) {
        self.files = files
        self.plan = plan
        self.year = year
        self.layout = layout
    }
}

/// What `check` reports besides its diagnostics.
public struct CheckReport: Sendable {
    public var reconciliation: Reconciliation?
    public init(reconciliation: Reconciliation? = nil) { self.reconciliation = reconciliation }
}

public typealias CheckOutcome = Outcome<CheckReport>

/// `pledgekit check`: what a department runs before sending its files. The same reading and
/// reconciliation as `merge`, but the gaps reported are only the department's own measures, and
/// nothing is written.
public enum CheckPipeline {
    public static func run(_ options: CheckOptions) -> CheckOutcome {
        if let refusal = InputChecks.checkInputsExist(options.files) {
            return .refused(refusal, report: CheckReport())
        }
        var diagnostics = Diagnostics()
        guard let plan = PlanLoader.load(options.plan, diagnostics: &diagnostics) else {
            return CheckOutcome(status: .dataErrors, diagnostics: diagnostics.sorted,
                                refusal: "計画ファイルを読めないため、確認できません。", report: CheckReport())
        }
        let submissions = InboxReader.read(options.files, evaluationColumns: options.layout.evaluationColumns, diagnostics: &diagnostics)
        let reconciliation = Reconciler(plan: plan, year: options.year, rules: options.layout.reconcileRules, scope: .ownFiles)
            .reconcile(submissions, diagnostics: &diagnostics)
        BackgroundRelease.drop(submissions)
        return CheckOutcome(status: diagnostics.hasErrors ? .dataErrors : .success, diagnostics: diagnostics.sorted,
                            report: CheckReport(reconciliation: reconciliation))
    }
}
