import Foundation
import PledgeCore
import XLSXWriter

/// The official workbook: one of the report styles, then the reconciliation sheet, written through
/// libxlsxwriter into a temporary file and returned as bytes for the all-or-nothing output folder.
enum OfficialWorkbook {
    static func render(_ model: ReportModel, layout: WorkbookLayout) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("pledgekit-workbook-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let workbook = try Workbook(path: scratch.path)
        let texts = LayoutTexts(model: model)
        try workbook.setProperties(DocumentProperties(
            title: texts.fill(layout.documentTitle), subject: texts.fill(layout.documentTitle),
            author: layout.organisation, company: layout.organisation, created: fixedCreationDate(model.year)))
        let styles = WorkbookStyles(layout: layout)
        switch layout.style {
        case .ratings:
            try RatingsWorkbook(model: model, layout: layout, styles: styles, texts: texts).write(into: workbook)
        case .achievements:
            try AchievementsWorkbook(model: model, layout: layout, styles: styles, texts: texts).write(into: workbook)
        }
        try ReconciliationSheet.write(model.diagnostics, name: layout.reconciliationSheet, styles: styles, into: workbook)
        try workbook.close()
        return try Data(contentsOf: scratch)
    }

    /// The end of the fiscal year (31 March, 00:00 UTC), so that reruns give the same bytes.
    static func fixedCreationDate(_ year: FiscalYear) -> Date {
        var components = DateComponents()
        components.year = year.year + 1
        components.month = 3
        components.day = 31
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }
}

/// Fills `{year}`, `{previous}` and `{label}` in the layout's texts.
struct LayoutTexts {
    let model: ReportModel

    func fill(_ text: String, label: String? = nil) -> String {
        var result = text.replacingOccurrences(of: "{year}", with: model.year.label)
            .replacingOccurrences(of: "{previous}", with: model.year.previous.label)
        if let label { result = result.replacingOccurrences(of: "{label}", with: label) }
        return result
    }
}
