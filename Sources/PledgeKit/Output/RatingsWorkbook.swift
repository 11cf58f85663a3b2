import PledgeCore
import XLSXWriter

/// The rated report (the Tomakomai style): 総括表, 取組状況 and the chart.
struct RatingsWorkbook {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    func write(into workbook: Workbook) throws {
        _ = try workbook.addWorksheet(layout.summary.sheetName)
    }
}
