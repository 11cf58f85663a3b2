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
        permutation(count: activities.count, in: plan) { (activities[$0].measure, activities[$0].department) }
    }

    /// The same order for `count` items known by their measure and department name: a caller that
    /// keeps activities inside other values need not copy them out to sort them.
    public static func permutation(count: Int, in plan: Plan, _ item: (Int) -> (measure: NodeID, department: String)) -> [Int] {
        let leafRank = Dictionary(plan.leaves.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Department keys as numbers, each leaf's departments ranked by number, and each spelling's
        // number looked up once: normalising or hashing names per activity (or inside the sort's
        // comparison) was most of the sort's time.
        var departmentNumbers: [String: Int] = [:]
        var departmentRanks: [LeafDepartment: Int] = [:]
        for leaf in plan.leaves {
            guard let leafIndex = leafRank[leaf.id] else { continue }
            for (index, name) in leaf.departments.enumerated() {
                let key = Departments.key(name)
                let number = departmentNumbers[key] ?? departmentNumbers.count
                departmentNumbers[key] = number
                if departmentRanks[LeafDepartment(leaf: leafIndex, department: number)] == nil {
                    departmentRanks[LeafDepartment(leaf: leafIndex, department: number)] = index
                }
            }
        }
        var numberOfSpelling: [Spelling: Int] = [:]
        var last: (measure: NodeID, leaf: Int)?
        let ranks = (0..<count).map { index -> (leaf: Int, department: Int) in
            let (measure, department) = item(index)
            let leaf: Int
            if let last, last.measure == measure { leaf = last.leaf } else {
                leaf = leafRank[measure] ?? Int.max
                last = (measure, leaf)
            }
            let spelling = Spelling(department)
            let number: Int
            if let known = numberOfSpelling[spelling] { number = known } else {
                number = departmentNumbers[Departments.key(department)] ?? -1
                numberOfSpelling[spelling] = number
            }
            return (leaf, departmentRanks[LeafDepartment(leaf: leaf, department: number)] ?? Int.max)
        }
        return (0..<count).sorted { lhs, rhs in
            let (left, right) = (ranks[lhs], ranks[rhs])
            if left != right { return left < right }
            if left.department == Int.max {
                let (leftName, rightName) = (item(lhs).department, item(rhs).department)
                if leftName != rightName { return leftName < rightName }
            }
            return lhs < rhs
        }
    }

    private struct LeafDepartment: Hashable {
        let leaf: Int
        let department: Int
    }
}
