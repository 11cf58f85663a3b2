import PledgeCore
@testable import PledgeKit
import TableIO
import Testing

/// A sheet longer than one block of rows (they are interpreted in blocks on all cores): every
/// problem still reported in row order, every duplicate pointing at its first row across blocks.
@Suite struct LargeSheetTests {
    @Test func tenThousandRowsReportInRowOrderAcrossBlocks() throws {
        // Data row i (0…9,999) is sheet row i + 6, rated i % 12 (11 is an error); every 1,000th
        // row repeats the activity of the first (C6).
        let rows = (0..<10_000).map { index in
            "1-1-1,,\(index % 1_000 == 999 ? "取組0" : "取組\(index)"),\(index % 12)"
        }
        var text = "部署名,行政監理室\n年度,令和2年度\n提出日,2021/4/20\n\n施策ID,施策内容,取組事業内容,評価\n"
        text += rows.joined(separator: "\n") + "\n"
        let submission = try ReconcilerTests.submission(text)
        var diagnostics = Diagnostics()
        let result = Reconciler(plan: ReconcilerTests.plan, year: FiscalYear(2020), rules: ReconcileRules(rated: true))
            .reconcile([submission], diagnostics: &diagnostics)
        let invalid = diagnostics.all.filter { $0.code == .ratingInvalid }.compactMap(\.location?.row)
        let duplicates = diagnostics.all.filter { $0.code == .activityDuplicate }
        let expectedInvalid = (0..<10_000).filter { $0 % 12 == 11 }.map { $0 + 6 }
        #expect(invalid == expectedInvalid)
        // A repeated 取組0 whose rating is 11 is rejected before the duplicate check; the others are duplicates of C6.
        let expectedDuplicates = (0..<10_000).filter { $0 % 1_000 == 999 && $0 % 12 != 11 }.map { $0 + 6 }
        #expect(duplicates.compactMap(\.location?.row) == expectedDuplicates)
        #expect(duplicates.allSatisfy { $0.message.contains("C6にもあります") })
        #expect(result.rowsRead == 10_000)
        #expect(result.activities.count == 10_000 - expectedInvalid.count - expectedDuplicates.count)
        let counted = result.activities.compactMap(\.location.row)
        #expect(counted.count == result.activities.count && counted == counted.sorted())
    }
}
