@testable import PledgeKit
import TableIO
import Testing

/// Issue 28: a sheet with a flood of merged ranges under its table (a template's formatting copied
/// down to the last row) is reported in a bounded number of warnings, each naming where: the
/// first ranges one by one, the rest counted in one more. 300,000 warnings made merge write a
/// reconciliation list of 300,000 rows (18 s, 784 MB; Benchmarks/merged-cells measures it).
@Suite struct MergedCellFloodTests {
    static func table(mergedBelowTheTable count: Int) throws -> Table {
        let parsed = try CSVReader.parse("部署名,行政監理室\n年度,令和2年度\n\n施策ID,施策内容,取組事業内容,評価\nⅠ-1-1,,研修を実施しました,7\n",
                                         file: "行政監理室.xlsx")
        let above = CellRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 2)  // above the header: not reported
        let below = (0..<count).map { CellRange(firstRow: 10 + $0, firstColumn: 2, lastRow: 10 + $0, lastColumn: 3) }
        return Table(file: parsed.file, sheet: "提出票", rows: parsed.rows, mergedRanges: [above] + below)
    }

    static func warnings(_ table: Table) throws -> [Diagnostic] {
        var diagnostics = Diagnostics()
        _ = try #require(SubmissionReader.read([table], file: table.file, diagnostics: &diagnostics))
        return diagnostics.all.filter { $0.code == .mergedCells }
    }

    @Test func aFewMergedRangesAreNamedEachAtItsCell() throws {
        let warnings = try Self.warnings(Self.table(mergedBelowTheTable: 3))
        #expect(warnings.map(\.line) == (10...12).map {
            "警告 行政監理室.xlsx 提出票!B\($0): 結合されたセル(B\($0):C\($0))があります。値は左上のセルだけに入っているものとして読みました。"
        })
    }

    @Test func aFloodOfMergedRangesIsCountedInOneMoreWarning() throws {
        let warnings = try Self.warnings(Self.table(mergedBelowTheTable: 300_000))
        #expect(warnings.count == SubmissionReader.mergedRangesNamed + 1)
        #expect(warnings.prefix(SubmissionReader.mergedRangesNamed).map { $0.location?.cell } == (10..<20).map { "B\($0)" })
        #expect(warnings.last?.line == "警告 行政監理室.xlsx 提出票!B20: 結合されたセルがほかに299,990か所あります（B20:C20から）。"
                + "どれも値は左上のセルだけに入っているものとして読みました。書式をコピーしたものであれば、結合を解除してください。")
    }
}
