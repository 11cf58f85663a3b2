import PledgeCore

/// The code lists of a layout's own scheme in `codes.csv` (rule L3-02): the kinds of figure, the
/// evaluators and the grades that `figures.csv` and `evaluations.csv` use, with their Japanese names.
extension CodeTable {
    static let schemeLists: [(list: String, resource: String, field: String)] = [
        ("figure_kind", "figures", "kind"), ("evaluator", "figures", "evaluator"), ("grade", "figures", "grade"),
    ]

    /// Every code list the model's `codes.csv` has.
    static func listNames(_ model: ReportModel) -> [String] {
        (lists + (model.layout.hasOwnScheme ? schemeLists : [])).map(\.list)
    }

    static func schemeRows(_ model: ReportModel) -> [[String]] {
        guard model.layout.hasOwnScheme else { return [] }
        let scheme = model.layout.scheme
        let kinds: [(FigureRule.Kind, String, String)] = [
            (.mean, "平均", "評価の点数の平均（レイアウトの倍率を掛け、階層ごとに四捨五入）"),
            (.count, "件数", "段階（grade）ごとの件数"),
            (.share, "割合", "grade の段階以上の件数の割合（%）。分母は評価した件数（評価対象外の段階・未測定を除く）"),
            (.shareOf, "段階の割合", "grade に書いた段階（+ でつないだ複数の段階）の件数の割合（%）。分母は share と同じ"),
            (.items, "評価件数", "評価した（KPIでは達成率を算出できた）件数"),
            (.achievement, "平均達成率", "成果指標の達成率の平均（%）"),
        ]
        return kinds.map { ["figure_kind", $0.0.rawValue, $0.1, $0.2] }
            + scheme.evaluators.map { evaluator in
                let scale = scheme.scale(for: evaluator.key)
                let what = scale.kind == .kpi ? "成果指標の達成率の区分（目標値・実績値などから計算）" : "評価者「\(evaluator.heading)」の評価（\(scale.allowedValues)）"
                return ["evaluator", evaluator.key, evaluator.heading, what]
            }
            + model.gradeCodes.map { grade in
                let outside = grade.scale.isCounted(key: grade.key) ? "" : "（評価対象外: 件数・割合の分母に含めない）"
                let set = grade.key.contains("+") ? "段階「\(grade.label.replacingOccurrences(of: "・", with: "」「"))」の合計" : nil
                return ["grade", grade.key, grade.label, (set ?? bandText(grade.key, grade.scale) ?? "評価の段階「\(grade.label)」") + outside]
            }
    }

    /// A KPI band's meaning: `達成率100%以上`, `達成率80%未満`.
    static func bandText(_ key: String, _ scheme: EvaluationScheme) -> String? {
        guard scheme.kind == .kpi, let index = scheme.grades.firstIndex(where: { $0.key == key }) else { return nil }
        if let minimum = scheme.grades[index].minimumPercent {
            let upper = index > 0 ? scheme.grades[index - 1].minimumPercent.map { "\($0)%未満" } ?? "" : ""
            return "達成率\(minimum)%以上\(upper)"
        }
        return "達成率" + (scheme.grades.compactMap(\.minimumPercent).min().map { "\($0)%未満" } ?? "")
    }
}
