import Foundation
import PledgeCore
import TableIO

/// Last year's published figures, for the previous-year column: read from last year's
/// `summary.csv` (or last year's workbook), never recomputed, because they are what was published.
public struct YearFigures: Sendable, Equatable {
    public var year: FiscalYear
    public var percentages: [NodeID: Rational]
    public var overall: Rational?
}

public enum PreviousYearLoader {
    public static func load(_ url: URL, plan: Plan, expected: FiscalYear, diagnostics: inout Diagnostics) -> YearFigures? {
        let file = url.lastPathComponent
        let table: Table
        do throws(TableReadError) {
            guard let first = try TableLoader.tables(at: url).first else { throw TableReadError(file: file, "表がありません。") }
            table = first
        } catch {
            diagnostics.add(error)
            return nil
        }
        let specs = [ColumnSpec("fiscal_year", ["年度"]), ColumnSpec("id", []), ColumnSpec("progress_pct", ["進捗率"])]
        guard let headerRow = table.rows.first(where: { HeaderMap(row: $0, specs: specs).columns.count == 3 }) else {
            diagnostics.error(.previousYear, at: SourceLocation(file: file),
                              "前年度のsummary.csvとして読めません（fiscal_year, id, progress_pct の列が必要です）。")
            return nil
        }
        let header = HeaderMap(row: headerRow, specs: specs)
        var figures = YearFigures(year: expected, percentages: [:], overall: nil)
        var years: Set<FiscalYear> = []
        let errorsAtStart = diagnostics.count(.error)
        for row in table.rows where row.number > headerRow.number && !row.isBlank {
            let idText = header.value("id", in: row)
            let valueText = header.value("progress_pct", in: row)
            guard let year = FiscalYear(parsing: header.value("fiscal_year", in: row)) else {
                diagnostics.error(.previousYear, at: table.location(row: row.number, column: header["fiscal_year"]),
                                  "年度「\(header.value("fiscal_year", in: row))」を読めません。")
                continue
            }
            years.insert(year)
            guard year == expected else { continue }
            if valueText.isEmpty { continue }
            guard let value = Rational(decimal: Normalize.compact(valueText)) else {
                diagnostics.error(.previousYear, at: table.location(row: row.number, column: header["progress_pct"]),
                                  "進捗率「\(valueText)」が数値ではありません。")
                continue
            }
            if Normalize.key(idText) == "all" {
                figures.overall = value
            } else if let id = NodeID(parsing: idText), plan.node(id) != nil {
                figures.percentages[id] = value
            } else {
                diagnostics.warning(.previousYear, at: table.location(row: row.number, column: header["id"]),
                                    "前年度のID「\(idText)」は今年度の計画にありません。前年度欄には表示しません。")
            }
        }
        if !years.contains(expected) {
            let found = years.sorted().map(\.label).joined(separator: "、")
            diagnostics.error(.previousYear, at: SourceLocation(file: file),
                              "前年度(\(expected.label))の行がありません（ファイル内の年度: \(found.isEmpty ? "なし" : found)）。")
        }
        return diagnostics.count(.error) == errorsAtStart ? figures : nil
    }
}
