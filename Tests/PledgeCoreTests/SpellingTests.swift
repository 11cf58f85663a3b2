import Testing
@testable import PledgeCore

/// A spelling is its bytes: the memo key of a cell's text.
@Suite struct SpellingTests {
    @Test func equalBytesAreOneKeyAndOtherBytesAnother() {
        let composed = "ガス課"  // U+30AC
        let decomposed = "カ\u{3099}ス課"  // the same text to Swift's ==, other bytes
        #expect(composed == decomposed)
        #expect(Spelling(composed) != Spelling(decomposed))
        #expect(Spelling(composed) == Spelling(String(decoding: Array(composed.utf8), as: UTF8.self)))
        let keys: Set<Spelling> = [Spelling(composed), Spelling(decomposed), Spelling("ガス課"), Spelling("")]
        #expect(keys.count == 3)
        #expect(Spelling("総務課") != Spelling("総務"))
        // Both spellings still come to one department key: the memo only works a spelling out twice.
        #expect(Departments.key(composed) == Departments.key(decomposed))
    }
}
