import PledgeCore

extension ReportModel {
    /// What a share is out of, as its label, codes.csv and datapackage.json state it: the items
    /// evaluated under the level (one per activity row, a panel's scores making one item), with what
    /// is left out named (a grade outside the count, a KPI not yet measured).
    public func shareDenominator(evaluator key: String) -> String {
        let scheme = layout.scheme
        let scale = scheme.scale(for: key)
        let items = scale.kind == .kpi ? "達成率を算出した指標の数" : "評価した取組の数"
        let panel = key.isEmpty && scheme.evaluators.count > 1 ? "（\(scheme.evaluators.count)人の評価を平均して1件）" : ""
        let left = scale.uncountedGrades.map { "「\($0.label)」" } + (scale.kind == .kpi ? ["未測定"] : [])
        return "分母: \(items)\(panel)" + (left.isEmpty ? "" : "、\(left.joined(separator: "・"))を除く")
    }

    /// Every share figure's code, label and denominator, for datapackage.json and codes.csv.
    public var shareDescriptions: [(evaluator: String, code: String, text: String)] {
        layout.figures.enumerated().filter { $0.element.isShare }.flatMap { index, rule in
            SchemeFigures.series(of: rule, scheme: layout.scheme).map { series in
                let code = SchemeFigures.shareCode(of: rule, scheme: layout.scheme.scale(for: series))
                let heading = figureLabel(rule: index, evaluator: series, grade: code)
                return (series, code, "\(heading): \(shareDenominator(evaluator: series))")
            }
        }
    }

    /// A figure's label with its denominator filled in (the workbook heading adds nothing else).
    public func figureLabel(rule index: Int, evaluator key: String, grade gradeKey: String) -> String {
        let rule = layout.figures[index]
        let scheme = layout.scheme
        let scale = scheme.scale(for: key)
        let evaluator = scheme.evaluators.first { $0.key == key }?.heading ?? ""
        let grade = scale.countingLabel(ofCode: gradeKey)
        let standard: String
        switch rule.kind {
        case .mean: standard = evaluator.isEmpty ? "平均" : "{evaluator} 平均"
        case .count: standard = evaluator.isEmpty ? "{grade}" : "{evaluator} {grade}"
        case .share: standard = (evaluator.isEmpty ? "" : "{evaluator} ") + "{grade}以上 (%)（{denominator}）"
        case .shareOf: standard = (evaluator.isEmpty ? "" : "{evaluator} ") + "{grade} (%)（{denominator}）"
        case .items: standard = "件数"
        case .achievement: standard = "達成率 (%)"
        }
        return (rule.heading.isEmpty ? standard : rule.heading)
            .replacingOccurrences(of: "{evaluator}", with: evaluator).replacingOccurrences(of: "{grade}", with: grade)
            .replacingOccurrences(of: "{denominator}", with: rule.isShare ? shareDenominator(evaluator: key) : "")
    }

    /// Every grade code figures.csv may use, each once: the grades of each evaluator's scale, then the
    /// sets of the `share_of` figures (`achieved+on_track`).
    public var gradeCodes: [(key: String, label: String, scale: EvaluationScheme)] {
        let scheme = layout.scheme
        var seen: Set<String> = []
        var codes: [(key: String, label: String, scale: EvaluationScheme)] = []
        for scale in (scheme.evaluators.isEmpty ? [scheme] : scheme.evaluators.map { scheme.scale(for: $0.key) }) {
            for grade in scale.countingGrades where seen.insert(grade.key).inserted { codes.append((grade.key, grade.label, scale)) }
        }
        for rule in layout.figures where rule.kind == .shareOf {
            for series in SchemeFigures.series(of: rule, scheme: scheme) {
                let scale = scheme.scale(for: series)
                let code = SchemeFigures.shareCode(of: rule, scheme: scale)
                if seen.insert(code).inserted { codes.append((code, scale.countingLabel(ofCode: code), scale)) }
            }
        }
        return codes
    }
}
