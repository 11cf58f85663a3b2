import Foundation
import PledgeCore
import TableIO

/// The term's earlier years under a layout's own scheme (`merge --history DIR`): the `figures.csv`
/// files pledgekit wrote in those years. A year is read from the file whose newest year it is, or
/// else from the newest file that has it, as HistoryLoader does for `summary.csv`. A row is kept
/// when the layout still has a figure of its kind (and, for a share, its grade) and its ID is in
/// the plan; the others are named in one warning per file.
public enum FigureHistoryLoader {
    public struct Year: Sendable, Equatable {
        public var year: FiscalYear
        public var figures: [Figure]
    }

    public static func load(_ sources: [URL], plan: Plan, layout: ReportLayout, before current: FiscalYear,
                            diagnostics: inout Diagnostics) -> [Year] {
        var byFile: [(file: URL, rows: [FiscalYear: [Figure]])] = []
        for file in HistoryLoader.files(in: sources, diagnostics: &diagnostics) where file.lastPathComponent == "figures.csv" {
            byFile.append((file, read(file, plan: plan, layout: layout, before: current, diagnostics: &diagnostics)))
        }
        let years = byFile.reduce(into: Set<FiscalYear>()) { $0.formUnion($1.rows.keys) }
        let loaded = years.sorted().compactMap { year -> Year? in
            HistoryLoader.source(for: year, among: byFile, file: \.file, years: { Array($0.rows.keys) })
                .map { Year(year: year, figures: $0.rows[year]!) }
        }
        if loaded.isEmpty, !sources.isEmpty {
            diagnostics.error(.previousYear, at: SourceLocation(file: sources.map(\.lastPathComponent).joined(separator: "、")),
                              "過去の年度の figures.csv が見つかりません（この様式では pledgekit が書き出した figures.csv を使います）。")
        }
        return loaded
    }

    /// A share's grade code as figures.csv writes it: the grades' keys, though the layout may name their labels.
    static func thresholdKey(_ rule: FigureRule, _ layout: ReportLayout, evaluator: String) -> String? {
        SchemeFigures.shareCode(of: rule, scheme: layout.scheme.scale(for: rule.evaluator.isEmpty ? evaluator : rule.evaluator))
    }

    static func read(_ file: URL, plan: Plan, layout: ReportLayout, before current: FiscalYear,
                     diagnostics: inout Diagnostics) -> [FiscalYear: [Figure]] {
        let name = file.deletingLastPathComponent().lastPathComponent + "/" + file.lastPathComponent
        guard let read = rows(of: file, plan: plan, layout: layout, years: { $0 < current }) else {
            diagnostics.warning(.previousYear, at: SourceLocation(file: name), "figures.csv として読めないため、過去の年度には使いません。")
            return [:]
        }
        if read.skipped > 0 {
            diagnostics.warning(.previousYear, at: SourceLocation(file: name),
                                "\(read.skipped)行は、年度・ID・集計の種類がこの計画とレイアウトに合わないため使いません。")
        }
        return Dictionary(grouping: read.figures, by: \.year).mapValues { $0.map(\.figure) }
    }

    /// One figure of a figures.csv with where it is printed (its row, and the value's column, 1-based).
    struct PrintedRow {
        var year: FiscalYear
        var figure: Figure
        var row: Int
        var valueColumn: Int
        var text: String
    }

    /// The rows of a figures.csv whose year `years` accepts and whose figure the layout has (a rule
    /// of its kind, evaluator and, for a share, grade code); nil when the file is not a figures.csv.
    static func rows(of file: URL, plan: Plan, layout: ReportLayout,
                     years: (FiscalYear) -> Bool) -> (figures: [PrintedRow], skipped: Int)? {
        guard let table = try? CSVReader.read(contentsOf: file).table, let header = table.rows.first,
              header.values.contains("kind"), header.values.contains("value") else { return nil }
        let column = Dictionary(header.values.enumerated().map { ($1, $0 + 1) }) { first, _ in first }
        let ids = Dictionary(plan.nodesInOrder.map { (plan.format($0.id), $0.id) }) { first, _ in first }
        var figures: [PrintedRow] = []
        var skipped = 0
        for row in table.rows.dropFirst() where !row.isBlank {
            func value(_ key: String) -> String { column[key].map { row[$0] } ?? "" }
            guard let year = FiscalYear(parsing: value("fiscal_year")), years(year),
                  let kind = FigureRule.Kind(rawValue: value("kind")), let number = Rational(decimal: value("value")) else {
                skipped += 1
                continue
            }
            let id = value("id")
            let node = id == "all" ? nil : ids[id]
            let grade = value("grade"), evaluator = value("evaluator")
            guard id == "all" || node != nil,
                  let rule = layout.figures.firstIndex(where: { $0.kind == kind && ($0.evaluator.isEmpty || $0.evaluator == evaluator)
                                                                && (!$0.isShare || thresholdKey($0, layout, evaluator: evaluator) == grade) }) else {
                skipped += 1
                continue
            }
            let digits = value("value").split(separator: ".").dropFirst().first?.count ?? 0
            figures.append(PrintedRow(year: year, figure: Figure(node: node, kind: kind, evaluator: evaluator, grade: grade,
                                                                 value: number, digits: digits, rule: rule),
                                      row: row.number, valueColumn: column["value"] ?? 1,
                                      text: value("value")))
        }
        return (figures, skipped)
    }
}
