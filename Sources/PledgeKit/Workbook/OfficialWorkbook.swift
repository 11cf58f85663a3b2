import Foundation
import PledgeCore
import XLSXWriter

/// The official workbook: one of the report styles, then the reconciliation sheet, written through
/// libxlsxwriter into a temporary file and returned as bytes for the all-or-nothing output folder.
enum OfficialWorkbook {
    static func render(_ model: ReportModel, layout: WorkbookLayout) throws -> Data {
        try Workbook.data { workbook in
            let texts = LayoutTexts(model: model)
            // A fixed creation time (the fiscal year's last day): reruns give the same bytes.
            try workbook.setProperties(DocumentProperties(
                title: texts.fill(layout.documentTitle), subject: texts.fill(layout.documentTitle),
                author: layout.organisation, company: layout.organisation, created: model.year.lastDay))
            let styles = WorkbookStyles(layout: layout)
            switch layout.style {
            case .ratings where model.layout.hasOwnScheme:
                try FiguresWorkbook(model: model, layout: layout, styles: styles, texts: texts).write(into: workbook)
            case .ratings:
                try RatingsWorkbook(model: model, layout: layout, styles: styles, texts: texts).write(into: workbook)
            case .achievements:
                try AchievementsWorkbook(model: model, layout: layout, styles: styles, texts: texts).write(into: workbook)
            }
            try ReconciliationSheet.write(model.diagnostics, name: layout.reconciliationSheet, styles: styles, into: workbook)
        }
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
