/// `reconciliation.csv`: one row per problem found, errors first, then by file, sheet and cell.
public enum ReconciliationTable {
    public static let header = ["severity", "code", "file", "sheet", "cell", "measure_id", "department", "message"]

    public static func make(_ diagnostics: [Diagnostic]) -> OpenDataTable {
        let rows = diagnostics.map { diagnostic in
            [diagnostic.severity.rawValue, diagnostic.code.rawValue, diagnostic.location?.file ?? "",
             diagnostic.location?.sheet ?? "", diagnostic.location?.cell ?? "", diagnostic.measureID,
             diagnostic.department, diagnostic.message.replacingOccurrences(of: "\n", with: " ")]
        }
        return OpenDataTable(name: "reconciliation", header: header, rows: rows)
    }
}
