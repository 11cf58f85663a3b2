import PledgeCore
import XLSXWriter

/// The rated report (the Tomakomai style): 総括表, 取組状況 and a chart of policy progress.
struct RatingsWorkbook {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    func write(into workbook: Workbook) throws {
        let summary = try workbook.addWorksheet(layout.summary.sheetName)
        try SummarySheet(model: model, layout: layout, styles: styles, texts: texts).write(into: summary)
        let detail = try workbook.addWorksheet(layout.detail.sheetName)
        try DetailSheet(model: model, layout: layout, styles: styles, texts: texts).write(into: detail)
        let chart = try workbook.addWorksheet(layout.chart.sheetName)
        try ProgressChartSheet(model: model, layout: layout, styles: styles).write(into: chart, workbook: workbook)
        summary.activate()
    }
}

extension Rational {
    /// The value as the workbook stores it. Every figure is already rounded to at most a few
    /// decimals, so the nearest double prints back as the same decimal.
    var doubleValue: Double { Double(numerator) / Double(denominator) }
}

/// `I 市長公約取組状況総括表`: one row per policy and pledge, `全体` last, one column per year shown.
struct SummarySheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    static let headerRow = 3

    func write(into sheet: Worksheet) throws {
        let years = model.yearsShown
        let lastColumn = 1 + years.count
        let settings = layout.summary
        try sheet.setColumns(0, 0, width: settings.numberWidth)
        try sheet.setColumns(1, 1, width: settings.titleWidth)
        try sheet.setColumns(2, lastColumn, width: settings.yearWidth)
        try sheet.write(texts.fill(settings.title), row: 0, column: 0, style: styles.title)
        try sheet.merge(.string(texts.fill(settings.lead)), firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: lastColumn,
                        style: styles.lead)
        let leadWidth = settings.numberWidth + settings.titleWidth + settings.yearWidth * Double(years.count)
        try sheet.setRow(1, height: RowHeight.points([(texts.fill(settings.lead), leadWidth)], fontSize: layout.fontSize))

        let top = Self.headerRow
        try sheet.merge(.string(settings.categoryHeading), firstRow: top, firstColumn: 0, lastRow: top + 1, lastColumn: 1,
                        style: styles.heading)
        try sheet.merge(.string(settings.progressHeading), firstRow: top, firstColumn: 2, lastRow: top, lastColumn: lastColumn,
                        style: styles.heading)
        for (offset, figures) in years.enumerated() {
            try sheet.write(texts.fill(settings.yearHeading, label: figures.year.label), row: top + 1, column: 2 + offset,
                            style: styles.heading)
        }

        var row = top + 2
        for node in model.summaryNodes {
            let isPolicy = node.id.path.count == 1
            let textStyle = isPolicy ? styles.textBold : styles.text
            try sheet.write(node.number, row: row, column: 0, style: textStyle.with { $0.horizontal = .center })
            try sheet.write(node.title, row: row, column: 1, style: textStyle)
            try sheet.setRow(row, height: RowHeight.points([(node.title, settings.titleWidth)], fontSize: layout.fontSize))
            for (offset, figures) in years.enumerated() {
                try writeFigure(figures.percentages[node.id], digits: model.digits(of: node.id), bold: isPolicy,
                                isCurrent: figures.year == model.year, sheet: sheet, row: row, column: 2 + offset)
            }
            row += 1
        }
        try sheet.merge(.string(settings.overallLabel), firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1,
                        style: styles.textBold.with { $0.horizontal = .center })
        for (offset, figures) in years.enumerated() {
            try writeFigure(figures.overall, digits: layout.overallDigits(model), bold: true,
                            isCurrent: figures.year == model.year, sheet: sheet, row: row, column: 2 + offset)
        }
        try sheet.setUpA4Printing(.portrait, headingRows: top...top + 1, pageNumbers: true)
    }

    /// A percentage as a number; a figure this year's reports cannot give shows the unreported label.
    private func writeFigure(_ value: Rational?, digits: Int, bold: Bool, isCurrent: Bool, sheet: Worksheet,
                             row: Int, column: Int) throws {
        let style = styles.percent(digits: digits, bold: bold)
        if let value {
            try sheet.write(.number(value.doubleValue), row: row, column: column, style: style)
        } else {
            try sheet.write(isCurrent ? layout.unreportedLabel : "", row: row, column: column, style: style)
        }
    }
}

extension WorkbookLayout {
    func overallDigits(_ model: ReportModel) -> Int { model.layout.averaging.overallDigits }
}

