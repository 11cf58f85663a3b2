import PledgeCore

/// Finds the leaf a row means, by ID (`I-1-1`, `Ⅰ-1-1`, `Ｉ－１－１`, `1-1-1`) or, when the ID is
/// empty, by title after normalisation.
struct MeasureMatcher {
    let plan: Plan
    private let leavesByTitle: [String: NodeID]

    init(plan: Plan) {
        self.plan = plan
        var byTitle: [String: NodeID] = [:]
        for leaf in plan.leaves where byTitle[Normalize.key(leaf.title)] == nil { byTitle[Normalize.key(leaf.title)] = leaf.id }
        leavesByTitle = byTitle
    }

    func leaf(id text: String) -> NodeID? {
        guard let id = NodeID(parsing: text), let node = plan.node(id), node.children.isEmpty,
              id.path.count == node.id.path.count else { return nil }
        return node.id
    }

    func leaf(title text: String) -> NodeID? {
        leavesByTitle[Normalize.key(text)]
    }

    /// The three leaf titles closest to what was typed, for the error message.
    func closestTitles(to text: String, count: Int = 3) -> [String] {
        let key = Array(Normalize.key(text))
        return plan.leaves
            .map { (leaf: $0, distance: EditDistance.between(key, Array(Normalize.key($0.title)))) }
            .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.leaf.id < $1.leaf.id }
            .prefix(count)
            .map { "\(plan.format($0.leaf.id)) \($0.leaf.title)" }
    }
}
