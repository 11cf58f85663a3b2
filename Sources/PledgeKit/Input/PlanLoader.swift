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
        // The header row is the row (of a sheet's first 20) that names the most known columns, so a
        // misspelt heading is still found in its row and reported, never taken for missing data.
        var best: (table: Table, row: Row, matches: Int)?
        for table in tables {
            for row in table.rows.prefix(20) {
                let matches = HeaderMap(row: row, specs: knownColumns).columns.count
                if matches >= 2, matches > (best?.matches ?? 0) { best = (table, row, matches) }
            }
        }
        guard let best else {
            diagnostics.error(.headerMissing, at: SourceLocation(file: url.lastPathComponent),
                              "計画ファイルに見出し行が見つかりません。1行目に \(requiredNames) の見出しを入れてください。")
            return nil
        }
        let header = HeaderMap(row: best.row, specs: knownColumns)
        guard validateHeader(best.row, header: header, table: best.table, diagnostics: &diagnostics) else { return nil }
        return build(best.table, header: header, diagnostics: &diagnostics)
    }

    /// Columns a plan may hold besides the levels: a note column, read by nobody, is allowed.
    static let note = ColumnSpec("note", ["備考", "メモ"])
    static let knownColumns = Columns.planColumns + [note]
    static let requiredNames = "基本政策番号・基本政策・担当部署（3階層なら 公約番号・公約・施策番号・施策 も）"

    /// Columns offices keep beside the plan whose names are one edit from a plan heading (担当者 and
    /// 担当係 from 担当課): the office's own, never a misspelling of the plan's.
    static let officeColumns: Set<String> = ["担当者", "担当係", "担当者名", "連絡先", "内線"]

    /// Every heading must be a known column, and the columns a plan needs must be there: a
    /// misspelt heading would otherwise lose its column silently (empty departments or titles) or
    /// turn into dozens of knock-on errors. Reports each problem once, with the closest names. A
    /// heading near no known one (予算額, 所管部, last year's figures) is the office's own column:
    /// kept out of the merge, with one note naming them all.
    static func validateHeader(_ row: Row, header: HeaderMap, table: Table, diagnostics: inout Diagnostics) -> Bool {
        let errorsAtStart = diagnostics.count(.error)
        var suggested: Set<String> = []
        var ownColumns: [String] = []
        let missingSpecs = knownColumns.filter { !header.has($0.name) }
        let allNames = knownColumns.flatMap(\.aliases)
        for (offset, text) in row.values.enumerated() {
            let heading = Normalize.text(text)
            guard !heading.isEmpty, !knownColumns.contains(where: { $0.matches(heading) }) else { continue }
            if officeColumns.contains(heading) {
                ownColumns.append(heading)
                continue
            }
            // Suggest only columns the header does not already have; a heading close to one it has is still a typo.
            let names = NearestNames.nearest(to: heading, among: missingSpecs.flatMap(\.aliases))
            let near = names.isEmpty ? NearestNames.nearest(to: heading, among: allNames) : names
            guard !near.isEmpty else {
                ownColumns.append(heading)
                continue
            }
            for name in names { if let spec = missingSpecs.first(where: { $0.aliases.contains(name) }) { suggested.insert(spec.name) } }
            diagnostics.error(.columnMissing, at: table.location(row: row.number, column: offset + 1),
                              "見出し「\(heading)」は計画の列にありません（もしかして: \(near.joined(separator: "、"))）。見出しを直してください。")
        }
        if !ownColumns.isEmpty {
            diagnostics.info(.columnIgnored, at: SourceLocation(file: table.file, sheet: table.sheet, row: row.number, column: nil),
                             "見出し\(ownColumns.map { "「\($0)」" }.joined())は計画の列ではないため、事務局の列として読み込みません（集計にも公表にも使いません）。"
                             + "計画の列は \(knownColumns.compactMap(\.aliases.first).joined(separator: "・")) です。")
        }
        var required = [Columns.policyNo, Columns.policyTitle, Columns.departments]
        if header.has("pledge_no") || header.has("pledge_title") || header.has("measure_no") || header.has("measure_title") {
            required += [Columns.pledgeNo, Columns.pledgeTitle]
        }
        if header.has("measure_no") || header.has("measure_title") { required += [Columns.measureNo, Columns.measureTitle] }
        for spec in required where !header.has(spec.name) && !suggested.contains(spec.name) {
            diagnostics.error(.columnMissing, at: SourceLocation(file: table.file, sheet: table.sheet, row: row.number, column: nil),
                              "計画に「\(spec.aliases[0])」の列がありません。見出し行に加えてください。")
        }
        return diagnostics.count(.error) == errorsAtStart
    }

    static func build(_ table: Table, header: HeaderMap, diagnostics: inout Diagnostics) -> Plan? {
        let levels: [(no: String, title: String)] = [("policy_no", "policy_title"), ("pledge_no", "pledge_title"),
                                                     ("measure_no", "measure_title")]
        let levelNames = ["基本政策", "公約", "施策"]
        let depth = levels.prefix { header.has($0.no) }.count
        var policies: [PlanNode] = []
        var romanPolicies = false
        let errorsAtStart = diagnostics.count(.error)
        var firstRow: [NodeID: Int] = [:]
        var titled: Set<NodeID> = []

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
            if let first = firstRow[id] {
                diagnostics.error(.planInvalid, at: table.location(row: row.number, column: header[levels[depth - 1].no]),
                                  "番号 \(id.formatted(romanFirstLevel: romanPolicies)) が計画に2回あります（最初は \(first)行目）。番号を直すか、どちらかの行を消してください。")
                continue
            }
            // Every level's title must be written once (a pledge's title may stand on its first row only).
            for level in 0..<depth {
                let node = NodeID(Array(path.prefix(level + 1)))
                if firstRow[node] == nil { firstRow[node] = row.number }
                if !titles[level].isEmpty { titled.insert(node) }
                if level == depth - 1 && titles[level].isEmpty {
                    diagnostics.error(.planInvalid, at: table.location(row: row.number, column: header[levels[level].title]),
                                      "\(id.formatted(romanFirstLevel: romanPolicies)) の「\(levelNames[level])」が空です。内容を入力してください。")
                }
            }
            let departments = Departments.split(header.value("departments", in: row))
            insert(into: &policies, path: path, numbers: numbers, titles: titles, departments: departments)
        }
        for (node, row) in firstRow.sorted(by: { $0.value < $1.value })
        where node.path.count < depth && !titled.contains(node) {
            let level = node.path.count - 1
            diagnostics.error(.planInvalid, at: table.location(row: row, column: header[levels[level].title]),
                              "\(node.formatted(romanFirstLevel: romanPolicies)) の「\(levelNames[level])」が空です。内容を入力してください。")
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
