import Foundation
import PledgeCore
import PledgeKit
import TableIO
import Testing

/// Issue 28, rule L1-14 (one record, one line): every free-text field of the open data has its line
/// breaks replaced as activity texts already have, a file name with a line break included.
@Suite struct OpenDataLineBreakTests {
    @Test func aFileNameWithALineBreakIsOneLineInEveryCSV() throws {
        let scratch = try Scratch()
        try scratch.write("plan.csv", XLSXMergeTests.plan)
        try scratch.write("inbox/財政課\n2回目.csv",
                          "部署名,財政課\r\n年度,令和2年度\r\n\r\n施策ID,施策内容,取組事業内容,評価\r\nⅠ-1-2,,\"財政指標を\r\n公表しました\",7\r\n")
        try scratch.write("inbox/メモ\r\n.txt", "not a submission")
        let merge = try InProcess.merge(scratch.path("inbox"), plan: scratch.path("plan.csv"), year: "2020", out: scratch.path("out"))
        #expect(merge.status == .success, "\(merge.problems)")
        let activities = try scratch.csv("out/activities.csv")
        #expect(activities.map { $0["source_file"] } == ["財政課 2回目.csv"])
        #expect(activities.map { $0["activity"] } == ["財政指標を 公表しました"])
        #expect(try scratch.csv("out/reconciliation.csv").contains { $0["file"] == "メモ .txt" })
        for name in try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")) where name.hasSuffix(".csv") {
            let table = try CSVReader.read(contentsOf: scratch.url.appendingPathComponent("out/" + name)).table
            let broken = table.rows.flatMap(\.values).filter { Normalize.hasLineBreak($0) }
            #expect(broken.isEmpty, "\(name): \(broken)")
        }
    }
}
