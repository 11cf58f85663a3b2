import PledgeCore
import Testing
@testable import PledgeKit

/// Values no calendar or plan can mean are nil (an error with their cell upstream), never a trap;
/// text printed on a terminal has every control character escaped.
@Suite struct HostileValueTests {
    @Test(arguments: ["R9223372036854775807/1/1", "令和9223372036854775807年1月1日", "H99999999999999999999.1.1",
                      "9223372036854775807/1/1", "2021/9223372036854775807/1", "2021/4/+1", "2958466", "999999",
                      "R100/1/1", "2201/1/1", "1899/12/31", "2021/2/31x"])
    func submissionDateOutsideTheCalendarIsNil(text: String) {
        #expect(SubmissionDate(parsing: text) == nil)
    }

    @Test func ordinaryDatesStillRead() {
        #expect(SubmissionDate(parsing: "令和3年4月20日")?.description == "2021-04-20")
        #expect(SubmissionDate(parsing: "R3.4.19")?.description == "2021-04-19")
        #expect(SubmissionDate(parsing: "44306")?.description == "2021-04-20")
        #expect(SubmissionDate(parsing: "2021-04-20 00:00:00")?.description == "2021-04-20")
    }

    @Test func levelNumbersBeyondAnyPlanAreNotNumbers() {
        #expect(NodeID.number("9999") == 9999)
        #expect(NodeID.number("10000") == nil)
        #expect(NodeID.number("9223372036854775807") == nil)
        #expect(NodeID(parsing: "99999999999999999999-1-1") == nil)
    }

    @Test func controlCharactersAreEscapedForTheTerminal() {
        #expect(TerminalText.escaped("評価\u{1B}[31m\u{07}\u{7F}\u{85}\u{202E}\u{2066}") == "評価\\u{1B}[31m\\u{7}\\u{7F}\\u{85}\\u{202E}\\u{2066}")
        #expect(TerminalText.escaped("一行目\n二行目\t") == "一行目\\u{A}二行目\\u{9}")
        #expect(TerminalText.escaped("書き出し: a\n          b", keepingLineBreaks: true) == "書き出し: a\n          b")
        #expect(TerminalText.escaped("①ﾃｽﾄ～ é") == "①ﾃｽﾄ～ é")
    }

    @Test func namesThatAreNotUTF8AreShownWithTheirBytes() {
        let name: [UInt8] = [0x91, 0x8D, 0x96, 0xB1, 0x89, 0xDB] + Array("/財.csv".utf8)
        #expect(InboxEntry.escaped(name) == "\\x91\\x8D\\x96\\xB1\\x89\\xDB/財.csv")
    }
}
