extension EvaluationScheme {
    /// The values counted one by one, best first: the grades, or each number of a range (highest first).
    public var countingGrades: [(key: String, label: String)] {
        switch kind {
        case .grades, .kpi: grades.map { ($0.key, $0.label) }
        case .range: stride(from: maximum, through: minimum, by: -1).map { (String($0), String($0)) }
        case .none: []
        }
    }

    /// The label of a grade code as figures.csv writes it: a grade's key, or a set's keys joined by
    /// `+` (`achieved+on_track` is 達成・順調); a part that is no grade's key stands as it is.
    public func countingLabel(ofCode code: String) -> String {
        code.split(separator: "+").map { part in countingGrades.first { $0.key == part }?.label ?? String(part) }
            .joined(separator: "・")
    }

    /// The key a evaluation is counted under.
    public func countingKey(of evaluation: Evaluation) -> String {
        if let grade = evaluation.grade, grade < grades.count { return grades[grade].key }
        return evaluation.label
    }

    /// Whether an evaluation counts among the items evaluated (its grade is not outside the count).
    public func isCounted(_ evaluation: Evaluation) -> Bool {
        guard let grade = evaluation.grade, grade < grades.count else { return true }
        return grades[grade].counted
    }

    public func isCounted(key: String) -> Bool { grades.first { $0.key == key }?.counted ?? true }

    /// A grade's points (a range's number is its points), for comparing a panel's mean with a threshold.
    public func points(ofKey key: String) -> Rational? {
        if kind == .range { return Int(key).map { Rational($0) } }
        return grades.first { $0.key == key }?.points.map { Rational($0) }
    }

    /// The evaluator read from the KPI columns (target, actual…), if the scheme has one.
    public var kpiEvaluator: Evaluator? { evaluators.first { scale(for: $0.key).kind == .kpi } }

    /// Grades outside the count, as written (`−`).
    public var uncountedGrades: [Grade] { kind == .range ? [] : grades.filter { !$0.counted } }
}
