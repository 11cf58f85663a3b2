import PledgeCore
import TableIO

/// Lists, as information in the reconciliation, every text that reaches the outputs and that a
/// spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `-1+1`, `@SUM(…)`): where it was
/// read and that the CSV files carry it with a leading `'` while the workbook holds it as text.
enum FormulaLikeTexts {
    static func report(_ activities: [LocatedActivity], plan: Plan, planFile: String, into diagnostics: inout Diagnostics) {
        var namesSeen: Set<String> = []
        // Nothing is built for the texts that start like no formula (all but a handful of 100,000),
        // and the fields are read in place: copying each activity whole was most of the time.
        for index in activities.indices {
            if mayStartLikeFormula(activities[index].activity.text) || FormulaGuard.startsLikeFormula(activities[index].activity.department)
                || FormulaGuard.startsLikeFormula(activities[index].activity.status ?? "") {
                let activity = activities[index].activity, at = activities[index].location
                for (label, text) in [("取組事業内容", Normalize.singleLine(activity.text)), ("担当部署", activity.department),
                                      ("状況", activity.status ?? "")] where FormulaGuard.startsLikeFormula(text) {
                    diagnostics.info(.textFormulaLike, at: at, measureID: plan.format(activity.measure),
                                     department: activity.department, message(label, text))
                }
            }
            // File and sheet names are written too (source_file, source_sheet): once per name.
            if FormulaGuard.startsLikeFormula(activities[index].location.file) {
                let file = activities[index].location.file
                if namesSeen.insert(file).inserted {
                    diagnostics.info(.textFormulaLike, at: SourceLocation(file: file), message("ファイル名", file))
                }
            }
            if let sheet = activities[index].location.sheet, FormulaGuard.startsLikeFormula(sheet) {
                let place = SourceLocation(file: activities[index].location.file, sheet: sheet)
                if namesSeen.insert(place.description).inserted {
                    diagnostics.info(.textFormulaLike, at: place, message("シート名", sheet))
                }
            }
        }
        for node in plan.nodesInOrder {
            let texts = [("名称", node.title)] + node.departments.map { ("担当部署", $0) }
            for (label, text) in texts where FormulaGuard.startsLikeFormula(text) {
                diagnostics.info(.textFormulaLike, at: SourceLocation(file: planFile), measureID: plan.format(node.id),
                                 message("計画の" + label, text))
            }
        }
    }

    /// Whether `Normalize.singleLine(text)` may start like a formula, without building it: that
    /// text begins with the first scalar of `text` that is no space or line break, and the
    /// triggers that are spaces (tab, CR) never begin it.
    static func mayStartLikeFormula(_ text: String) -> Bool {
        text.unicodeScalars.first(where: { !Normalize.isTrimmable($0) }).map(FormulaGuard.isTrigger) ?? false
    }

    static func message(_ label: String, _ text: String) -> String {
        let first = text.unicodeScalars.first.map { scalar -> String in
            switch scalar { case "\t": "タブ"; case "\r": "CR（復帰）"; default: "「\(scalar)」" }
        } ?? ""
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let visible = shown.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r")
        return "\(label)「\(visible)」は\(first)で始まり、表計算ソフトで数式として実行されるおそれがあるため、"
            + "CSVでは先頭に ' を付けて書き出しました（ブックには文字列として書き出しています）。"
    }
}
