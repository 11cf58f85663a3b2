/// A plan (公約体系): basic policies → pledges → measures, or fewer levels. Activities attach to
/// the deepest level, whose nodes this code calls leaves (measures on a three-level plan, policy
/// areas on a one-level plan).
public struct Plan: Sendable, Equatable {
    public var policies: [PlanNode]
    /// Whether the plan numbers its policies `Ⅰ`…`Ⅴ`: IDs are then written `III-4-1`.
    public var romanPolicyNumbers: Bool

    public init(policies: [PlanNode], romanPolicyNumbers: Bool) {
        self.policies = policies
        self.romanPolicyNumbers = romanPolicyNumbers
    }

    /// Levels below and including the policies (1 to 3).
    public var depth: Int {
        var depth = 0
        var level = policies
        while !level.isEmpty { depth += 1; level = level.flatMap(\.children) }
        return depth
    }

    /// Every node, parents before children, in plan order.
    public var nodesInOrder: [PlanNode] {
        func walk(_ nodes: [PlanNode]) -> [PlanNode] { nodes.flatMap { [$0] + walk($0.children) } }
        return walk(policies)
    }

    public var leaves: [PlanNode] { nodesInOrder.filter(\.children.isEmpty) }

    public func node(_ id: NodeID) -> PlanNode? {
        var level = policies
        var found: PlanNode?
        for number in id.path {
            guard let next = level.first(where: { $0.id.path.last == number }) else { return nil }
            found = next
            level = next.children
        }
        return found
    }

    public func format(_ id: NodeID) -> String { id.formatted(romanFirstLevel: romanPolicyNumbers) }

    /// The English level name of a node: `policy`, `pledge`, `measure` (for the open data).
    public func levelName(of id: NodeID) -> String {
        let names = depth >= 3 ? ["policy", "pledge", "measure"] : depth == 2 ? ["policy", "measure"] : ["policy"]
        return names[min(id.path.count, names.count) - 1]
    }

    /// Departments assigned to a leaf, in the plan's order; empty for an unknown leaf.
    public func departments(of id: NodeID) -> [String] { node(id)?.departments ?? [] }
}

public struct PlanNode: Sendable, Equatable {
    public var id: NodeID
    /// The number as the plan wrote it (`Ⅲ`, `4`): the workbook prints it.
    public var number: String
    public var title: String
    /// The departments (担当部署) of a leaf, in the plan's order.
    public var departments: [String]
    public var children: [PlanNode]

    public init(id: NodeID, number: String, title: String, departments: [String] = [], children: [PlanNode] = []) {
        self.id = id
        self.number = number
        self.title = title
        self.departments = departments
        self.children = children
    }
}
