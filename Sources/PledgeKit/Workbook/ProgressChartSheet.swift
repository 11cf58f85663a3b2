import PledgeCore
import XLSXWriter

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
        let categories = Chart.Range(sheet: sheet.name, firstRow: tableTop + 1, firstColumn: 0,
                                     lastRow: tableTop + policies.count, lastColumn: 0)
        for (offset, figures) in years.enumerated() {
            chart.addSeries(name: figures.year.label,
                            categories: categories,
                            values: Chart.Range(sheet: sheet.name, firstRow: tableTop + 1, firstColumn: 1 + offset,
                                                lastRow: tableTop + policies.count, lastColumn: 1 + offset),
                            color: Self.color(ofYear: offset, among: years.count))
        }
        chart.setTitle(settings.title, fontName: layout.fontName)
        chart.setValueAxis(title: settings.valueAxisTitle, minimum: 0, maximum: 100, majorUnit: 20, fontName: layout.fontName)
        chart.setCategoryAxis(title: settings.categoryAxisTitle, fontName: layout.fontName)
        chart.setLegendBottom(fontName: layout.fontName)
        try sheet.insert(chart, row: 2, column: 0, xScale: 1.6, yScale: 1.3)
        try sheet.setUpA4Printing(.landscape)
    }

    /// A year's column colour in every chart: the older a year, the paler its grey; this year stays
    /// blue (two years: the seed's grey and blue). `offset` counts from the oldest of `count` years.
    static func color(ofYear offset: Int, among count: Int) -> UInt32 {
        let colors: [UInt32] = [0xE7E6E6, 0xD0CECE, 0xBFBFBF, 0xA6A6A6, 0x2E75B6]
        return colors[max(0, offset + colors.count - count)]
    }
}
