import Testing
@testable import PledgeCore

/// KPI achievement rates worked by hand from the rules cities print beside their KPI tables:
/// 「達成率 = 実績値 ÷ 目標値」, 「低いほどよい指標は 目標値 ÷ 実績値」, and the rate measured from the
/// baseline 「（基準値 − 実績値）÷（基準値 − 目標値）」 (the same as (実績値 − 基準値) ÷ (目標値 − 基準値)).
@Suite struct KPIFormulaTests {
    static let fromBaseline = KPIRules(higherIsBetter: .fromBaseline, lowerIsBetter: .fromBaseline)

    func rate(_ target: Int, _ actual: Int, baseline: Int? = nil, lower: Bool, _ rules: KPIRules = KPIRules()) -> Result<Rational, KPI.Problem> {
        KPI.achievement(target: Rational(target), actual: Rational(actual), baseline: baseline.map { Rational($0) },
                        lowerIsBetter: lower, rules: rules)
    }

    @Test func lowerIsBetterFromTheBaselineIsTheWayCovered() throws {
        // 救急車の到着 41 分 → 38 分、目標 35 分: (41 − 38) ÷ (41 − 35) = 3 ÷ 6 = 50 %, not 35 ÷ 38 = 92.1 %.
        #expect(rate(35, 38, baseline: 41, lower: true, Self.fromBaseline) == .success(Rational(50)))
        #expect(try rate(35, 38, lower: true).get().formatted(digits: 1) == "92.1")
    }

    @Test func aTargetOfZeroIsValidWhereLowerIsBetter() throws {
        // 待機児童 120 人（基準）→ 30 人、目標 0 人: (120 − 30) ÷ (120 − 0) = 90 ÷ 120 = 75 %.
        #expect(rate(0, 30, baseline: 120, lower: true, Self.fromBaseline) == .success(Rational(75)))
        // The department that reached zero: (120 − 0) ÷ (120 − 0) = 100 %, a success, not an error.
        #expect(rate(0, 0, baseline: 120, lower: true, Self.fromBaseline) == .success(Rational(100)))
        // By the ratio 目標値 ÷ 実績値: 0 ÷ 12 = 0 % while still on the way; at zero the target is met: 100 %.
        #expect(rate(0, 12, lower: true) == .success(Rational(0)))
        #expect(rate(0, 0, lower: true) == .success(Rational(100)))
    }

    @Test func higherIsBetterFromTheBaseline() throws {
        // 利用件数 1,000 件（基準）→ 1,234 件、目標 1,500 件: (1,234 − 1,000) ÷ (1,500 − 1,000) = 234 ÷ 500 = 46.8 %.
        #expect(rate(1500, 1234, baseline: 1000, lower: false, Self.fromBaseline) == .success(Rational(468, 10)))
        // The ratio: 1,234 ÷ 1,500 = 82.27 %.
        #expect(try rate(1500, 1234, lower: false).get().formatted(digits: 2) == "82.27")
    }

    @Test func beatingTheTargetIsAbove100UnlessCapped() throws {
        // 41 → 33 against 35: (41 − 33) ÷ (41 − 35) = 8 ÷ 6 = 133.33 %; capped at the target: 100 %.
        #expect(try rate(35, 33, baseline: 41, lower: true, Self.fromBaseline).get().formatted(digits: 2) == "133.33")
        var capped = Self.fromBaseline
        capped.capAtTarget = true
        #expect(rate(35, 33, baseline: 41, lower: true, capped) == .success(Rational(100)))
        // Meeting it exactly is 100 % either way: 35 ÷ 35.
        #expect(rate(35, 35, lower: true) == .success(Rational(100)))
    }

    @Test func whatHasNoRateIsAProblemNotAFigure() throws {
        // Higher is better with a target of 0: actual ÷ 0.
        #expect(rate(0, 5, lower: false) == .failure(.zeroDivisor))
        #expect(rate(35, 38, lower: true, Self.fromBaseline) == .failure(.baselineMissing))
        // Baseline = target and not met: (41 − 45) ÷ 0; met: 100 %.
        #expect(rate(41, 45, baseline: 41, lower: true, Self.fromBaseline) == .failure(.baselineIsTarget))
        #expect(rate(41, 40, baseline: 41, lower: true, Self.fromBaseline) == .success(Rational(100)))
        #expect(rate(10, -1, lower: true) == .failure(.negative))
    }

    /// 交通事故死者 目標 5 人: 1 人なら 5 ÷ 1 = 500 %. 0 人は 5 ÷ 0: no rate; printing 100 % would rank
    /// it below 1 人. Capped at the target, every result at or under 5 is 100 %, 0 included.
    @Test func zeroAgainstATargetAboveZeroHasARateOnlyWhenCapped() throws {
        #expect(rate(5, 1, lower: true) == .success(Rational(500)))
        #expect(rate(5, 0, lower: true) == .failure(.zeroActual))
        #expect(rate(5, 0, lower: true, KPIRules(capAtTarget: true)) == .success(Rational(100)))
        #expect(rate(5, 1, lower: true, KPIRules(capAtTarget: true)) == .success(Rational(100)))
    }

    /// A baseline already better than the target turns the formula's sign: lower is better, baseline
    /// 30, target 35, actual 33 (met) would be (33 − 30) ÷ (35 − 30) = 60 %, and 40 (missed) 200 %.
    @Test func aBaselineBeyondTheTargetIsAProblem() throws {
        #expect(rate(35, 33, baseline: 30, lower: true, Self.fromBaseline) == .failure(.baselineBeyondTarget))
        #expect(rate(35, 40, baseline: 30, lower: true, Self.fromBaseline) == .failure(.baselineBeyondTarget))
        #expect(rate(100, 90, baseline: 120, lower: false, Self.fromBaseline) == .failure(.baselineBeyondTarget))
    }

    @Test func theFormulaIsChosenPerDirection() throws {
        // Higher by the ratio, lower from the baseline (one report's rule): 80 ÷ 100 = 80 %; (50 − 40) ÷ (50 − 30) = 50 %.
        let mixed = KPIRules(higherIsBetter: .ratio, lowerIsBetter: .fromBaseline)
        #expect(rate(100, 80, baseline: 60, lower: false, mixed) == .success(Rational(80)))
        #expect(rate(30, 40, baseline: 50, lower: true, mixed) == .success(Rational(50)))
    }

    @Test func aKPINotYetMeasuredKeepsItsTargetAndHasNoBand() throws {
        let waiting = KPI.notYetMeasured(target: Rational(0), baseline: Rational(120), lowerIsBetter: true, evaluator: "kpi")
        #expect(waiting.notYetMeasured && waiting.target == Rational(0) && waiting.achievement == nil && waiting.grade == nil)
        #expect(waiting.label == "未測定")
    }
}
