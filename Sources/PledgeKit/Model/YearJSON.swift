import PledgeCore

/// A fiscal year in JSON: `{"fiscal_year": 2020, "label": "令和2年度"}`.
struct YearJSON: Encodable {
    var fiscalYear: Int
    var label: String
    init(year: FiscalYear) {
        fiscalYear = year.year
        label = year.label
    }
    private enum CodingKeys: String, CodingKey { case fiscalYear = "fiscal_year", label }
}
