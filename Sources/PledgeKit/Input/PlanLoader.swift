import Foundation
import PledgeCore
import TableIO

/// Reads the plan (公約体系): one row per measure, or per policy area on a shallower plan. The
/// levels present are decided by which number columns the header has.
public enum PlanLoader {
    public static func load(_ url: URL, diagnostics: inout Diagnostics) -> Plan? {
        let tables: [Table]
        do {
            tables = try TableLoader.tables(at: url)
        } catch {
            diagnostics.add(error)
            return nil
        }
        for table in tables {
            if let header = table.rows.prefix(20).first(where: { row in
                let map = HeaderMap(row: row, specs: Columns.planColumns)
                return map.has("policy_no") && map.has("policy_title")
            }) {
                return build(table, header: HeaderMap(row: header, specs: Columns.planColumns), diagnostics: &diagnostics)
            }
        }
        diagnostics.error(.headerMissing, at: SourceLocation(file: url.lastPathComponent),
                          "計画ファイルに見出し行（基本政策番号・基本政策）が見つかりません。")
        return nil
    }

    static func build(_ table: Table, header: HeaderMap, diagnostics: inout Diagnostics) -> Plan? {
        let levels: [(no: String, title: String)] = [("policy_no", "policy_title"), ("pledge_no", "pledge_title"),
                                                     ("measure_no", "measure_title")]
        let depth = levels.prefix { header.has($0.no) }.count
        var policies: [PlanNode] = []
        var romanPolicies = false
        let errorsAtStart = diagnostics.count(.error)
        var seen: Set<NodeID> = []

        for row in table.rows where row.number > header.row && !row.isBlank {
            var path: [Int] = []
            var numbers: [String] = []
            var titles: [String] = []
            for level in levels.prefix(depth) {
                let numberText = Normalize.text(header.value(level.no, in: row))
                guard let number = NodeID.number(numberText) else {
                    diagnostics.error(.planInvalid, at: table.location(row: row.number, column: header[level.no]),
                                      "番号「\(numberText)」を読めません（例: Ⅰ、1）。")
                    break
                }
                if level.no == "policy_no" && RomanNumeral.value(of: Normalize.compact(numberText).uppercased()) != nil {
                    romanPolicies = true
                }
                path.append(number)
                numbers.append(numberText)
                titles.append(Normalize.text(header.value(level.title, in: row)))
            }
            guard path.count == depth else { continue }
            let id = NodeID(path)
            if seen.contains(id) {
                diagnostics.error(.planInvalid, at: table.location(row: row.number, column: nil), "施策 \(id) が計画に2回あります。")
                continue
            }
            seen.insert(id)
            let departments = Departments.split(header.value("departments", in: row))
            insert(into: &policies, path: path, numbers: numbers, titles: titles, departments: departments)
        }
        if policies.isEmpty {
            diagnostics.error(.planInvalid, at: SourceLocation(file: table.file, sheet: table.sheet), "計画ファイルに施策の行がありません。")
        }
        return diagnostics.count(.error) == errorsAtStart ? Plan(policies: policies, romanPolicyNumbers: romanPolicies) : nil
    }

    private static func insert(into nodes: inout [PlanNode], path: [Int], numbers: [String], titles: [String], departments: [String]) {
        let id = NodeID(Array(path.prefix(1)))
        let index: Int
        if let existing = nodes.firstIndex(where: { $0.id.path.last == path[0] }) {
            index = existing
            if nodes[index].title.isEmpty { nodes[index].title = titles[0] }
        } else {
            nodes.append(PlanNode(id: id, number: numbers[0], title: titles[0]))
            index = nodes.count - 1
        }
        if path.count == 1 {
            for department in departments where !nodes[index].departments.contains(department) {
                nodes[index].departments.append(department)
            }
            return
        }
        var children = nodes[index].children
        insert(into: &children, path: Array(path.dropFirst()), numbers: Array(numbers.dropFirst()),
               titles: Array(titles.dropFirst()), departments: departments)
        // Children carry their full path, not just their own number.
        nodes[index].children = children.map { child in rebased(child, parent: nodes[index].id) }
    }

    private static func rebased(_ node: PlanNode, parent: NodeID) -> PlanNode {
        var node = node
        node.id = NodeID(parent.path + [node.id.path.last!])
        node.children = node.children.map { rebased($0, parent: node.id) }
        return node
    }
}
