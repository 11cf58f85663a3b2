import Testing
@testable import PledgeCore
import TestSupport

/// Report order against the rule written out as a plain comparison (the way it was first
/// written, recomputing every key inside the sort): the fast order must be the same order.
@Suite struct ActivityOrderTests {
    static func referenceSorted(_ activities: [Activity], in plan: Plan) -> [Activity] {
        let leaves = plan.leaves
        func rank(_ activity: Activity) -> (Int, Int) {
            let leaf = leaves.firstIndex { $0.id == activity.measure } ?? Int.max
            let department = plan.departments(of: activity.measure)
                .firstIndex { Departments.key($0) == Departments.key(activity.department) } ?? Int.max
            return (leaf, department)
        }
        return activities.enumerated().sorted { lhs, rhs in
            let (left, right) = (rank(lhs.element), rank(rhs.element))
            if left != right { return left < right }
            if left.1 == Int.max && lhs.element.department != rhs.element.department {
                return lhs.element.department < rhs.element.department
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    @Test func randomActivitiesComeOutInTheReferenceOrder() {
        let names = ["総務課", "財政課", "（消防本部）総務課", "(消防本部)総務課", "港湾・企業振興課", "ＩＴ推進室", "IT推進室", "未登録課"]
        var random = SplitMix64(seed: 7)
        for _ in 0..<40 {
            let leaves = (1...Int.random(in: 1...12, using: &random)).map { index in
                PlanNode(id: NodeID([1, index]), number: "\(index)", title: "施策",
                         departments: Array(names.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))))
            }
            let plan = Plan(policies: [PlanNode(id: NodeID([1]), number: "1", title: "政策", children: leaves.shuffled(using: &random))],
                            romanPolicyNumbers: false)
            let activities = (0..<Int.random(in: 0...300, using: &random)).map { index in
                Activity(measure: NodeID([1, Int.random(in: 1...13, using: &random)]), department: names.randomElement(using: &random)!,
                         text: "取組\(index % 17)", rating: Int.random(in: 0...10, using: &random))
            }
            let permutation = ActivityOrder.permutation(activities, in: plan)
            #expect(permutation.sorted() == Array(activities.indices))
            #expect(ActivityOrder.sorted(activities, in: plan) == Self.referenceSorted(activities, in: plan))
        }
    }
}
