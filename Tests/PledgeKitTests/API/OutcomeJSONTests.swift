import Foundation
import PledgeCore
import PledgeKit
import TableIO
import Testing

/// The JSON a caller gets (`--json`, the server): stable field names (docs/json.md), every
/// diagnostic with its place, and a diagnostic read back equal to itself.
@Suite struct OutcomeJSONTests {
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aCheckWithAnErrorHasItsCellInTheJSON() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("財政課.csv")
        try Data(PipelineFixtures.submission(department: "財政課", rows: [["Ⅰ-1-2", "", "基金の管理", "11", ""]]).utf8).write(to: file)
        let outcome = CheckPipeline.run(CheckOptions(files: [file], plan: PipelineFixtures.tomakomai.appendingPathComponent("plan.csv"),
                                                     year: PipelineFixtures.year))
        #expect(outcome.status == .dataErrors)
        let json = try Self.object(outcome.jsonData())
        #expect(Set(json.keys) == ["version", "status", "refusal", "counts", "diagnostics", "report"])
        #expect(json["version"] as? Int == 1 && json["status"] as? String == "data_errors")
        #expect((json["counts"] as? [String: Int])?["error"] == 1)
        let diagnostic = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["code"] as? String == "rating.invalid" && diagnostic["severity"] as? String == "error")
        #expect(diagnostic["measure_id"] as? String == "I-1-2" && diagnostic["department"] as? String == "財政課")
        let location = try #require(diagnostic["location"] as? [String: Any])
        #expect(location["file"] as? String == "財政課.csv" && location["cell"] as? String == "D6")
        #expect(location["row"] as? Int == 6 && location["column"] as? Int == 4)
        #expect((diagnostic["line"] as? String)?.hasPrefix("エラー 財政課.csv!D6: ") == true)
        let rows = try #require((json["report"] as? [String: Any])?["rows"] as? [String: Int])
        #expect(rows == ["read": 1, "counted": 0, "skipped": 0, "errors": 1])
    }

    @Test func aDiagnosticReadsBackEqual() throws {
        let diagnostic = Diagnostic(.warning, .measureMatchedByTitle, at: SourceLocation(file: "総務課.xlsx", sheet: "提出票", row: 12, column: 6),
                                    measureID: "II-3-1", department: "総務課", "施策名で照合しました")
        let data = try JSONEncoder().encode(diagnostic)
        #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == diagnostic)
        let noPlace = Diagnostic(.error, .planInvalid, "計画に施策がありません")
        #expect(try JSONDecoder().decode(Diagnostic.self, from: JSONEncoder().encode(noPlace)) == noPlace)
    }

    @Test func aMergesJSONCarriesTheSummaryAndIsTheSameOnEveryRun() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = PipelineFixtures.tomakomaiMerge(out: scratch.appendingPathComponent("out"))
        let first = try MergePipeline.prepare(options).jsonData()
        #expect(try MergePipeline.prepare(options).jsonData() == first)
        let report = try #require(try Self.object(first)["report"] as? [String: Any])
        #expect((report["year"] as? [String: Any])?["label"] as? String == "令和2年度")
        let summary = try #require(report["summary"] as? [[String: String]])
        #expect(summary.first { $0["id"] == "all" && $0["fiscal_year"] == "2020" }?["progress_pct"] == "74.8")
        #expect(((report["files"] as? [String: Any])?["counted"] as? [String])?.count == 40)
        #expect(report["written"] as? [String] == [])
    }

    @Test func refusalsAndStatusesHaveTheirDocumentedNames() throws {
        let statuses: [OutcomeStatus: String] = [.success: "success", .dataErrors: "data_errors", .usage: "usage",
                                                 .cannotWrite: "cannot_write", .invalidLayout: "invalid_layout", .cancelled: "cancelled"]
        for (status, name) in statuses { #expect(status.rawValue == name) }
        let refused = CheckPipeline.run(CheckOptions(files: [URL(fileURLWithPath: "ない.csv")],
                                                     plan: PipelineFixtures.tomakomai.appendingPathComponent("plan.csv")))
        let json = try Self.object(refused.jsonData())
        #expect(json["status"] as? String == "usage")
        #expect(json["refusal"] as? String == "ない.csv が見つかりません。ファイルの場所と名前を確かめてください。")
    }
}
