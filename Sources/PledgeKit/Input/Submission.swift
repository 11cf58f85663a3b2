import PledgeCore
import TableIO

/// A value read from a cell, with the cell it came from.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One department file (all its sheets with a header row), before reconciliation.
public struct Submission: Sendable {
    public var file: String
    public var department: Located<String>?
    public var fiscalYear: Located<String>?
    public var submitted: Located<String>?
    public var sheets: [SubmissionSheet]

    /// The department that sent the file: the label above the header, else the one department all
    /// rows name. Worked out once, when the file has been read: it looks at every row.
    public internal(set) var sender: String?

    func namedSender() -> String? {
        if let label = department?.value, !label.isEmpty { return Departments.normalizedName(label) }
        let named = Set(sheets.flatMap { sheet in sheet.rows.map { sheet.header.value("department", in: $0) } }
            .map(Departments.normalizedName).filter { !$0.isEmpty })
        return named.count == 1 ? named.first : nil
    }
}

public struct SubmissionSheet: Sendable {
    public var table: Table
    public var header: HeaderMap
    /// The non-blank rows below the header.
    public var rows: [Row]
}

/// Finds the label/value cells and the header row of each sheet of a department file.
public enum SubmissionReader {
    static let labelRows = 20
    static let headerSearchRows = 40
    /// Activity rows one department's file may hold, its sheets together. A department reports a
    /// few hundred; a whole city's inbox is about 100,000. Past this a file is a mistake or an
    /// attack, and reconciling it would take tens of seconds and more than a GB (1,000,000 rows:
    /// 14.5 s and 1.3 GB in a release build), so it is refused before anything is reconciled.
    public static let maxActivityRows = 250_000

    /// `evaluationColumns`: a layout's own evaluator columns (`委員1`…), which mark a header row as the
    /// rating column does.
    public static func read(_ tables: [Table], file: String, evaluationColumns: [ColumnSpec] = [],
                            diagnostics: inout Diagnostics) -> Submission? {
        var submission = Submission(file: file, sheets: [])
        for table in tables {
            let headerRow = table.rows.prefix(headerSearchRows).first { row in
                let map = HeaderMap(row: row, specs: Columns.submissionColumns)
                let evaluated = map.has("rating") || map.has("status") || map.has("target")
                    || !HeaderMap(row: row, specs: evaluationColumns).columns.isEmpty
                return map.has("activity") && evaluated
            }
            guard let headerRow else {
                if table.sheet != nil && tables.count > 1 {
                    diagnostics.info(.sheetSkipped, at: SourceLocation(file: file, sheet: table.sheet),
                                     "見出し行（取組内容・評価）がないシートのため読み飛ばしました。")
                }
                continue
            }
            readLabels(table.rows.prefix { $0.number < headerRow.number }.prefix(labelRows), table: table, into: &submission)
            let header = HeaderMap(row: headerRow, specs: Columns.submissionColumns)
            let rows = table.rows.filter { $0.number > headerRow.number && !$0.isBlank }
            let before = submission.sheets.reduce(0) { $0 + $1.rows.count }
            if before + rows.count > maxActivityRows {
                let first = rows[maxActivityRows - before]
                diagnostics.error(.fileUnreadable, at: table.location(row: first.number, column: 1),
                                  "取組の行が\(TableLimits.grouped(before + rows.count))行あり、1つのファイルの上限"
                                  + "\(TableLimits.grouped(maxActivityRows))行を超えています。安全のため、このファイルは読み込みません。"
                                  + "部署の提出ファイルとしては多すぎるため、余分な行がないか確かめてください。")
                return nil
            }
            submission.sheets.append(SubmissionSheet(table: table, header: header, rows: rows))
            reportMergedCells(table.mergedRanges.lazy.filter { $0.lastRow > headerRow.number }, table: table, file: file,
                              diagnostics: &diagnostics)
        }
        submission.sender = submission.namedSender()
        // Read here, for `check` as for `merge`: a date that means nothing is the department's to fix
        // before it is needed to decide between two files.
        if let submitted = submission.submitted, SubmissionDate(parsing: submitted.value) == nil {
            diagnostics.error(.dateInvalid, at: submitted.location, department: submission.sender ?? "",
                              "提出日「\(submitted.value)」を日付として読めません（例: 2021/4/20、令和3年4月20日。1900年から2200年までの日付）。")
        }
        guard !submission.sheets.isEmpty else {
            diagnostics.error(.headerMissing, at: SourceLocation(file: file),
                              "見出し行が見つかりません。「取組事業内容」と「評価」（または「状況」）の列見出しが必要です。")
            return nil
        }
        return submission
    }

    /// How many merged ranges under the header are named one by one; the rest are counted in one
    /// more warning, so that a sheet with 300,000 of them (formatting copied down to the last row)
    /// costs one line per kind, not a reconciliation list of 300,000 rows.
    static let mergedRangesNamed = 10

    private static func reportMergedCells(_ ranges: some Sequence<CellRange>, table: Table, file: String,
                                          diagnostics: inout Diagnostics) {
        var named = 0, more = 0
        var firstMore: CellRange?
        for range in ranges {
            guard named < mergedRangesNamed else {
                if more == 0 { firstMore = range }
                more += 1
                continue
            }
            named += 1
            diagnostics.warning(.mergedCells, at: SourceLocation(file: file, sheet: table.sheet, row: range.firstRow, column: range.firstColumn),
                                "結合されたセル(\(range))があります。値は左上のセルだけに入っているものとして読みました。")
        }
        guard let firstMore else { return }
        diagnostics.warning(.mergedCells, at: SourceLocation(file: file, sheet: table.sheet, row: firstMore.firstRow, column: firstMore.firstColumn),
                            "結合されたセルがほかに\(TableLimits.grouped(more))か所あります（\(firstMore)から）。どれも値は左上のセルだけに入っているものとして読みました。"
                            + "書式をコピーしたものであれば、結合を解除してください。")
    }

    private static func readLabels(_ rows: ArraySlice<Row>, table: Table, into submission: inout Submission) {
        for row in rows {
            for (offset, cell) in row.values.enumerated() where !cell.isEmpty {
                let column = offset + 1
                guard let value = (column + 1...column + 3).lazy.map({ row[$0] })
                    .first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
                let valueColumn = (column + 1...column + 3).first { row[$0] == value }!
                let located = Located(Normalize.text(value), at: table.location(row: row.number, column: valueColumn))
                if Columns.departmentLabel.matches(cell), submission.department == nil {
                    submission.department = located
                } else if Columns.yearLabel.matches(cell), submission.fiscalYear == nil {
                    submission.fiscalYear = located
                } else if Columns.dateLabel.matches(cell), submission.submitted == nil {
                    submission.submitted = located
                }
            }
        }
    }
}
