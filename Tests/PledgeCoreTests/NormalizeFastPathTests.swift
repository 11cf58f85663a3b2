import Foundation
import Testing
@testable import PledgeCore
import TestSupport

/// The Foundation-free path of `Normalize` must give what Foundation's NFKC gives, on texts mixing
/// the scalars it handles with ones it must leave to Foundation.
@Suite struct NormalizeFastPathTests {
    static let alphabet: [String] = ["a", "Z", "7", " ", "\t", "\n", "\r\n", "-", "(", "、", "。", "々", "「", "」", "【", "あ", "が",
                                     "ア", "ガ", "ー", "・", "漢", "課", "Ｉ", "ｚ", "１", "－", "（", "）", "～", "　", "Ⅲ", "①", "ｶﾞ",
                                     "\u{3099}", "e\u{301}", "ﬁ", "㍻", "ｰ"]

    @Test func agreesWithFoundationOnRandomTexts() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.alphabet.randomElement(using: &random)! }.joined()
            let nfkc = text.precomposedStringWithCompatibilityMapping
            #expect(Normalize.nfkc(text) == nfkc, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Normalize.compact(text) == nfkc.filter { !$0.isWhitespace })
            #expect(Normalize.key(text) == nfkc.filter { !$0.isWhitespace }.lowercased())
        }
    }

    @Test func trimmableIsFoundationsWhitespaceAndNewlines() {
        // The whole BMP (the fast path's `> U+3000` rests on no separator lying above it) and a sample beyond.
        for value in Array(0...0xFFFF) + Array(stride(from: 0x10000, through: 0x10FFFF, by: 61)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Normalize.isTrimmable(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar), "\(value)")
        }
    }

    @Test func textAndSingleLineKeepTheirMeaning() {
        #expect(Normalize.text("  総務課\r\n") == "総務課")
        #expect(Normalize.text("総務課") == "総務課")
        #expect(Normalize.text("a\r\nb\rc") == "a\nb\nc")
        #expect(Normalize.text("\u{3000}課\u{3000}") == "課")
        #expect(Normalize.singleLine("取組 ") == "取組")
        #expect(Normalize.singleLine("一行目\n  二行目 \n\n") == "一行目 二行目")
    }
}
