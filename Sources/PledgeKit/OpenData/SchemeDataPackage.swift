import PledgeCore

/// `datapackage.json` for a layout's own scheme: the texts of `figures.csv` and `evaluations.csv`,
/// and constraints taken from the scheme (its grades, its range, its evaluators).
extension DataPackage {
    static let schemeResourceTexts: [String: (String, String)] = [
        "summary": ("基本政策・公約の一覧", "階層ごとの名称と取組事業数。評価の集計値は figures.csv にあるため progress_pct は空欄。"),
        "measures": ("施策別の取組事業数", "施策ごとの取組事業数。評価の集計値は figures.csv、個々の評価は evaluations.csv にあるため score と stars は空欄。"),
        "activities": ("取組事業", "担当部署が報告した取組事業の内容。評価は evaluations.csv にあるため rating は空欄。"),
        "figures": ("評価の集計", "階層ごとの評価の集計値（縦持ち）。kind が集計の種類（mean=平均点、count=段階別の件数、share=ある段階以上の割合、items=評価した件数、achievement=成果指標の達成率の平均）、evaluator が評価者、grade が段階。"),
        "evaluations": ("取組事業の評価", "取組事業ごと・評価者ごとの評価（縦持ち）。value は記入された評価、points はその点数。"),
    ]

