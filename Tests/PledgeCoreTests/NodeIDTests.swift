import Testing
@testable import PledgeCore

@Suite struct NodeIDTests {
    @Test(arguments: ["III-4-1", "Ⅲ-4-1", "iii-4-1", "3-4-1", "３－４－１", "Ⅲ－４－１", "III‐4‐1", " III - 4 - 1 ", "3.4.1"])
    func normalisesEveryForm(text: String) {
        #expect(NodeID(parsing: text) == NodeID([3, 4, 1]))
    }

    @Test func fullWidthRomanAndArabicAreTheSame() {
        #expect(NodeID(parsing: "Ｉ－１－１") == NodeID(parsing: "I-1-1"))
        #expect(NodeID(parsing: "1-1-1") == NodeID(parsing: "Ⅰ-1-1"))
        #expect(NodeID(parsing: "Ⅳ") == NodeID([4]))
        #expect(NodeID(parsing: "８") == NodeID([8]))
    }

    @Test(arguments: ["", "-", "I--1", "IIII-1", "A-1", "1-y", "1-1-"])
    func refusesMalformedIDs(text: String) {
        #expect(NodeID(parsing: text) == nil)
    }

    @Test func formatsInThePlansStyle() {
        #expect(NodeID([3, 4, 1]).formatted(romanFirstLevel: true) == "III-4-1")
        #expect(NodeID([3, 4, 1]).formatted(romanFirstLevel: false) == "3-4-1")
        #expect(RomanNumeral.string(14) == "XIV")
        #expect(RomanNumeral.value(of: "XIV") == 14)
    }

    @Test func splitsDepartmentCells() {
        #expect(Departments.split("・行政監理室\n・財政課") == ["行政監理室", "財政課"])
        #expect(Departments.split("港湾・企業振興課、観光振興課；空港政策課") == ["港湾・企業振興課", "観光振興課", "空港政策課"])
        #expect(Departments.split("　・住宅課　;住宅課") == ["住宅課"])
        #expect(Departments.key("（消防本部）総務課") == Departments.key("(消防本部)総務課"))
    }
}
