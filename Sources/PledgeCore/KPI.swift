/// A KPI row: achievement = actual ÷ target × 100 %, or target ÷ actual × 100 % when lower is
/// better (fewer accidents, a shorter wait), exact; its band is the first grade whose
/// `minimumPercent` it reaches (A ≥ 100 %, B ≥ 90 %, C ≥ 80 %, D below).
public enum KPI {
    public enum Problem: Error, Equatable, Sendable {
        /// The target is 0 (or the actual is 0 when lower is better): there is no rate.
        case zeroDivisor
        /// A value below 0: a rate of a negative quantity means nothing.
        case negative
    }

    public static func achievement(target: Rational, actual: Rational, lowerIsBetter: Bool) -> Result<Rational, Problem> {
        if target < Rational(0) || actual < Rational(0) { return .failure(.negative) }
        let divisor = lowerIsBetter ? actual : target
        guard divisor != Rational(0) else { return .failure(.zeroDivisor) }
        return .success((lowerIsBetter ? target : actual) / divisor * Rational(100))
    }

    /// The band an achievement rate falls in; bands are best first.
    public static func band(of achievement: Rational, in grades: [Grade]) -> Int? {
        grades.firstIndex { grade in grade.minimumPercent.map { achievement >= Rational($0) } ?? true }
    }

    /// The whole evaluation of a computable KPI row.
    public static func evaluation(target: Rational, actual: Rational, lowerIsBetter: Bool,
                                  scheme: EvaluationScheme) -> Result<Evaluation, Problem> {
        achievement(target: target, actual: actual, lowerIsBetter: lowerIsBetter).map { rate in
            let band = band(of: rate, in: scheme.grades)
            var evaluation = Evaluation(evaluator: scheme.evaluators.first?.key ?? "", label: band.map { scheme.grades[$0].label } ?? "",
                                        grade: band)
            evaluation.achievement = rate
            evaluation.target = target
            evaluation.actual = actual
            evaluation.lowerIsBetter = lowerIsBetter
            return evaluation
        }
    }
}

extension Rational {
    /// The value as a plain decimal with as few digits as it needs (`1,200` → `1200`, `12.5`), up to
    /// six decimals (a value read from a cell has at most that many in practice).
    public var plainDecimal: String {
        for digits in 0...6 where roundedHalfUp(digits: digits) == self { return formatted(digits: digits) }
        return formatted(digits: 6)
    }
}
