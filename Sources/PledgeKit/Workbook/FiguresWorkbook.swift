import PledgeCore
import XLSXWriter

/// The rated report under a layout's own scheme: 総括表 with one column per figure the layout
/// asks for (a mean per evaluator, a count per grade, a share) and 取組状況 with every activity's
/// evaluations side by side. The texts come from the same `workbook.summary` and `workbook.detail`.
struct FiguresWorkbook {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    /// One column of the summary: a year, a rule, an evaluator (or the combined series) and a grade.
    struct FigureColumn: Hashable {
        var year: FiscalYear
        var rule: Int
        var evaluator: String
        var grade: String
    }

    func write(into workbook: Workbook) throws {
        let summary = try workbook.addWorksheet(layout.summary.sheetName)
        try writeSummary(into: summary)
        let detail = try workbook.addWorksheet(layout.detail.sheetName)
        try writeDetail(into: detail)
        let chart = FigureChartSheet(model: model, layout: layout, styles: styles, columns: columns, heading: heading)
        if !chart.charts.isEmpty {
            var byPlace: [String: Figure] = [:]
            for shown in years {
                for figure in shown.figures { byPlace[key(figure.node, Self.column(figure, shown.year))] = figure }
            }
            try chart.write(into: try workbook.addWorksheet(layout.chart.sheetName), workbook: workbook, figures: byPlace, key: key)
        }
        summary.activate()
    }

    /// Every year shown, oldest first (the earlier years from `--history`), with its figures.
    var years: [FigureHistoryLoader.Year] {
        model.figureYearsShown + [FigureHistoryLoader.Year(year: model.year, figures: model.figures)]
    }

    static func column(_ figure: Figure, _ year: FiscalYear) -> FigureColumn {
        FigureColumn(year: year, rule: figure.rule, evaluator: figure.evaluator, grade: figure.grade)
    }

    /// This year's columns in rule order, after the earlier years' rates (means, shares, achievement
    /// rates: the figures a reader follows through the term; counts only for this year).
    var columns: [FigureColumn] {
        let current = model.figures.map { Self.column($0, model.year) }
        var seen: [FigureColumn] = []
        for earlier in model.figureYearsShown {
            for column in current where model.layout.figures[column.rule].kind.isRate {
                let shifted = FigureColumn(year: earlier.year, rule: column.rule, evaluator: column.evaluator, grade: column.grade)
                if !seen.contains(shifted) { seen.append(shifted) }
            }
        }
        var own: [FigureColumn] = []
        for column in current where !own.contains(column) { own.append(column) }
        return seen + own.enumerated().sorted { ($0.element.rule, $0.offset) < ($1.element.rule, $1.offset) }.map(\.element)
    }

    /// With earlier years shown, a rate's heading names its year (`令和4年度 平均達成率 (%)`).
    func heading(_ column: FigureColumn) -> String {
        let base = model.columnHeading(rule: column.rule, evaluator: column.evaluator, grade: column.grade)
        let dated = !model.figureYearsShown.isEmpty && model.layout.figures[column.rule].kind.isRate
        return dated ? column.year.label + "\n" + base : base
    }

    /// An evaluation as the detail sheet prints it: `4`, `達成`, or a KPI's band with its rate `A（104.5%）`.
    static func printed(_ evaluation: Evaluation) -> String {
        evaluation.achievement.map { "\(evaluation.label)（\($0.formatted(digits: 1))%）" } ?? evaluation.label
    }

    func writeSummary(into sheet: Worksheet) throws {
        let settings = layout.summary
        let columns = self.columns
        let lastColumn = 1 + max(columns.count, 1)
        try SummarySheet.writeTitleAndLead(layout: layout, lastColumn: lastColumn, styles: styles, texts: texts, into: sheet)
        let top = SummarySheet.headerRow
        try sheet.merge(.string(settings.categoryHeading), firstRow: top, firstColumn: 0, lastRow: top, lastColumn: 1,
                        style: styles.heading)
        for (offset, column) in columns.enumerated() {
            try sheet.write(heading(column), row: top, column: 2 + offset, style: styles.heading)
        }
        try sheet.setRow(top, height: RowHeight.points(columns.map { (heading($0), settings.yearWidth) }, fontSize: layout.fontSize))
        var byPlace: [String: Figure] = [:]
        for shown in years {
            for figure in shown.figures { byPlace[key(figure.node, Self.column(figure, shown.year))] = figure }
        }
        var row = top + 1
        let nodes = model.plan.nodesInOrder.filter { node in model.figures.contains { $0.node == node.id } }
        for node in nodes {
            let bold = node.id.path.count == 1
            let textStyle = bold ? styles.textBold : styles.text
            try sheet.write(node.number, row: row, column: 0, style: textStyle.with { $0.horizontal = .center })
            try sheet.write(node.title, row: row, column: 1, style: textStyle)
            try sheet.setRow(row, height: RowHeight.points([(node.title, settings.titleWidth)], fontSize: layout.fontSize))
            try writeFigures(columns, node: node.id, byPlace: byPlace, bold: bold, sheet: sheet, row: row)
            row += 1
        }
        if model.figures.contains(where: { $0.node == nil }) {
            try sheet.merge(.string(settings.overallLabel), firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1,
                            style: styles.textBold.with { $0.horizontal = .center })
            try writeFigures(columns, node: nil, byPlace: byPlace, bold: true, sheet: sheet, row: row)
        }
        try sheet.setUpA4Printing(.portrait, headingRows: top...top, pageNumbers: true)
    }

