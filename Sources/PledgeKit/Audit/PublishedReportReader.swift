import Foundation
import PledgeCore
import TableIO

/// Finds the figures of a published report: pledgekit's own workbook, a workbook a city made by
/// hand in Excel, or a `summary.csv`. Workbooks are read by their headings, as `--previous` reads
/// last year's: a row of year headings (`令和元年度 (%)`) starts a summary table with one column per
/// year, a `進捗状況` heading without a year starts a detail table whose column is this year's.
/// Rows are recognised by the plan's titles (a leading `政策Ⅲ`, `Ⅲ` or `1` is ignored), so
/// merged cells, blank spacer rows, repeated page headings and full-width digits do not matter.
public enum PublishedReportReader {
    public static func read(_ url: URL, plan: Plan, year: FiscalYear, overallLabel: String,
                            diagnostics: inout Diagnostics) -> [PrintedFigure] {
        let tables: [Table]
        do throws(TableReadError) {
            tables = try TableLoader.tables(at: url)
        } catch {
            diagnostics.add(error)
            return []
        }
        if let (table, header) = PreviousYearLoader.openDataHeader(in: tables) {
            return fromOpenData(table, header: header, plan: plan, diagnostics: &diagnostics)
        }
        let titles = TitleIndex(plan: plan)
        return tables.flatMap { fromSheet($0, plan: plan, titles: titles, year: year, overallLabel: overallLabel) }
    }

    // MARK: summary.csv

    static func fromOpenData(_ table: Table, header headerRow: Row, plan: Plan, diagnostics: inout Diagnostics) -> [PrintedFigure] {
        let header = HeaderMap(row: headerRow, specs: PreviousYearLoader.openDataColumns)
        var figures: [PrintedFigure] = []
        for row in table.rows where row.number > headerRow.number && !row.isBlank {
            let idText = header.value("id", in: row), valueText = header.value("progress_pct", in: row)
            guard let year = FiscalYear(parsing: header.value("fiscal_year", in: row)),
                  let value = Rational(decimal: Normalize.compact(valueText)) else { continue }
            let subject: PrintedFigure.Subject
            if Normalize.key(idText) == "all" {
                subject = .overall
            } else if let id = NodeID(parsing: idText), plan.node(id) != nil {
                subject = .node(id)
            } else {
                diagnostics.warning(.auditUnmatched, at: table.location(row: row.number, column: header["id"]),
                                    "ID「\(idText)」は計画にないため、点検していません。")
                continue
            }
            figures.append(PrintedFigure(subject: subject, year: year, value: value, text: valueText,
                                         location: table.location(row: row.number, column: header["progress_pct"])))
        }
        return figures
    }

    // MARK: workbooks

    static func fromSheet(_ table: Table, plan: Plan, titles: TitleIndex, year: FiscalYear, overallLabel: String) -> [PrintedFigure] {
        var figures: [PrintedFigure] = []
        var yearColumns: [Int: FiscalYear] = [:]
        var policy: PlanNode?
        var pledge: PlanNode?
        var starRowsUnderPledge = 0
        for row in table.rows where !row.isBlank {
            let headings = row.values.enumerated().compactMap { offset, cell in
                PreviousYearLoader.yearHeading(cell).map { (offset + 1, $0) }
            }
            if !headings.isEmpty {
                yearColumns = Dictionary(headings, uniquingKeysWith: { first, _ in first })
                continue
            }
            if let offset = row.values.firstIndex(where: { Normalize.key($0).hasPrefix("進捗状況") }) {
                if yearColumns[offset + 1] == nil { yearColumns = [offset + 1: year] }
                continue
            }
            guard !yearColumns.isEmpty else { continue }
            let labelCells = row.values.enumerated().filter { yearColumns[$0.offset + 1] == nil }.map(\.element)

            if labelCells.contains(where: { Normalize.key($0) == Normalize.key(overallLabel) }) {
                figures += numbers(in: row, yearColumns: yearColumns, table: table).map {
                    PrintedFigure(subject: .overall, year: $0.year, value: $0.value, text: $0.text, location: $0.location)
                }
                continue
            }
            if let node = labelCells.lazy.compactMap({ titles.node(for: $0, under: policy) }).first {
                if node.id.path.count == 1 { policy = node }
                pledge = node
                starRowsUnderPledge = 0
                figures += numbers(in: row, yearColumns: yearColumns, table: table).map {
                    PrintedFigure(subject: .node(node.id), year: $0.year, value: $0.value, text: $0.text, location: $0.location)
                }
                continue
            }
            // A measure's row prints its stars; the measure is named by its title, else by its place.
            for (column, columnYear) in yearColumns {
                let text = row[column]
                guard text.contains("★") || text.contains("☆"), let pledge, !pledge.children.isEmpty else { continue }
                let measures = pledge.children
                let named = labelCells.lazy.compactMap { cell in
                    measures.first { Normalize.key(Normalize.droppingBullet(firstLine(cell))) == Normalize.key($0.title) }
                }.first
                guard let measure = named ?? (starRowsUnderPledge < measures.count ? measures[starRowsUnderPledge] : nil)
                else { continue }
                starRowsUnderPledge += 1
                let count = text.filter { $0 == "★" }.count
                figures.append(PrintedFigure(subject: .stars(measure.id), year: columnYear, value: Rational(count), text: text,
                                             location: table.location(row: row.number, column: column)))
            }
        }
        return figures
    }

    private static func firstLine(_ text: String) -> String {
        String(Normalize.text(text).split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
    }

    /// The numeric cells of a row's year columns (`89`, `８９`, `74.8`, `89%`); other text (未提出, ―) is no figure.
    private static func numbers(in row: Row, yearColumns: [Int: FiscalYear], table: Table)
        -> [(year: FiscalYear, value: Rational, text: String, location: SourceLocation)] {
        yearColumns.keys.sorted().compactMap { column in
            let text = row[column]
            var compact = Normalize.compact(text)
            if compact.hasSuffix("%") { compact.removeLast() }
            guard let value = Rational(decimal: compact) else { return nil }
            return (yearColumns[column]!, value, text, table.location(row: row.number, column: column))
        }
    }
}

/// The plan's policies and pledges by their titles, as a cell may print them: `Ⅲ お年寄りや…`,
/// `政策Ⅲ お年寄りや…`, `1 「苫小牧版…」`, or the title alone.
struct TitleIndex {
    private var byKey: [String: [PlanNode]] = [:]

    init(plan: Plan) {
        for node in plan.nodesInOrder where !node.children.isEmpty || plan.depth == 1 {
            byKey[Normalize.key(node.title), default: []].append(node)
        }
    }

    func node(for cell: String, under policy: PlanNode?) -> PlanNode? {
        let key = Normalize.key(cell)
        guard !key.isEmpty else { return nil }
        for candidate in [key, Self.strippingNumber(key)] {
            guard let nodes = byKey[candidate] else { continue }
            return nodes.first { node in policy.map { node.id.path.first == $0.id.path.first } ?? false } ?? nodes[0]
        }
        return nil
    }

    /// `基本政策iii:`, `政策iii`, `iii`, `1.`: the numbering a printed title may start with.
    static func strippingNumber(_ key: String) -> String {
        var rest = Substring(key)
        for prefix in ["基本政策", "政策"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        rest = rest.drop { "ivx0123456789".contains($0) }
        if let first = rest.first, ":：.．、)）".contains(first) { rest = rest.dropFirst() }
        return String(rest)
    }
}
