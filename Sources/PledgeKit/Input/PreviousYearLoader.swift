import Foundation
import PledgeCore
import TableIO

/// Last year's published figures, for the previous-year column: read from last year's
/// `summary.csv` or last year's official workbook (its 総括表), never recomputed, because they are
/// what was published.
public struct YearFigures: Sendable, Equatable {
    public var year: FiscalYear
    public var percentages: [NodeID: Rational]
    public var overall: Rational?
}

public enum PreviousYearLoader {
    public static func load(_ url: URL, plan: Plan, expected: FiscalYear, overallLabel: String = "全体",
                            diagnostics: inout Diagnostics) -> YearFigures? {
        let file = url.lastPathComponent
        let tables: [Table]
        do throws(TableReadError) {
            tables = try TableLoader.tables(at: url)
        } catch {
            diagnostics.add(error)
            return nil
        }
        let errorsAtStart = diagnostics.count(.error)
        let figures: YearFigures?
        if let (table, header) = openDataHeader(in: tables) {
            figures = fromOpenData(table, header: header, plan: plan, expected: expected, diagnostics: &diagnostics)
        } else if let (table, header, column) = summarySheetHeader(in: tables, expected: expected) {
            figures = fromSummarySheet(table, headerRow: header, column: column, plan: plan, expected: expected,
                                       overallLabel: overallLabel, diagnostics: &diagnostics)
        } else {
            diagnostics.error(.previousYear, at: SourceLocation(file: file),
                              "前年度のsummary.csv（fiscal_year, id, progress_pct の列）としても、\(expected.label)の列がある総括表としても読めません。")
            return nil
        }
        return diagnostics.count(.error) == errorsAtStart ? figures : nil
    }

    // MARK: summary.csv

    static let openDataColumns = [ColumnSpec("fiscal_year", ["年度"]), ColumnSpec("id", []), ColumnSpec("progress_pct", ["進捗率"])]

    static func openDataHeader(in tables: [Table]) -> (Table, Row)? {
        for table in tables {
            if let row = table.rows.prefix(20).first(where: { HeaderMap(row: $0, specs: openDataColumns).columns.count == 3 }) {
                return (table, row)
            }
        }
        return nil
    }

    static func fromOpenData(_ table: Table, header headerRow: Row, plan: Plan, expected: FiscalYear,
                             diagnostics: inout Diagnostics) -> YearFigures {
        let header = HeaderMap(row: headerRow, specs: openDataColumns)
        let titles = HeaderMap(row: headerRow, specs: [ColumnSpec("title", ["見出し"])])
        var figures = YearFigures(year: expected, percentages: [:], overall: nil)
        var years: Set<FiscalYear> = []
        for row in table.rows where row.number > headerRow.number && !row.isBlank {
            let idText = header.value("id", in: row)
            let valueText = header.value("progress_pct", in: row)
            guard let year = FiscalYear(parsing: header.value("fiscal_year", in: row)) else {
                diagnostics.error(.previousYear, at: table.location(row: row.number, column: header["fiscal_year"]),
                                  "年度「\(header.value("fiscal_year", in: row))」を読めません。")
                continue
            }
            years.insert(year)
            guard year == expected, !valueText.isEmpty else { continue }
            guard let value = percentage(valueText, table: table, row: row.number, column: header["progress_pct"], diagnostics: &diagnostics)
            else { continue }
            if Normalize.key(idText) == "all" {
                figures.overall = value
            } else if let id = NodeID(parsing: idText), let node = plan.node(id) {
                // Our summary.csv writes a formula-like title with a leading ' (FormulaGuard).
                let title = FormulaGuard.restored(titles.value("title", in: row))
                if !title.isEmpty, Normalize.key(title) != Normalize.key(node.title) {
                    diagnostics.info(.previousYear, at: table.location(row: row.number, column: titles["title"]),
                                     "\(plan.format(id)) の見出しは\(expected.label)の「\(title)」から「\(node.title)」に変わっています。IDで対応付けました。")
                }
                figures.percentages[id] = value
            } else if let id = renamedNode(title: FormulaGuard.restored(titles.value("title", in: row)), plan: plan) {
                // A pledge renumbered since: the same title under a new ID.
                diagnostics.info(.previousYear, at: table.location(row: row.number, column: header["id"]),
                                 "\(expected.label)のID「\(idText)」は今年度の計画にありませんが、見出しが同じ \(plan.format(id)) と対応付けました。")
                figures.percentages[id] = value
            } else {
                diagnostics.warning(.previousYear, at: table.location(row: row.number, column: header["id"]),
                                    "\(expected.label)のID「\(idText)」は今年度の計画になく、見出しも合いません。\(expected.label)の欄には表示しません。")
            }
        }
        if !years.contains(expected) {
            let found = years.sorted().map(\.label).joined(separator: "、")
            diagnostics.error(.previousYear, at: SourceLocation(file: table.file),
                              "前年度(\(expected.label))の行がありません（ファイル内の年度: \(found.isEmpty ? "なし" : found)）。")
        }
        return figures
    }

    // MARK: last year's workbook

