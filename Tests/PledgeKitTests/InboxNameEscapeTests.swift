import Testing
@testable import PledgeKit

/// A file name that is not UTF-8 (a CP932 zip unpacked as it is) is shown byte by byte, never with
/// stray characters decoded from byte pairs that happen to be valid UTF-8.
@Suite struct InboxNameEscapeTests {
    @Test func aCP932NameIsEscapedByteByByte() {
        // 交通課.csv in CP932: 8C F0 92 CA 89 DB; CA 89 is also UTF-8 for ʉ.
        let name: [UInt8] = [0x8C, 0xF0, 0x92, 0xCA, 0x89, 0xDB] + Array(".csv".utf8)
        #expect(InboxEntry.escaped(name) == #"\x8C\xF0\x92\xCA\x89\xDB.csv"#)
    }

    @Test func aValidFolderKeepsItsNameBesideAnEscapedFile() {
        let path: [UInt8] = Array("提出/".utf8) + [0x8C, 0xF0] + Array(".csv".utf8)
        #expect(InboxEntry.escaped(path) == #"提出/\x8C\xF0.csv"#)
        #expect(InboxEntry.escaped(Array("財政課.csv".utf8)) == "財政課.csv")
    }
}
