import Testing
@testable import TableIO
import TestSupport

@Suite struct FormulaGuardTests {
    @Test func formulaLeadingTextsGetOneQuoteAndComeBack() {
        let cases = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "\tx", "\rx", "'already", "'=x"]
        for text in cases {
            #expect(FormulaGuard.neutralised(text) == "'" + text)
            #expect(FormulaGuard.restored(FormulaGuard.neutralised(text)) == text)
        }
        for text in ["", "講座を開催", "I-1-1", " =1", "＝1", "1-2", "a=b"] {
            #expect(FormulaGuard.neutralised(text) == text, "\(text)")
        }
        #expect(FormulaGuard.startsLikeFormula("\r\n=x"), "CR LF is one Character but begins with CR")
    }

    @Test func restoringIsExactOverRandomTexts() {
        var random = SplitMix64(seed: 16)
        let alphabet: [Character] = ["=", "+", "-", "@", "\t", "\r", "'", "a", "取", " ", ","]
        for _ in 0..<5_000 {
            let text = String((0..<Int(random.next() % 6)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let written = FormulaGuard.neutralised(text)
            #expect(!FormulaGuard.startsLikeFormula(written))
            #expect(FormulaGuard.restored(written) == text)
        }
    }
}
