import PledgeCore
import TableIO

/// Lists, as information in the reconciliation, every text that reaches the outputs and that a
/// spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `-1+1`, `@SUM(…)`): where it was
/// read and that the CSV files carry it with a leading `'` while the workbook holds it as text.
enum FormulaLikeTexts {
    static func report(_ activities: [LocatedActivity], plan: Plan, planFile: String, into diagnostics: inout Diagnostics) {
        var namesSeen: Set<String> = []
        for located in activities {
            let activity = located.activity, at = located.location, measure = plan.format(activity.measure)
            let fields = [("取組事業内容", Normalize.singleLine(activity.text)), ("担当部署", activity.department),
                          ("状況", activity.status ?? "")]
            for (label, text) in fields where FormulaGuard.startsLikeFormula(text) {
                diagnostics.info(.textFormulaLike, at: at, measureID: measure, department: activity.department, message(label, text))
            }
            // File and sheet names are written too (source_file, source_sheet): once per name.
            for (label, name, place) in [("ファイル名", at.file, SourceLocation(file: at.file)),
                                         ("シート名", at.sheet ?? "", SourceLocation(file: at.file, sheet: at.sheet))]
                where FormulaGuard.startsLikeFormula(name) && namesSeen.insert(place.description).inserted {
                diagnostics.info(.textFormulaLike, at: place, message(label, name))
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