    /// The 総括表 of an official workbook: a heading row with one column per fiscal year
    /// (`令和元年度 (%)`); the column of the expected year is the one read.
    static func summarySheetHeader(in tables: [Table], expected: FiscalYear) -> (Table, Row, Int)? {
        for table in tables {
            for row in table.rows.prefix(20) {
                for (offset, cell) in row.values.enumerated() where yearHeading(cell) == expected {
                    return (table, row, offset + 1)
                }
            }
        }
        return nil
    }

    /// The year of a summary table's column heading (`令和元年度 (%)`), nil for any other text.
    static func yearHeading(_ cell: String) -> FiscalYear? {
        FiscalYear(parsing: cell.replacingOccurrences(of: "(%)", with: "").replacingOccurrences(of: "（%）", with: ""))
    }

    /// The node a summary row's number cell names: `Ⅳ` a policy, `1` a pledge of the policy above it.
    static func numberedNode(_ cell: String, under policy: NodeID?, plan: Plan) -> NodeID? {
        let text = Normalize.compact(cell)
        guard !text.isEmpty else { return nil }
        let id: NodeID?
        if let number = Int(text) {
            id = policy.map { NodeID($0.path + [number]) }
        } else {
            id = NodeID(parsing: text).flatMap { $0.path.count == 1 ? $0 : nil }
        }
        return id.flatMap { plan.node($0) != nil && !(plan.node($0)!.children.isEmpty && plan.depth > 1) ? $0 : nil }
    }

    /// The pledge or policy whose title is `title` (after normalisation), if exactly one is.
    static func renamedNode(title: String, plan: Plan) -> NodeID? {
        let key = Normalize.key(title)
        guard !key.isEmpty else { return nil }
        let matches = plan.nodesInOrder.filter { !$0.children.isEmpty && Normalize.key($0.title) == key }
        return matches.count == 1 ? matches[0].id : nil
    }

    /// Rows are matched to the plan by their title (policy and pledge titles are what a reader
    /// sees; numbering may change between years), the overall row by its label.
    static func fromSummarySheet(_ table: Table, headerRow: Row, column: Int, plan: Plan, expected: FiscalYear,
                                 overallLabel: String, diagnostics: inout Diagnostics) -> YearFigures {
        var figures = YearFigures(year: expected, percentages: [:], overall: nil)
        var byTitle: [String: NodeID] = [:]
        for node in plan.nodesInOrder where !node.children.isEmpty || plan.depth == 1 {
            byTitle[Normalize.key(node.title)] = byTitle[Normalize.key(node.title)] ?? node.id
        }
        // Titles matched anywhere in the table, so that a number never takes a node its title claims.
        let titled = Set(table.rows.filter { $0.number > headerRow.number }
            .flatMap { $0.values.prefix(column - 1).compactMap { byTitle[Normalize.key($0)] } })
        var policy: NodeID?
        for row in table.rows where row.number > headerRow.number && !row.isBlank {
            let valueText = Normalize.text(row[column])
            let labels = row.values.prefix(column - 1).map(Normalize.key).filter { !$0.isEmpty }
            if labels.contains(Normalize.key(overallLabel)) {
                figures.overall = percentage(valueText, table: table, row: row.number, column: column, diagnostics: &diagnostics)
                break
            }
            // 未提出, ― and the like: no figure was published for that row.
            guard valueText.contains(where: \.isNumber) else { continue }
            let printed = row.values.prefix(column - 1).filter { Rational(decimal: Normalize.compact($0)) == nil }.joined(separator: " ")
            let byNumber = numberedNode(row[1], under: policy, plan: plan)
            guard let id = labels.lazy.compactMap({ byTitle[$0] }).first
                ?? byNumber.flatMap({ figures.percentages[$0] == nil && !titled.contains($0) ? $0 : nil }) else {
                diagnostics.warning(.previousYear, at: table.location(row: row.number, column: nil),
                                    "\(expected.label)の行「\(printed)」は今年度の計画にありません（見出しも番号も合いません）。\(expected.label)の欄には表示しません。")
                continue
            }
            if labels.lazy.compactMap({ byTitle[$0] }).first == nil, let node = plan.node(id) {
                // Renamed since: the same number under the same policy.
                diagnostics.info(.previousYear, at: table.location(row: row.number, column: nil),
                                 "\(expected.label)の「\(printed)」は見出しが今年度「\(node.title)」に変わっています。番号 \(plan.format(id)) で対応付けました。")
            }
            if id.path.count == 1 { policy = id }
            figures.percentages[id] = percentage(valueText, table: table, row: row.number, column: column, diagnostics: &diagnostics)
        }
        if figures.overall == nil {
            diagnostics.error(.previousYear, at: SourceLocation(file: table.file, sheet: table.sheet),
                              "前年度の総括表に「\(overallLabel)」の行がありません。")
        }
        return figures
    }

    static func percentage(_ text: String, table: Table, row: Int, column: Int?, diagnostics: inout Diagnostics) -> Rational? {
        guard let value = Rational(decimal: Normalize.compact(text)) else {
            diagnostics.error(.previousYear, at: table.location(row: row, column: column), "進捗率「\(text)」が数値ではありません。")
            return nil
        }
        return value
    }
}
