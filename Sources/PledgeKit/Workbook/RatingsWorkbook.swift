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
