import PledgeCore

/// The open-data CSV files (PRODUCT.md §4) as header and rows: long format, one value per cell, no
/// line breaks inside a field, empty meaning missing (never 0), numbers as plain numbers.
public struct OpenDataTable: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[String]]
}

public enum OpenDataTables {
    /// What builds each CSV file of the package, in its order, each on its own so that a caller
    /// can build them side by side with other work. Every file begins with the municipality's
    /// code so that several cities' files can be loaded into one table (rule L3-06); `codes.csv`
    /// is the code table (L3-02).
    static func builders(_ model: ReportModel) -> [@Sendable () -> OpenDataTable] {
        let scheme: [@Sendable () -> OpenDataTable] = SchemeTables.all(model).map { table in { withMunicipality(table, model) } }
        return [{ withMunicipality(summary(model), model) }, { withMunicipality(measures(model), model) },
                { activities(model) }, { withMunicipality(departments(model), model) }]
            + scheme
            + [{ withMunicipality(ReconciliationTable.make(model.diagnostics), model) }, { withMunicipality(CodeTable.make(model), model) }]
    }

    static func withMunicipality(_ table: OpenDataTable, _ model: ReportModel) -> OpenDataTable {
        let code = model.layout.publication.municipalityCode
        return OpenDataTable(name: table.name, header: ["municipality_code"] + table.header,
                             rows: table.rows.map { [code] + $0 })
    }

    public static func summary(_ model: ReportModel) -> OpenDataTable {
        let plan = model.plan
        let statusKeys = model.layout.statuses
        var header = ["fiscal_year", "fiscal_year_label", "level", "id", "policy_no", "pledge_no", "title", "progress_pct"]
        if !model.layout.rated { header += ["activity_count"] + statusKeys.map { "count_" + $0.key } }
        var rows: [[String]] = []
        for figures in model.yearsShown {
            let isCurrent = figures.year == model.year
            for node in model.summaryNodes {
                var row = [String(figures.year.year), figures.year.label, plan.levelName(of: node.id), plan.format(node.id),
                           policyNo(node.id, plan), component(node.id, 1), Normalize.singleLine(node.title),
                           figures.percentages[node.id].map { $0.formatted(digits: model.digits(of: node.id)) } ?? ""]
                if !model.layout.rated {
                    // Counts exist for this year only: a previous year's row leaves them empty (missing, not 0).
                    let counts = isCurrent ? model.statusCounts(under: node.id) : nil
                    row += [counts.map { String($0.total) } ?? ""]
                    row += statusKeys.indices.map { index in counts.map { String($0.byStatus[index]) } ?? "" }
                }
                rows.append(row)
            }
            if model.layout.rated {
                rows.append([String(figures.year.year), figures.year.label, "overall", "all", "", "", "全体",
                             figures.overall.map { $0.formatted(digits: model.layout.averaging.overallDigits) } ?? ""])
            } else if model.layout.hasOwnScheme {
                // The whole plan's row, as the 0–10 report has: its figures are in figures.csv (id all).
                let all = isCurrent ? model.activities.map(\.activity) : nil
                rows.append([String(figures.year.year), figures.year.label, "overall", "all", "", "", "全体", "",
                             all.map { String($0.count) } ?? ""]
                            + statusKeys.map { status in all.map { activities in String(activities.filter { $0.status == status.label }.count) } ?? "" })
            }
        }
        return OpenDataTable(name: "summary", header: header, rows: rows)
    }

    static func measures(_ model: ReportModel) -> OpenDataTable {
        let plan = model.plan
        let year = model.year
        let rows = plan.leaves.map { leaf -> [String] in
            let count = model.positions(under: leaf.id).count
            let score = model.progress.leafScores[leaf.id]
            return [String(year.year), year.label, plan.format(leaf.id), plan.format(ancestor(leaf.id, 1)),
                    plan.depth >= 3 ? plan.format(ancestor(leaf.id, 2)) : "", policyNo(leaf.id, plan), component(leaf.id, 1),
                    component(leaf.id, 2), Normalize.singleLine(leaf.title), String(count),
                    score.map { $0.formatted(digits: model.layout.scoreDigits) } ?? "",
                    model.progress.stars(leaf.id).map(String.init) ?? ""]
        }
        return OpenDataTable(name: "measures", header: ["fiscal_year", "fiscal_year_label", "id", "policy_id", "pledge_id",
                                                        "policy_no", "pledge_no", "measure_no", "title", "activity_count",
                                                        "score", "stars"], rows: rows)
    }

    /// With the municipality's code already in front: 100,000 rows are not built twice.
    static func activities(_ model: ReportModel) -> OpenDataTable {
        let code = model.layout.publication.municipalityCode
        let year = model.year
        let yearText = String(year.year)
        var lastMeasure: (id: NodeID, text: String)?  // activities come grouped by measure
        let rows = model.activities.map { located -> [String] in
            let activity = located.activity
            let measure = lastMeasure.flatMap { $0.id == activity.measure ? $0.text : nil } ?? model.plan.format(activity.measure)
            lastMeasure = (activity.measure, measure)
            // Provenance: the file as named inside the inbox (never a machine path), its sheet and the activity's cell.
            return [code, yearText, year.label, measure, activity.department,
                    Normalize.singleLine(activity.text), activity.rating.map(String.init) ?? "", activity.status ?? "",
                    located.location.file, located.location.sheet ?? "", located.location.cell]
        }
        return OpenDataTable(name: "activities", header: ["municipality_code", "fiscal_year", "fiscal_year_label", "measure_id", "department",
                                                          "activity", "rating", "status", "source_file", "source_sheet",
                                                          "source_cell"], rows: rows)
    }

    static func departments(_ model: ReportModel) -> OpenDataTable {
        let year = String(model.year.year)
        let rows = model.plan.leaves.flatMap { leaf in
            leaf.departments.map { [year, model.plan.format(leaf.id), $0] }
        }
        return OpenDataTable(name: "departments", header: ["fiscal_year", "measure_id", "department"], rows: rows)
    }

    /// `I` for policy I (ASCII, not the machine-dependent `Ⅰ`, rule L1-08).
    static func policyNo(_ id: NodeID, _ plan: Plan) -> String {
        NodeID([id.path[0]]).formatted(romanFirstLevel: plan.romanPolicyNumbers)
    }

    /// The node's ancestor at `level` (1 = policy), or the node itself when it is no deeper.
    static func ancestor(_ id: NodeID, _ level: Int) -> NodeID {
        NodeID(Array(id.path.prefix(level)))
    }

    static func component(_ id: NodeID, _ index: Int) -> String {
        index < id.path.count ? String(id.path[index]) : ""
    }
}
