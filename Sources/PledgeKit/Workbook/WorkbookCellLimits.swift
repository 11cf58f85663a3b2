import PledgeCore
import TableIO

/// Texts that fit a cell when read but not once the workbook adds its mark in front of them (the
/// detail sheet's `・`, the achievements' bullet): found before anything is rendered, as data
/// errors at the activity's own cell, so that the department can shorten its text. Found while
/// rendering they could only say that the output failed.
enum WorkbookCellLimits {
    static let characters = TableLimits.maxCellCharacters

    /// The mark the workbook puts in front of an activity's text; nil when it writes none.
    static func activityPrefix(_ model: ReportModel) -> String? {
        guard let workbook = model.layout.workbook else { return nil }
        switch workbook.style {
        case .ratings where model.layout.hasOwnScheme: return nil
        case .ratings: return "・"
        case .achievements: return workbook.achievements.bullet
        }
    }

    static func check(_ model: ReportModel, into diagnostics: inout Diagnostics) {
        guard let prefix = activityPrefix(model) else { return }
        let room = characters - prefix.count
        for located in model.activities {
            let text = located.activity.text
            // Bytes first (known without a scan), then UTF-16 units: a character is at least one of
            // each, and counting characters is slow.
            guard text.utf8.count > room, text.utf16.count > room, text.count > room else { continue }
            diagnostics.error(.textTooLongForCell, at: located.location, measureID: model.plan.format(located.activity.measure),
                              department: located.activity.department,
                              "取組の内容が\(text.count)文字あり、公表用ブックでは行頭の「\(prefix)」を加えると"
                              + "Excelの1セルの上限（\(characters)文字）を超えます。\(room)文字以内にしてください。")
        }
    }
}
