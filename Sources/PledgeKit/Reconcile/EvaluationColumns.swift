import PledgeCore
import TableIO

/// Where a sheet holds each evaluator's column of a layout's own scheme, and how a row's cells
/// become evaluations. A single evaluator falls back to the ordinary rating column (評価).
struct EvaluationColumns: Sendable {
    let scheme: EvaluationScheme
    let sheet: SubmissionSheet
    private let columns: [String: Int]
    /// Target, actual and direction of a KPI scheme, by KPIColumns' names.
    let kpiColumns: [String: Int]
    /// Each evaluator with the scale its column is read by, worked out once a sheet, not once a row.
    private let scales: [(evaluator: Evaluator, scale: EvaluationScheme)]

    init(scheme: EvaluationScheme, sheet: SubmissionSheet) {
        self.scheme = scheme
        self.sheet = sheet
        scales = scheme.evaluators.map { ($0, scheme.scale(for: $0.key)) }
        var columns: [String: Int] = [:]
        let kpi = scheme.kpiEvaluator
        if scheme.isEvaluated, let headerRow = sheet.table.rows.first(where: { $0.number == sheet.header.row }) {
            let specs = ReportLayout.evaluatorColumns(scheme)
            let map = HeaderMap(row: headerRow, specs: specs)
            for evaluator in scheme.evaluators where evaluator.key != kpi?.key { columns[evaluator.key] = map[evaluator.key] }
            if scheme.evaluators.count == 1, kpi == nil, columns[scheme.evaluators[0].key] == nil {
                columns[scheme.evaluators[0].key] = sheet.header["rating"]
            }
        }
        self.columns = columns
        var kpiColumns: [String: Int] = [:]
        if kpi != nil, let headerRow = sheet.table.rows.first(where: { $0.number == sheet.header.row }) {
            let map = HeaderMap(row: headerRow, specs: KPIColumns.all)
            for spec in KPIColumns.all { kpiColumns[spec.name] = map[spec.name] }
        }
        self.kpiColumns = kpiColumns
    }

    /// Whether any evaluator's cell of the row holds something (a row with only that is not blank).
    func hasAny(in row: Row) -> Bool {
        (Array(columns.values) + kpiColumns.values).contains { !Normalize.text(row[$0]).isEmpty }
    }

    /// Each evaluator's evaluation, each by its own scale (a committee's 1–5, the department's A–D,
    /// the KPI's bands); nil when a cell is empty or outside its scale (reported with its cell).
    func read(_ row: Row, measureID: String, department: String, diagnostics: inout Diagnostics) -> [Evaluation]? {
        var evaluations: [Evaluation] = []
        var rejected = false
        for (evaluator, scale) in scales {
            if scale.kind == .kpi {
                // Beside other evaluators, a row may have no KPI; alone, the KPI is the row.
                switch readKPI(row, scale: scale, optional: scheme.evaluators.count > 1, measureID: measureID, department: department,
                               diagnostics: &diagnostics) {
                case .evaluated(let evaluation): evaluations.append(evaluation)
                case .absent: break
                case .rejected: rejected = true
                }
                continue
            }
            let column = columns[evaluator.key]
            let location = sheet.table.location(row: row.number, column: column)
            let text = column.map { Normalize.text(row[$0]) } ?? ""
            guard !text.isEmpty else {
                let missing = column == nil ? "「\(evaluator.heading)」の列がありません。列を加えて" : "\(evaluator.heading)が入力されていません。"
                diagnostics.error(.ratingMissing, at: location, measureID: measureID, department: department,
                                  "\(missing)\(scale.allowedValues)で入力してください。")
                rejected = true
                continue
            }
            guard var evaluation = scale.read(text) else {
                diagnostics.error(.ratingInvalid, at: location, measureID: measureID, department: department,
                                  "\(evaluator.heading)は\(scale.allowedValues)で入力してください（入力値: \(text)）")
                rejected = true
                continue
            }
            evaluation.evaluator = evaluator.key
            evaluations.append(evaluation)
        }
        return rejected ? nil : evaluations
    }
}