/// `Ⅱ 市長公約取組状況`: per policy and pledge a title row with its %, per measure one row with the
/// measure, its activities as `・` lines, its departments and its stars.
struct DetailSheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    /// Excel's limit on the characters of one cell.
    static let cellLimit = 32_767
    static let headerRow = 2

    func write(into sheet: Worksheet) throws {
        let settings = layout.detail
        try sheet.setColumns(0, 0, width: settings.contentWidth)
        try sheet.setColumns(1, 1, width: settings.departmentWidth)
        try sheet.setColumns(2, 2, width: settings.progressWidth)
        try sheet.write(texts.fill(settings.title), row: 0, column: 0, style: styles.title)
        let heading = [settings.policyHeading, settings.pledgeHeading, "● " + settings.measureHeading,
                       "・" + texts.fill(settings.activityHeading)].joined(separator: "\n")
        try sheet.write(heading, row: Self.headerRow, column: 0, style: styles.heading.with { $0.horizontal = .left })
        try sheet.write(settings.departmentHeading, row: Self.headerRow, column: 1, style: styles.heading)
        try sheet.write(settings.progressHeading, row: Self.headerRow, column: 2, style: styles.heading)
        try sheet.setRow(Self.headerRow, height: RowHeight.points([(heading, settings.contentWidth)], fontSize: layout.fontSize))

        var row = Self.headerRow + 1
        for node in model.plan.nodesInOrder {
            if node.children.isEmpty {
                try writeLeaf(node, sheet: sheet, row: row)
            } else {
                let isPolicy = node.id.path.count == 1
                let label = isPolicy ? "\(settings.policyPrefix)\(node.number) \(node.title)" : "\(node.number) \(node.title)"
                let style = isPolicy ? styles.textBold : styles.textBold.with { $0.backgroundColor = nil }
                try sheet.write(label, row: row, column: 0, style: style)
                try sheet.setRow(row, height: RowHeight.points([(label, settings.contentWidth)], fontSize: layout.fontSize))
                try sheet.write("", row: row, column: 1, style: style)
                let digits = model.digits(of: node.id)
                if let value = model.progress.percentages[node.id] {
                    try sheet.write(.number(value.doubleValue), row: row, column: 2, style: styles.percent(digits: digits, bold: true))
                } else {
                    try sheet.write(layout.unreportedLabel, row: row, column: 2, style: styles.percent(digits: digits, bold: true))
                }
            }
            row += 1
        }
        try sheet.setUpA4Printing(.portrait, headingRows: Self.headerRow...Self.headerRow, pageNumbers: true)
    }

    private func writeLeaf(_ leaf: PlanNode, sheet: Worksheet, row: Int) throws {
        let activities = model.activities(under: leaf.id)
        let lines = ["● " + leaf.title] + activities.map { "・" + $0.text }
        let content = lines.joined(separator: "\n")
        guard content.count <= Self.cellLimit else {
            throw LayoutError("施策 \(model.plan.format(leaf.id)) の取組事業内容が\(content.count)文字あり、Excelの1セルの上限(\(Self.cellLimit)文字)を超えます。")
        }
        let departments = leaf.departments.map { "・" + $0 }.joined(separator: "\n")
        try sheet.write(content, row: row, column: 0, style: styles.text)
        try sheet.write(departments, row: row, column: 1, style: styles.text)
        let settings = layout.detail
        try sheet.setRow(row, height: RowHeight.points([(content, settings.contentWidth), (departments, settings.departmentWidth)],
                                                       fontSize: layout.fontSize))
        let stars = model.progress.stars(leaf.id).map(Stars.glyphs) ?? layout.unreportedLabel
        try sheet.write(stars, row: row, column: 2, style: styles.stars)
    }
}

/// A column chart of each policy's progress, the previous year beside this year, over a small
/// table of the figures it plots and the policies' titles (as the report's chart page has).
struct ProgressChartSheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles

    func write(into sheet: Worksheet, workbook: Workbook) throws {
        let settings = layout.chart
        let policies = model.plan.policies
        let years = model.yearsShown
        try sheet.setColumns(0, 0, width: 14)
        try sheet.setColumns(1, years.count, width: 13)
        try sheet.setColumns(years.count + 1, years.count + 1, width: 70)
        try sheet.write(settings.title, row: 0, column: 0, style: styles.title)

        let tableTop = 22
        try sheet.write(settings.categoryAxisTitle, row: tableTop, column: 0, style: styles.heading)
        for (offset, figures) in years.enumerated() {
            try sheet.write(figures.year.label + " (%)", row: tableTop, column: 1 + offset, style: styles.heading)
        }
        try sheet.write(layout.detail.policyHeading, row: tableTop, column: years.count + 1, style: styles.heading)
        for (index, policy) in policies.enumerated() {
            let row = tableTop + 1 + index
            try sheet.write(settings.categoryAxisTitle + policy.number, row: row, column: 0, style: styles.text)
            for (offset, figures) in years.enumerated() {
                let value: CellValue = figures.percentages[policy.id].map { .number($0.doubleValue) } ?? .blank
                try sheet.write(value, row: row, column: 1 + offset, style: styles.percent(digits: model.digits(of: policy.id), bold: false))
            }
            try sheet.write(policy.title, row: row, column: years.count + 1, style: styles.text)
        }

        let chart = workbook.addChart(.column)
        let colors: [UInt32] = [0xA6A6A6, 0x2E75B6]
        let categories = Chart.Range(sheet: sheet.name, firstRow: tableTop + 1, firstColumn: 0,
                                     lastRow: tableTop + policies.count, lastColumn: 0)
        for (offset, figures) in years.enumerated() {
            chart.addSeries(name: figures.year.label,
                            categories: categories,
                            values: Chart.Range(sheet: sheet.name, firstRow: tableTop + 1, firstColumn: 1 + offset,
                                                lastRow: tableTop + policies.count, lastColumn: 1 + offset),
                            color: colors[(offset + colors.count - years.count) % colors.count])
        }
        chart.setTitle(settings.title, fontName: layout.fontName)
        chart.setValueAxis(title: settings.valueAxisTitle, minimum: 0, maximum: 100, majorUnit: 20, fontName: layout.fontName)
        chart.setCategoryAxis(title: settings.categoryAxisTitle, fontName: layout.fontName)
        chart.setLegendBottom(fontName: layout.fontName)
        try sheet.insert(chart, row: 2, column: 0, xScale: 1.6, yScale: 1.3)
        try sheet.setUpA4Printing(.landscape)
    }
}
