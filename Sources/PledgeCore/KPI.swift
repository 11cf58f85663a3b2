/// How a layout computes a KPI's achievement rate, per direction, as the city's report states it:
/// `ratio` is actual ÷ target (target ÷ actual when lower is better); `fromBaseline` is the way
/// from the baseline covered, (actual − baseline) ÷ (target − baseline), the same for both
/// directions (41 → 38 minutes against a target of 35 is 3 ÷ 6 = 50 %).
public struct KPIRules: Sendable, Equatable, Codable {
    public enum Formula: String, Sendable, Equatable, Codable {
        case ratio
        case fromBaseline
    }

    public var higherIsBetter: Formula
    public var lowerIsBetter: Formula
    /// Whether a rate beyond the target is printed as 100 % (some reports cap, others show 108.8 %).
    public var capAtTarget: Bool

    public init(higherIsBetter: Formula = .ratio, lowerIsBetter: Formula = .ratio, capAtTarget: Bool = false) {
        self.higherIsBetter = higherIsBetter
        self.lowerIsBetter = lowerIsBetter
        self.capAtTarget = capAtTarget
    }

    public func formula(lowerIsBetter lower: Bool) -> Formula { lower ? lowerIsBetter : higherIsBetter }

    public var usesBaseline: Bool { higherIsBetter == .fromBaseline || lowerIsBetter == .fromBaseline }
}

/// A KPI row's achievement rate, exact; its band is the first grade whose `minimumPercent` it
/// reaches (A ≥ 100 %, B ≥ 90 %, C ≥ 80 %, D below). An actual that meets or beats the target is
/// 100 % or more, also where the formula divides by zero (a department that reached 待機児童ゼロ).
public enum KPI {
    public enum Problem: Error, Equatable, Sendable {
        /// `ratio` with a target of 0 where higher is better: no rate, and any actual meets it.
        case zeroDivisor
        /// A value below 0: a rate of a negative quantity means nothing.
        case negative
        /// `fromBaseline` without a baseline.
        case baselineMissing
        /// `fromBaseline` with the baseline equal to the target, not yet met: no way to measure.
        case baselineIsTarget
        /// `fromBaseline` with the baseline already at the target's side (lower is better and the
        /// baseline below the target, or the reverse): the formula's sign turns, a result worse
        /// than the target would be over 100 %.
        case baselineBeyondTarget
        /// `ratio`, lower is better, an actual of 0 against a target above 0: target ÷ 0 has no
        /// rate, and 100 % would rank it below an actual of 1 (target ÷ 1). Capped, it is 100 %.
        case zeroActual
    }

    public static func achievement(target: Rational, actual: Rational, baseline: Rational? = nil, lowerIsBetter: Bool,
                                   rules: KPIRules = KPIRules()) -> Result<Rational, Problem> {
        let zero = Rational(0), hundred = Rational(100)
        if target < zero || actual < zero || (baseline ?? zero) < zero { return .failure(.negative) }
        let met = lowerIsBetter ? actual <= target : actual >= target
        let rate: Rational
        switch rules.formula(lowerIsBetter: lowerIsBetter) {
        case .ratio:
            let (numerator, divisor) = lowerIsBetter ? (target, actual) : (actual, target)
            if divisor == zero {
                guard lowerIsBetter else { return .failure(.zeroDivisor) }
                // Lower is better and the actual is 0: exactly the target of 0 (待機児童ゼロ reached),
                // or beyond a target above 0, which only a cap can print.
                guard target == zero || rules.capAtTarget else { return .failure(.zeroActual) }
                rate = hundred
            } else {
                rate = numerator / divisor * hundred
            }
        case .fromBaseline:
            guard let baseline else { return .failure(.baselineMissing) }
            if lowerIsBetter ? baseline < target : baseline > target { return .failure(.baselineBeyondTarget) }
            let span = target - baseline
            if span == zero {
                guard met else { return .failure(.baselineIsTarget) }
                rate = hundred
            } else {
                rate = (actual - baseline) / span * hundred
            }
        }
        return .success(rules.capAtTarget && rate > hundred ? hundred : rate)
    }

    /// The band an achievement rate falls in; bands are best first.
    public static func band(of achievement: Rational, in grades: [Grade]) -> Int? {
        grades.firstIndex { grade in grade.minimumPercent.map { achievement >= Rational($0) } ?? true }
    }

    /// The whole evaluation of a computable KPI row, for the scheme's (or the evaluator's) bands.
    public static func evaluation(target: Rational, actual: Rational, baseline: Rational? = nil, lowerIsBetter: Bool,
                                  scheme: EvaluationScheme) -> Result<Evaluation, Problem> {
        achievement(target: target, actual: actual, baseline: baseline, lowerIsBetter: lowerIsBetter, rules: scheme.kpi).map { rate in
            let band = band(of: rate, in: scheme.grades)
            var evaluation = Evaluation(evaluator: scheme.evaluators.first?.key ?? "", label: band.map { scheme.grades[$0].label } ?? "",
                                        grade: band)
            evaluation.achievement = rate
            evaluation.target = target
            evaluation.actual = actual
            evaluation.baseline = baseline
            evaluation.lowerIsBetter = lowerIsBetter
            return evaluation
        }
    }

    /// A KPI whose actual value is not in yet: its target kept, no rate, no band.
    public static let notYetMeasuredLabel = "未測定"

    public static func notYetMeasured(target: Rational, baseline: Rational?, lowerIsBetter: Bool, evaluator: String) -> Evaluation {
        var evaluation = Evaluation(evaluator: evaluator, label: notYetMeasuredLabel)
        evaluation.target = target
        evaluation.baseline = baseline
        evaluation.lowerIsBetter = lowerIsBetter
        evaluation.notYetMeasured = true
        return evaluation
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