    static func schemeField(named name: String, table: String, model: ReportModel) -> Field? {
        let scheme = model.layout.scheme
        let required = Constraints(required: true)
        let evaluators = scheme.evaluators.map { "\($0.key)=\($0.heading)" }.joined(separator: "、")
        switch (table, name) {
        case ("figures", "kind"):
            let kinds = FigureRule.Kind.allCases.map(\.rawValue)
            return Field(name: name, type: "string", title: "集計の種類",
                         description: "mean=点数の平均（レイアウトの倍率を掛け、四捨五入）、count=段階ごとの件数、share=grade の段階以上の割合（%）、share_of=grade の段階（+ でつないだ段階の合計）の割合（%）、items=評価した件数、achievement=達成率の平均（%）。割合の分母はこの resource の description",
                         constraints: Constraints(required: true, enum: kinds))
        case ("figures", "evaluator"), ("evaluations", "evaluator"):
            let combined = table == "figures" && (scheme.combine == .mean || scheme.evaluators.count == 1)
            let keys = scheme.evaluators.map(\.key)
            return Field(name: name, type: "string", title: "評価者",
                         description: "評価者（\(evaluators)）。" + (combined && table == "figures" ? "空欄は全評価者を合わせた集計" : ""),
                         constraints: table == "figures" ? Constraints(enum: keys + [""]) : Constraints(required: true, enum: keys))
        case ("figures", "grade"):
            let grades = model.gradeCodes
            return Field(name: name, type: "string", title: "段階",
                         description: "count では数えた段階、share では基準の段階、share_of では数えた段階（" + grades.map { "\($0.key)=\($0.label)" }.joined(separator: "、") + "）。mean・items では空欄",
                         constraints: Constraints(enum: grades.map(\.key) + [""]))
        case ("figures", "value"):
            // A rate measured from the baseline is below 0 when the result got worse than the baseline.
            let baselineRates = scheme.scale(for: scheme.kpiEvaluator?.key ?? "").kpi.usesBaseline
            return Field(name: name, type: "number", title: "値",
                         description: "集計値。mean は点数、count・items は件数、share・achievement は%。報告書と同じ桁で四捨五入"
                            + (baselineRates ? "。基準値から測る達成率は、実績が基準値より悪いと負の値" : ""),
                         constraints: Constraints(required: true, minimum: baselineRates ? nil : 0))
        case ("figures", "title"):
            return Field(name: name, type: "string", title: "名称", description: "基本政策・公約・施策の名称（全体の行は「全体」）", constraints: required)
        case ("evaluations", "value"):
            let uniform = scheme.evaluators.allSatisfy { !$0.hasOwnScale }
            let allowed = scheme.kind == .grades && uniform ? Constraints(required: true, enum: scheme.grades.map(\.label)) : required
            // Each evaluator's own values when they differ (a committee's 1〜5 beside a department's A〜D).
            let values = uniform ? scheme.allowedValues : scheme.evaluators.map { evaluator in
                let scale = scheme.scale(for: evaluator.key)
                return "\(evaluator.heading): " + (scale.kind == .kpi ? "達成率の区分または\(KPI.notYetMeasuredLabel)" : scale.allowedValues)
            }.joined(separator: "／")
            return Field(name: name, type: "string", title: "評価", description: "記入された評価（\(values)、表記を統一済み）",
                         constraints: allowed)
        case ("evaluations", "points"):
            let points = scheme.evaluators.map { scheme.scale(for: $0.key) }.flatMap { scale -> [Int] in
                switch scale.kind {
                case .grades: scale.grades.compactMap(\.points)
                case .range: [scale.minimum, scale.maximum]
                case .kpi, .none: []
                }
            }
            return Field(name: name, type: "integer", title: "点数", description: "評価の点数。点数のない段階では空欄",
                         constraints: points.isEmpty ? nil : Constraints(minimum: Double(points.min()!), maximum: Double(points.max()!)))
        case ("evaluations", "target"), ("evaluations", "actual"), ("evaluations", "baseline"):
            let title = ["target": "目標値", "actual": "実績値", "baseline": "基準値"][name]!
            let note = name == "actual" ? "。未測定の指標では空欄" : name == "baseline" ? "。基準値のない指標では空欄" : ""
            return Field(name: name, type: "number", title: title, description: "成果指標の\(title)（単位は unit）\(note)",
                         constraints: Constraints(minimum: 0))
        case ("evaluations", "unit"):
            return Field(name: name, type: "string", title: "単位", description: "成果指標の単位（記入がなければ空欄）", constraints: nil)
        case ("evaluations", "direction"):
            let kpi = scheme.scale(for: scheme.kpiEvaluator?.key ?? "").kpi
            func formula(_ lower: Bool) -> String {
                kpi.formula(lowerIsBetter: lower) == .fromBaseline ? "（実績値−基準値）÷（目標値−基準値）" : lower ? "目標値÷実績値" : "実績値÷目標値"
            }
            return Field(name: name, type: "string", title: "目標の方向",
                         description: "higher=高いほどよい（達成率=\(formula(false))）、lower=低いほどよい（達成率=\(formula(true))）。KPI のない評価では空欄",
                         constraints: Constraints(enum: ["higher", "lower", ""]))
        case ("evaluations", "achievement_pct"):
            let kpiScale = scheme.scale(for: scheme.kpiEvaluator?.key ?? "")
            let cap = kpiScale.kpi.capAtTarget ? "目標を上回っても100%" : "目標を上回ると100%超"
            return Field(name: name, type: "number", title: "達成率（%）",
                         description: "達成率（%、小数第2位まで四捨五入、\(cap)）。未測定の指標では空欄。value はこの率の区分（" + kpiScale.grades.map { grade in
                             grade.minimumPercent.map { "\(grade.label) \($0)%以上" } ?? "\(grade.label) それ未満" }.joined(separator: "、") + "）",
                         constraints: kpiScale.kpi.usesBaseline ? nil : Constraints(minimum: 0))
        case ("summary", "progress_pct"), ("measures", "score"), ("measures", "stars"), ("activities", "rating"):
            return Field(name: name, type: name == "stars" || name == "rating" ? "integer" : "number", title: name,
                         description: "この計画の評価は0〜10の評点ではないため空欄（集計は figures.csv、評価は evaluations.csv）",
                         constraints: nil)
        default:
            return nil
        }
    }

    /// The keys of the scheme's tables: a figure is one per node, kind, evaluator and grade.
    static func schemeKeys(_ table: String, city: [String], schema: inout Schema) {
        switch table {
        case "figures":
            schema.primaryKey = city + ["fiscal_year", "id", "kind", "evaluator", "grade"]
        case "evaluations":
            schema.foreignKeys = [ForeignKey(fields: city + ["fiscal_year", "measure_id"],
                                             reference: .init(resource: "measures", fields: city + ["fiscal_year", "id"]))]
        default:
            break
        }
    }
}
