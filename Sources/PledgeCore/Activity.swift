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
        let leafRank = Dictionary(uniqueKeysWithValues: plan.leaves.enumerated().map { ($1.id, $0) })
        func departmentRank(_ activity: Activity) -> Int {
            let key = Departments.key(activity.department)
            return plan.departments(of: activity.measure).firstIndex { Departments.key($0) == key } ?? Int.max
        }
        return activities.enumerated().sorted { lhs, rhs in
            let left = (leafRank[lhs.element.measure] ?? Int.max, departmentRank(lhs.element))
            let right = (leafRank[rhs.element.measure] ?? Int.max, departmentRank(rhs.element))
            if left != right { return left < right }
            if left.1 == Int.max && lhs.element.department != rhs.element.department {
                return lhs.element.department < rhs.element.department
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
