import PledgeCore
import XLSXWriter

/// The chart page of a report under a layout's own scheme: one column chart per rate the layout
/// shows per basic policy (a mean, a share, an achievement rate), the earlier years shown beside
/// this year, over a small table of the figures they plot. Counts are not charted.
struct FigureChartSheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let columns: [FiguresWorkbook.FigureColumn]
    let heading: (FiguresWorkbook.FigureColumn) -> String

    /// The rates shown per policy, each with its years' columns (oldest first).
    var charts: [[FiguresWorkbook.FigureColumn]] {
        let policies = Set(model.plan.policies.map(\.id))
        let perPolicy = Set(model.figures.filter { $0.node.map(policies.contains) ?? false }.map { "\($0.rule)|\($0.evaluator)|\($0.grade)" })
        var groups: [String: [FiguresWorkbook.FigureColumn]] = [:]
        var order: [String] = []
        for column in columns where model.layout.figures[column.rule].kind.isRate {
            let key = "\(column.rule)|\(column.evaluator)|\(column.grade)"
            guard perPolicy.contains(key) else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(column)
        }
        return order.map { groups[$0]!.sorted { $0.year < $1.year } }
    }

    func write(into sheet: Worksheet, workbook: Workbook, figures: [String: Figure], key: (NodeID?, FiguresWorkbook.FigureColumn) -> String) throws {
        let settings = layout.chart
        let policies = model.plan.policies
        let charts = self.charts
        let tableColumns = charts.flatMap { $0 }
        try sheet.setColumns(0, 0, width: 14)
        try sheet.setColumns(1, tableColumns.count, width: 13)
        try sheet.setColumns(tableColumns.count + 1, tableColumns.count + 1, width: 50)
        try sheet.write(settings.title, row: 0, column: 0, style: styles.title)
        let chartRows = 20
        let tableTop = 2 + chartRows * charts.count
        try sheet.write(settings.categoryAxisTitle, row: tableTop, column: 0, style: styles.heading)
        for (offset, column) in tableColumns.enumerated() {
            try sheet.write(heading(column), row: tableTop, column: 1 + offset, style: styles.heading)
        }
        try sheet.write(layout.detail.policyHeading, row: tableTop, column: tableColumns.count + 1, style: styles.heading)
        for (index, policy) in policies.enumerated() {
            let row = tableTop + 1 + index
            try sheet.write(settings.categoryAxisTitle + policy.number, row: row, column: 0, style: styles.text)
            for (offset, column) in tableColumns.enumerated() {
                let figure = figures[key(policy.id, column)]
                try sheet.write(figure.map { .number($0.value.doubleValue) } ?? .blank, row: row, column: 1 + offset,
                                style: styles.percent(digits: figure?.digits ?? 0, bold: false))
            }
            try sheet.write(policy.title, row: row, column: tableColumns.count + 1, style: styles.text)
        }
        let categories = Chart.Range(sheet: sheet.name, firstRow: tableTop + 1, firstColumn: 0,
                                     lastRow: tableTop + policies.count, lastColumn: 0)
        var first = 1
        for (index, years) in charts.enumerated() {
            let chart = workbook.addChart(.column)
            for (offset, column) in years.enumerated() {
                chart.addSeries(name: column.year.label, categories: categories,
                                values: Chart.Range(sheet: sheet.name, firstRow: tableTop + 1, firstColumn: first + offset,
                                                    lastRow: tableTop + policies.count, lastColumn: first + offset),
                                color: ProgressChartSheet.color(ofYear: offset, among: years.count))
            }
            first += years.count
            let title = model.columnHeading(rule: years[0].rule, evaluator: years[0].evaluator, grade: years[0].grade)
            let values = years.flatMap { column in policies.compactMap { figures[key($0.id, column)]?.value.doubleValue } }
            let axis = axisRange(rule: model.layout.figures[years[0].rule], evaluator: years[0].evaluator, largest: values.max() ?? 0)
            chart.setTitle(title, fontName: layout.fontName)
            chart.setValueAxis(title: title, minimum: 0, maximum: axis.maximum, majorUnit: axis.unit, fontName: layout.fontName)
            chart.setCategoryAxis(title: settings.categoryAxisTitle, fontName: layout.fontName)
            chart.setLegendBottom(fontName: layout.fontName)
            try sheet.insert(chart, row: 2 + chartRows * index, column: 0, xScale: 1.6, yScale: 1.2)
        }
        try sheet.setUpA4Printing(.landscape)
    }

    /// 0–100 for a percentage (further when a rate beyond the target is shown), the scale's top for a mean.
    func axisRange(rule: FigureRule, evaluator: String, largest: Double) -> (maximum: Double, unit: Double) {
        if rule.kind == .mean {
            let scale = model.layout.scheme.scale(for: evaluator)
            let top = scale.kind == .range ? scale.maximum : scale.grades.compactMap(\.points).max() ?? 1
            let maximum = Double(max(top, 1) * rule.scale)
            return (maximum, maximum / 5)
        }
        return (max(100, (largest / 20).rounded(.up) * 20), 20)
    }
}
