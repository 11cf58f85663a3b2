import PledgeCore
import XLSXWriter

/// The achievements report (the Ageo style): areas in order, each achievement a `・` item,
/// counts by status per area. (Filled in by the Ageo work.)
struct AchievementsWorkbook {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(layout.achievements.sheetName)
        try sheet.write(texts.fill(layout.achievements.title), row: 0, column: 0, style: styles.title)
    }
}
