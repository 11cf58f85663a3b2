@testable import PledgeCore

/// The small plans the scheme tests count on, built here.
enum SchemeTestPlan {
    /// A two-level plan: one policy (分野) per entry, one measure per item, each item one activity
    /// with its evaluations.
    static func make(_ fields: [[[Evaluation]]]) -> (Plan, [Activity]) {
        var activities: [Activity] = []
        let policies = fields.enumerated().map { fieldIndex, items in
            PlanNode(id: NodeID([fieldIndex + 1]), number: "\(fieldIndex + 1)", title: "分野\(fieldIndex + 1)",
                     children: items.enumerated().map { itemIndex, evaluations in
                let id = NodeID([fieldIndex + 1, itemIndex + 1])
                activities.append(Activity(measure: id, department: "課", text: "取組", evaluations: evaluations))
                return PlanNode(id: id, number: "\(itemIndex + 1)", title: "項目")
            })
        }
        return (Plan(policies: policies, romanPolicyNumbers: false), activities)
    }
}
