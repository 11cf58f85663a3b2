import Foundation
import PledgeKit
import TableIO
import Testing

/// Runs `merge` on Samples/ageo with templates/ageo and checks the achievements report
/// (市長公約(2期目3年目)に係る上尾市の取組状況, ../shared/seeds/004_…txt): every achievement once,
/// under its area, in the seed's order, in the open data and in the workbook.
@Suite struct AgeoMergeTests {
    /// `<area id>\t<text>` per achievement, in seed order (Samples/ageo/expected-order.txt).
    static func expectedOrder() throws -> [(area: String, text: String)] {
        let text = try String(contentsOfFile: PledgeKitBinary.sample("ageo/expected-order.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// Items by area, by status, as the seed's texts say (予算計上) and the sample's README assigns.
    static let counts: [String: [Int]] = [
        // total, 実施済, 実施中, 予算計上, 検討中
        "1": [6, 5, 1, 0, 0], "2": [16, 13, 2, 1, 0], "3": [9, 7, 1, 1, 0], "4": [12, 9, 1, 2, 0],
        "5": [14, 11, 1, 2, 0], "6": [7, 7, 0, 0, 0], "7": [16, 9, 4, 3, 0], "8": [6, 2, 4, 0, 0],
    ]

    static let layout = PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/ageo").path
    static let workbookName = "市長公約取組状況.xlsx"

    func merge(into scratch: Scratch, inbox: String = PledgeKitBinary.sample("ageo/inbox")) throws -> MergeOutcome {
        try InProcess.merge(inbox, plan: PledgeKitBinary.sample("ageo/plan.csv"), year: "R4", out: scratch.path("out"), layout: Self.layout)
    }

    /// Rows of a CSV the tool wrote, read with pledgekit's own CSV reader (quotes and commas handled).
    func rows(_ scratch: Scratch, _ name: String) throws -> [[String: String]] {
        let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: scratch.path("out/" + name))).table
        let header = table.rows[0].values
        return table.rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, row[$0 + 1]) })
        }
    }

    @Test func expectedOrderIsTheSeedsAchievements() throws {
        // The seed lives beside the repository (../shared/seeds); where it is absent, expected-order.txt stands for it.
        let seed = PledgeKitBinary.repositoryRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/seeds/004_e687806870dc1a4e.txt")
        guard let text = try? String(contentsOf: seed, encoding: .utf8) else { return }
        let plan = try CSVReader.read(contentsOf: URL(fileURLWithPath: PledgeKitBinary.sample("ageo/plan.csv"))).table
        let areas = plan.rows.dropFirst().map { ($0[1], $0[2]) }  // (政策番号, 基本政策)
        var area: String?
        var fromSeed: [String] = []
        for line in text.split(whereSeparator: \.isNewline).map(String.init) {
            if let heading = areas.first(where: { $0.1 == line }) { area = heading.0; continue }
            if line.hasPrefix("・"), let area { fromSeed.append(area + "\t" + line.dropFirst()) }
        }
        #expect(areas.count == 8)
        #expect(fromSeed.count == 86)
        #expect(fromSeed == (try Self.expectedOrder()).map { $0.area + "\t" + $0.text })
    }

    @Test func activitiesListEveryAchievementOnceUnderItsAreaInSeedOrder() throws {
        let scratch = try Scratch()
        let result = try merge(into: scratch)
        #expect(result.status == .success, "\(result.problems)")
        let activities = try rows(scratch, "activities.csv")
        let expected = try Self.expectedOrder()
        #expect(activities.count == 86)
        #expect(activities.map { $0["measure_id"]! + "\t" + $0["activity"]! } == expected.map { $0.area + "\t" + $0.text })
        #expect(activities.allSatisfy { $0["rating"] == "" && $0["fiscal_year"] == "2022" && $0["fiscal_year_label"] == "令和4年度" })
        #expect(activities.allSatisfy { ["実施済", "実施中", "予算計上"].contains($0["status"]!) })
        // Exactly the items that say 予算計上 carry that status.
        let budgeted = activities.filter { $0["status"] == "予算計上" }
        #expect(budgeted.count == 9)
        #expect(budgeted.map { $0["activity"]! } == activities.map { $0["activity"]! }.filter { $0.contains("予算計上") })
        #expect(try rows(scratch, "reconciliation.csv").isEmpty)
    }

    @Test func summaryCountsItemsByStatusPerArea() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let header = try scratch.read("out/summary.csv").components(separatedBy: "\r\n")[0]
        #expect(header == "municipality_code,fiscal_year,fiscal_year_label,level,id,policy_no,pledge_no,title,progress_pct,activity_count,"
            + "count_done,count_in_progress,count_budgeted,count_under_consideration")
        let summary = try rows(scratch, "summary.csv")
        #expect(summary.map { $0["id"]! } == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(summary.allSatisfy { $0["level"] == "policy" && $0["progress_pct"] == "" && $0["pledge_no"] == "" })
        for row in summary {
            let counts = ["activity_count", "count_done", "count_in_progress", "count_budgeted", "count_under_consideration"]
                .map { Int(row[$0]!) }
            #expect(counts == Self.counts[row["id"]!]!, "area \(row["id"]!)")
        }
        #expect(summary[3]["title"] == "防災力のさらなる強化!")
        let measures = try rows(scratch, "measures.csv")
        #expect(measures.map { $0["activity_count"]! } == ["6", "16", "9", "12", "14", "7", "16", "6"])
        #expect(measures.allSatisfy { $0["score"] == "" && $0["stars"] == "" })
        // The package describes the counts and gives the status vocabulary as the code table (rule L3-02).
        let package = try #require(try JSONSerialization.jsonObject(with: Data(scratch.read("out/datapackage.json").utf8)) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        func fields(_ name: String) -> [[String: Any]] {
            let resource = resources.first { $0["name"] as? String == name }
            return ((resource?["schema"] as? [String: Any])?["fields"] as? [[String: Any]]) ?? []
        }
        let budgeted = try #require(fields("summary").first { $0["name"] as? String == "count_budgeted" })
        #expect(budgeted["type"] as? String == "integer" && budgeted["title"] as? String == "件数（予算計上）")
        #expect(!(budgeted["description"] as? String ?? "").isEmpty)
        let status = try #require(fields("activities").first { $0["name"] as? String == "status" })
        #expect((status["constraints"] as? [String: Any])?["enum"] as? [String] == ["実施済", "実施中", "予算計上", "検討中"])
        #expect(fields("summary").allSatisfy { !($0["title"] as? String ?? "").isEmpty && !($0["description"] as? String ?? "").isEmpty })
    }

    @Test(.enabled(if: Frictionless.runs, Frictionless.skipped)) func frictionlessValidatesTheDataPackage() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        try Frictionless.expectValid(scratch.path("out/datapackage.json"))
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).sorted()
        #expect(names.contains(Self.workbookName) && names.contains("datapackage.json"))
        let first = try names.map { try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/" + $0))) }
        try FileManager.default.moveItem(atPath: scratch.path("out"), toPath: scratch.path("first"))
        #expect(try merge(into: scratch).status == .success)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).sorted() == names)
        try FileManager.default.removeItem(atPath: scratch.path("first"))
        for (name, bytes) in zip(names, first) {
            let path = scratch.path("out/" + name)
            let again = try Data(contentsOf: URL(fileURLWithPath: path))
            guard again != bytes else { continue }
            // A workbook names the parts that differ, so that the cause can be found.
            var parts = ""
            if name.hasSuffix(".xlsx") {
                try bytes.write(to: URL(fileURLWithPath: scratch.path("first.xlsx")))
                let (before, after) = (try WorkbookParts.read(scratch.path("first.xlsx")), try WorkbookParts.read(path))
                parts = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted().map { part in
                    "\(part): " + String(decoding: (before[part] ?? Data()).prefix(300), as: UTF8.self) + " → "
                        + String(decoding: (after[part] ?? Data()).prefix(300), as: UTF8.self)
                }.joined(separator: "\n")
            }
            Issue.record("\(name) differs between two runs\(parts.isEmpty ? "" : ":\n" + parts)")
        }
    }

    static let submissionHead = "部署名,総務課\r\n年度,令和4年度\r\n\r\nID,取組内容,状況\r\n"

    @Test func statusOutsideTheVocabularyIsAnErrorNamingTheCell() throws {
        let scratch = try Scratch()
        try scratch.write("inbox/総務課.csv", Self.submissionHead + "8,コンプライアンス研修を実施,実施済\r\n8,内部統制制度を本格実施,完了\r\n")
        let result = try merge(into: scratch, inbox: scratch.path("inbox"))
        #expect(result.status == .dataErrors)
        #expect(result.problems.contains("総務課.csv"))
        #expect(result.problems.contains("C6"), "\(result.problems)")
        #expect(result.problems.contains("完了"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test func statusIsMatchedAfterNormalisation() throws {
        let scratch = try Scratch()
        // Full-width spaces and half-width katakana-free variants: NFKC and spaces ignored.
        try scratch.write("inbox/総務課.csv", Self.submissionHead + "8,研修A,予算　計上\r\n8,研修B, 実施中 \r\n8,研修C,\r\n")
        let result = try merge(into: scratch, inbox: scratch.path("inbox"))
        #expect(result.status == .success, "\(result.problems)")
        let activities = try rows(scratch, "activities.csv")
        #expect(activities.map { $0["status"]! } == ["予算計上", "実施中", ""])
        let area8 = try #require(try rows(scratch, "summary.csv").first { $0["id"] == "8" })
        #expect(area8["activity_count"] == "3" && area8["count_budgeted"] == "1" && area8["count_in_progress"] == "1"
            && area8["count_done"] == "0")
        let area1 = try #require(try rows(scratch, "summary.csv").first { $0["id"] == "1" })
        #expect(area1["activity_count"] == "0" && area1["count_done"] == "0")
    }
}
