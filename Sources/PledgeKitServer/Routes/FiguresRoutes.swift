import Foundation
import Hummingbird

/// The figures as they stand (総括表 and the policies' chart) and 照合結果, both from one merge
/// of the round without writing (PreviewCache).
enum FiguresRoutes {
    static func add(to router: Router<ServerContext>, server: RoundServer) {
        router.get("/office/figures") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let figures = try await server.preview.figures()
            let view = FiguresView(
                chrome: server.pages.chrome("数値（総括表）", office: session), refusal: figures.refusal,
                hasRows: !figures.rows.isEmpty, years: figures.yearLabels.map { FiguresView.Year(label: $0) },
                rows: figures.rows.map { row in
                    FiguresView.Row(id: row.id, number: row.number, title: row.title,
                                    rowClass: row.isOverall ? "overall" : row.isPolicy ? "policy" : "pledge",
                                    values: row.values.map { FiguresView.Value(text: $0.isEmpty ? "—" : $0) })
                },
                chart: PolicyChart(figures: figures), headlines: figures.headlines,
                noFigures: figures.refusal == nil && figures.rows.isEmpty && figures.headlines.isEmpty)
            return server.pages.render(.figures, view)
        }

        router.get("/office/reconciliation") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let figures = try await server.preview.figures()
            let query = FormFields.query(request)
            let severity = query["severity"] ?? "", department = query["department"] ?? "", code = query["code"] ?? ""
            let all = figures.problems
            let shown = all.filter { problem in
                (severity.isEmpty || problem.severity.rawValue == severity)
                    && (department.isEmpty || problem.department == department)
                    && (code.isEmpty || problem.code == code)
            }
            func options(_ values: [String], selected: String, label: (String) -> String) -> [ReconciliationView.Option] {
                [ReconciliationView.Option(value: "", label: "すべて", selected: selected.isEmpty)]
                    + values.map { ReconciliationView.Option(value: $0, label: label($0), selected: $0 == selected) }
            }
            let departments = Array(Set(all.map(\.department).filter { !$0.isEmpty })).sorted()
            let codes = Array(Set(all.map(\.code))).sorted()
            let view = ReconciliationView(
                chrome: server.pages.chrome("照合結果", office: session),
                severities: options(Problem.Severity.allCases.map(\.rawValue), selected: severity) {
                    Problem.Severity(rawValue: $0)?.japanese ?? $0
                },
                departments: options(departments, selected: department) { $0 },
                codes: options(codes, selected: code) { $0 },
                count: shown.count, total: all.count,
                problems: shown.map { ReconciliationView.Line($0) })
            return server.pages.render(.reconciliation, view)
        }
    }
}

struct FiguresView: Sendable {
    struct Year: Sendable { var label: String }
    struct Value: Sendable { var text: String }
    struct Row: Sendable {
        var id: String
        var number: String
        var title: String
        var rowClass: String
        var values: [Value]
    }
    var chrome: Chrome
    var refusal: String?
    var hasRows: Bool
    var years: [Year]
    var rows: [Row]
    var chart: PolicyChart?
    var headlines: [String]
    var noFigures: Bool
}

struct ReconciliationView: Sendable {
    struct Option: Sendable { var value: String; var label: String; var selected: Bool }
    struct Line: Sendable {
        var severity: String
        var severityLabel: String
        var code: String
        var file: String
        var sheet: String
        var cell: String
        var measureID: String
        var department: String
        var message: String

        init(_ problem: Problem) {
            severity = problem.severity.rawValue
            severityLabel = problem.severity.japanese
            code = problem.code
            file = problem.file
            sheet = problem.sheet
            cell = problem.cell
            measureID = problem.measureID
            department = problem.department
            message = problem.message
        }
    }
    var chrome: Chrome
    var severities: [Option]
    var departments: [Option]
    var codes: [Option]
    var count: Int
    var total: Int
    var problems: [Line]
}