    func key(_ node: NodeID?, _ column: FigureColumn) -> String {
        "\(node?.description ?? "all")|\(column.year)|\(column.rule)|\(column.evaluator)|\(column.grade)"
    }

    private func writeFigures(_ columns: [FigureColumn], node: NodeID?, byPlace: [String: Figure], bold: Bool,
                              sheet: Worksheet, row: Int) throws {
        for (offset, column) in columns.enumerated() {
            let figure = byPlace[key(node, column)]
            let style = styles.percent(digits: figure?.digits ?? 0, bold: bold)
            if let figure {
                try sheet.write(.number(figure.value.doubleValue), row: row, column: 2 + offset, style: style)
            } else {
                try sheet.write("", row: row, column: 2 + offset, style: style)
            }
        }
    }

    /// Per measure: its title and activities, its departments, and one column per evaluator with
    /// each activity's evaluation on the activity's line.
    func writeDetail(into sheet: Worksheet) throws {
        let settings = layout.detail
        let evaluators = model.layout.scheme.evaluators
        try sheet.setColumns(0, 0, width: settings.contentWidth)
        try sheet.setColumns(1, 1, width: settings.departmentWidth)
        try sheet.setColumns(2, 1 + evaluators.count, width: settings.progressWidth)
        try sheet.write(texts.fill(settings.title), row: 0, column: 0, style: styles.title)
        let top = DetailSheet.headerRow
        // The levels above the leaves, then the leaf (●) and its activities (・): a two-level plan has no pledge line.
        let heading = ([settings.policyHeading, settings.pledgeHeading].prefix(max(model.plan.depth - 1, 0))
                       + ["● " + settings.measureHeading, "・" + texts.fill(settings.activityHeading)]).joined(separator: "\n")
        try sheet.write(heading, row: top, column: 0, style: styles.heading.with { $0.horizontal = .left })
        try sheet.write(settings.departmentHeading, row: top, column: 1, style: styles.heading)
        for (offset, evaluator) in evaluators.enumerated() {
            try sheet.write(evaluator.heading, row: top, column: 2 + offset, style: styles.heading)
        }
        try sheet.setRow(top, height: RowHeight.points([(heading, settings.contentWidth)], fontSize: layout.fontSize))
        var row = top + 1
        for node in model.plan.nodesInOrder {
            if node.children.isEmpty {
                let activities = model.activities(under: node.id)
                let content = (["● " + node.title] + activities.map { "・" + $0.text }).joined(separator: "\n")
                let departments = node.departments.map { "・" + $0 }.joined(separator: "\n")
                try sheet.write(content, row: row, column: 0, style: styles.text)
                try sheet.write(departments, row: row, column: 1, style: styles.text)
                for (offset, evaluator) in evaluators.enumerated() {
                    // One line per activity, level with the activity's line (the title takes the first).
                    let lines = activities.map { activity in
                        activity.evaluations.first { $0.evaluator == evaluator.key }.map(Self.printed) ?? ""
                    }
                    let text = activities.isEmpty ? layout.unreportedLabel : ([""] + lines).joined(separator: "\n")
                    try sheet.write(text, row: row, column: 2 + offset, style: styles.stars)
                }
                try sheet.setRow(row, height: RowHeight.points([(content, settings.contentWidth),
                                                                (departments, settings.departmentWidth)], fontSize: layout.fontSize))
            } else {
                let isPolicy = node.id.path.count == 1
                let label = isPolicy ? "\(settings.policyPrefix)\(node.number) \(node.title)" : "\(node.number) \(node.title)"
                let style = isPolicy ? styles.textBold : styles.textBold.with { $0.backgroundColor = nil }
                try sheet.write(label, row: row, column: 0, style: style)
                for column in 1...(1 + evaluators.count) { try sheet.write("", row: row, column: column, style: style) }
                try sheet.setRow(row, height: RowHeight.points([(label, settings.contentWidth)], fontSize: layout.fontSize))
            }
            row += 1
        }
        try sheet.setUpA4Printing(.portrait, headingRows: top...top, pageNumbers: true)
    }
}
