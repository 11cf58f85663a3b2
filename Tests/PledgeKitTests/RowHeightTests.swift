import Testing
@testable import PledgeKit

/// A measure's cell is measured line by line; the sums must be what measuring the joined text gives.
@Suite struct RowHeightTests {
    static let lines = ["● 地域公共交通の充実", "・バス路線を再編しました。", "・short ASCII line", "", "・𠮷野家の𩸽を二つ（サロゲート対）",
                        "・改行を\n含む取組", "・末尾が復帰\r", "・復帰の後の行", String(repeating: "長い取組の説明", count: 40)]

    @Test func measuredLinesAddUpToTheJoinedText() {
        for width in [10.0, 28.7, 70.7] {
            for count in 1...Self.lines.count {
                for start in 0...(Self.lines.count - count) {
                    let texts = Array(Self.lines[start..<(start + count)])
                    let measured = texts.map { RowHeight.MeasuredLine($0, width: width) }
                    let joined = texts.joined(separator: "\n")
                    let sums = RowHeight.measureJoined(measured, width: width)
                    #expect(sums.lines == RowHeight.lines(joined, width: width), "\(texts) at \(width)")
                    #expect(sums.characters == joined.utf16.count, "\(texts)")
                }
            }
        }
    }

    @Test func rowsKeepWithinTheHeightAndTheCharacterLimitInOrder() {
        let measured = (1...300).map { RowHeight.MeasuredLine("・第\($0)期の取組を実施し、利用者アンケートの結果を公表しました。", width: 70.7) }
        let rows = RowHeight.rows(measured, fontSize: 11, characterLimit: 2_000)
        #expect(rows.flatMap { $0.map(\.text) } == measured.map(\.text))
        for row in rows {
            let joined = row.map(\.text).joined(separator: "\n")
            #expect(RowHeight.points([(joined, 70.7)], fontSize: 11) <= RowHeight.maximum)
            #expect(joined.utf16.count <= 2_000)
        }
        #expect(rows.count > 1)
    }
}
