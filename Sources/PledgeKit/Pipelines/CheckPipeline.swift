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

public struct CheckOutcome: Sendable {
    /// Every problem, errors first, as merge would list them.
    public var diagnostics: [Diagnostic]
    public var reconciliation: Reconciliation?
    public var planReadable: Bool

    public var hasErrors: Bool { !planReadable || diagnostics.contains { $0.severity == .error } }
}

/// `pledgekit check`: what a department runs before sending its files. The same reading and
/// reconciliation as `merge`, but the gaps reported are only the department's own measures, and
/// nothing is written.
public enum CheckPipeline {
    public static func run(_ options: CheckOptions) -> CheckOutcome {
        var diagnostics = Diagnostics()
        let plan = PlanLoader.load(options.plan, diagnostics: &diagnostics)
        let submissions = InboxReader.read(options.files, diagnostics: &diagnostics)
        guard let plan else {
            return CheckOutcome(diagnostics: diagnostics.sorted, reconciliation: nil, planReadable: false)
        }
        let reconciliation = Reconciler(plan: plan, year: options.year, rules: options.layout.reconcileRules, scope: .ownFiles)
            .reconcile(submissions, diagnostics: &diagnostics)
        return CheckOutcome(diagnostics: diagnostics.sorted, reconciliation: reconciliation, planReadable: true)
    }
}
