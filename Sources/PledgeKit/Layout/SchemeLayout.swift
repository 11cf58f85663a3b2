import PledgeCore

/// `scheme:` with every key optional: a city names only what differs from a 0–10 rating.
struct LayoutScheme: Decodable {
    var scheme: EvaluationScheme

    private enum CodingKeys: String, CodingKey { case kind, minimum, maximum, acceptsStars, grades, evaluators, combine, kpi }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EvaluationScheme.tenLevels
        let kind = try c.decodeIfPresent(EvaluationScheme.Kind.self, forKey: .kind) ?? d.kind
        // A KPI is evaluated by its target and actual columns, not an evaluator's: one series, `kpi`.
        let evaluators = kind == .kpi ? [Evaluator(key: "kpi", heading: "達成率区分")] : d.evaluators
        scheme = EvaluationScheme(
            kind: kind,
            minimum: try c.decodeIfPresent(Int.self, forKey: .minimum) ?? d.minimum,
            maximum: try c.decodeIfPresent(Int.self, forKey: .maximum) ?? d.maximum,
            acceptsStars: try c.decodeIfPresent(Bool.self, forKey: .acceptsStars) ?? false,
            grades: try c.decodeIfPresent([LayoutGrade].self, forKey: .grades)?.map(\.grade) ?? [],
            evaluators: try c.decodeIfPresent([LayoutEvaluator].self, forKey: .evaluators)?.map(\.evaluator) ?? evaluators,
            combine: try c.decodeIfPresent(EvaluationScheme.Combine.self, forKey: .combine) ?? d.combine,
            kpi: try c.decodeIfPresent(LayoutKPIRules.self, forKey: .kpi)?.rules ?? KPIRules())
    }
}

/// `scheme.kpi:` the formula per direction and whether a rate stops at 100 %.
struct LayoutKPIRules: Decodable {
    var rules: KPIRules
    private enum CodingKeys: String, CodingKey { case higherIsBetter, lowerIsBetter, capAtTarget }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = KPIRules()
        rules = KPIRules(higherIsBetter: try c.decodeIfPresent(KPIRules.Formula.self, forKey: .higherIsBetter) ?? d.higherIsBetter,
                         lowerIsBetter: try c.decodeIfPresent(KPIRules.Formula.self, forKey: .lowerIsBetter) ?? d.lowerIsBetter,
                         capAtTarget: try c.decodeIfPresent(Bool.self, forKey: .capAtTarget) ?? d.capAtTarget)
    }
}

struct LayoutGrade: Decodable {
    var grade: Grade
    private enum CodingKeys: String, CodingKey { case label, key, symbols, points, minimumPercent, counted }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        grade = Grade(label: try c.decode(String.self, forKey: .label), key: try c.decode(String.self, forKey: .key),
                      symbols: try c.decodeIfPresent([String].self, forKey: .symbols) ?? [],
                      points: try c.decodeIfPresent(Int.self, forKey: .points),
                      minimumPercent: try c.decodeIfPresent(Int.self, forKey: .minimumPercent),
                      counted: try c.decodeIfPresent(Bool.self, forKey: .counted) ?? true)
    }
}

struct LayoutEvaluator: Decodable {
    var evaluator: Evaluator
    private enum CodingKeys: String, CodingKey { case key, heading, aliases, kind, minimum, maximum, grades }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        evaluator = Evaluator(key: try c.decode(String.self, forKey: .key), heading: try c.decode(String.self, forKey: .heading),
                              aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                              kind: try c.decodeIfPresent(EvaluationScheme.Kind.self, forKey: .kind),
                              minimum: try c.decodeIfPresent(Int.self, forKey: .minimum),
                              maximum: try c.decodeIfPresent(Int.self, forKey: .maximum),
                              grades: try c.decodeIfPresent([LayoutGrade].self, forKey: .grades)?.map(\.grade))
    }
}

/// One item of `figures:`, every key but `kind` optional.
struct LayoutFigure: Decodable {
    var rule: FigureRule
    private enum CodingKeys: String, CodingKey {
        case kind, evaluator, atLeast, grades, levels, scale, levelDigits, overallDigits, averageRoundedChildren, meanOf, heading
    }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FigureRule(kind: .mean)
        rule = FigureRule(
            kind: try c.decode(FigureRule.Kind.self, forKey: .kind),
            evaluator: try c.decodeIfPresent(String.self, forKey: .evaluator) ?? d.evaluator,
            atLeast: try c.decodeIfPresent(String.self, forKey: .atLeast) ?? d.atLeast,
            grades: try c.decodeIfPresent([String].self, forKey: .grades) ?? d.grades,
            levels: try c.decodeIfPresent([String].self, forKey: .levels) ?? d.levels,
            scale: try c.decodeIfPresent(Int.self, forKey: .scale) ?? d.scale,
            levelDigits: try c.decodeIfPresent([Int].self, forKey: .levelDigits) ?? d.levelDigits,
            overallDigits: try c.decodeIfPresent(Int.self, forKey: .overallDigits) ?? d.overallDigits,
            averageRoundedChildren: try c.decodeIfPresent(Bool.self, forKey: .averageRoundedChildren) ?? d.averageRoundedChildren,
            meanOf: try c.decodeIfPresent(FigureRule.MeanOf.self, forKey: .meanOf) ?? d.meanOf,
            heading: try c.decodeIfPresent(String.self, forKey: .heading) ?? d.heading)
    }
}
