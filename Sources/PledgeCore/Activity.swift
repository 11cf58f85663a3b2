/// One thing a department did for a leaf of the plan in a fiscal year, with its 0–10 rating on a
/// rated plan or its status on a plan without ratings.
public struct Activity: Sendable, Equatable {
    public var measure: NodeID
    public var department: String
    public var text: String
    public var rating: Int?
    public var status: String?
    public var note: String
    /// The evaluations of a layout's own scheme (one per evaluator column); empty on the built-in
    /// schemes, whose rating is `rating`.
    public var evaluations: [Evaluation]

    public init(measure: NodeID, department: String, text: String, rating: Int? = nil, status: String? = nil, note: String = "",
                evaluations: [Evaluation] = []) {
        self.measure = measure
        self.department = department
        self.text = text
        self.rating = rating
        self.status = status
        self.note = note
        self.evaluations = evaluations
    }
}

public enum ActivityOrder {
    /// Report order: by leaf in plan order, then by the leaf's department order in the plan (others
    /// after, by name), then as submitted. The sort is stable, so each department's own order stays.
    public static func sorted(_ activities: [Activity], in plan: Plan) -> [Activity] {
        permutation(activities, in: plan).map { activities[$0] }
    }

    /// The positions of `activities` in report order, so that a caller can reorder what it keeps
    /// beside each activity (its cell) in one pass.
    public static func permutation(_ activities: [Activity], in plan: Plan) -> [Int] {
        let leafRank = Dictionary(uniqueKeysWithValues: plan.leaves.enumerated().map { ($1.id, $0) })
        // Each leaf's departments by key, and each activity's rank, computed once: normalising
        // names inside the comparison made the sort cost n log n normalisations.
        var departmentRanks: [NodeID: [String: Int]] = [:]
        for leaf in plan.leaves {
            for (index, name) in leaf.departments.enumerated() where departmentRanks[leaf.id]?[Departments.key(name)] == nil {
                departmentRanks[leaf.id, default: [:]][Departments.key(name)] = index
            }
        }
        var keys: [String: String] = [:]
        var last: (name: String, key: String)?  // one department's activities mostly follow each other
        let ranks = activities.map { activity -> (leaf: Int, department: Int) in
            let key: String
            if let last, last.name == activity.department {
                key = last.key
            } else {
                key = keys[activity.department] ?? Departments.key(activity.department)
                keys[activity.department] = key
                last = (activity.department, key)
            }
            return (leafRank[activity.measure] ?? Int.max, departmentRanks[activity.measure]?[key] ?? Int.max)
        }
        return activities.indices.sorted { lhs, rhs in
            let (left, right) = (ranks[lhs], ranks[rhs])
            if left != right { return left < right }
            if left.department == Int.max && activities[lhs].department != activities[rhs].department {
                return activities[lhs].department < activities[rhs].department
            }
            return lhs < rhs
        }
    }
}
