import Testing
@testable import PledgeCore

@Suite struct RationalTests {
    @Test func roundsExactHalvesUp() {
        #expect(Rational(145, 2).roundedHalfUp(digits: 0) == Rational(73))          // 72.5 → 73
        #expect(Rational(decimal: "88.45")!.formatted(digits: 1) == "88.5")         // a Double holds 88.4499…
        #expect(Rational(decimal: "88.44")!.formatted(digits: 1) == "88.4")
        #expect(Rational(decimal: "0.5")!.formatted(digits: 0) == "1")
        #expect(Rational(decimal: "2.675")!.formatted(digits: 2) == "2.68")        // Double rounds this to 2.67
        #expect(Rational(decimal: "-2.5")!.formatted(digits: 0) == "-3")
        #expect(Rational(decimal: "74.8")!.formatted(digits: 1) == "74.8")
        #expect(Rational(7).formatted(digits: 2) == "7.00")
    }

    @Test func meansThatBinaryFloatingPointGetsWrong() {
        // (0.1 + 0.2 + 0.3) / 3 * 10 is 1.9999999999999998 in a Double, which truncates and compares badly.
        let mean = Rational.mean(["0.1", "0.2", "0.3"].map { Rational(decimal: $0)! })! * Rational(10)
        #expect(mean == Rational(2))
        // 1.005 at two decimals: a Double stores 1.00499999…, and prints 1.0; exact arithmetic gives 1.01.
        #expect(Rational(decimal: "1.005")!.formatted(digits: 2) == "1.01")
        // A measure with ratings 8, 9, 9 scores 26/3 = 8.666…; × 10 is 86.666… → 87.
        let score = Rational.mean([8, 9, 9].map { Rational($0) })!
        #expect(score == Rational(26, 3))
        #expect((score * Rational(10)).formatted(digits: 0) == "87")
        #expect(score.formatted(digits: 2) == "8.67")
    }

    @Test func parsesOnlyPlainDecimals() {
        #expect(Rational(decimal: "7") == Rational(7))
        #expect(Rational(decimal: "7.0") == Rational(7))
        #expect(Rational(decimal: ".5") == Rational(1, 2))
        #expect(Rational(decimal: "7.5") == Rational(15, 2))
        for bad in ["", ".", "1e3", "7,5", "済", "1.2.3", "--1", "12345678901234567890"] {
            #expect(Rational(decimal: bad) == nil, "\(bad)")
        }
    }
}
