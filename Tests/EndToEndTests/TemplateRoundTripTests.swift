import Foundation
import PledgeCore
import PledgeKit
import TableIO
import Testing

/// The whole department round trip on the Tomakomai plan: `template` writes one workbook per
/// department, each is filled in as the department would (its activities from
/// Samples/tomakomai/inbox typed into the pre-filled rows, further ones into free rows with the ID
/// chosen, a 提出日 typed as a date), and `merge` of the filled workbooks reproduces every figure of
/// the published summary table.
@Suite struct TemplateRoundTripTests {
    struct SampleActivity {
        var id: String
        var text: String
        var rating: String
        var note: String
    }

    /// The activities of each department in the sample inbox, keyed by department.
    static func sampleActivities() throws -> [String: [SampleActivity]] {
        let inbox = URL(fileURLWithPath: PledgeKitBinary.sample("tomakomai/inbox"))
        var byDepartment: [String: [SampleActivity]] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: inbox, includingPropertiesForKeys: nil)
        where file.pathExtension == "csv" {
            let table = try CSVReader.read(contentsOf: file).table
            let department = try #require(table.rows.first { $0[1] == "部署名" }?[2])
            let header = try #require(table.rows.first { $0.values.contains("取組事業内容") })
            func column(_ name: String) -> Int { header.values.firstIndex(of: name)! + 1 }
            for row in table.rows where row.number > header.number && !row.isBlank {
                byDepartment[Departments.key(department), default: []].append(SampleActivity(
                    id: row[column("施策ID")], text: row[column("取組事業内容")], rating: row[column("評価")], note: row[column("備考")]))
            }
        }
        return byDepartment
    }

    /// Fills one department's template: the first activity of a measure goes into the measure's
    /// pre-filled row, the others into the free rows below with the ID typed in.
    static func fill(_ workbook: URL, with activities: [SampleActivity], plan: Plan, submitted: Int) throws -> Int {
        let filler = try TemplateFiller(workbook)
        var prefilled: [String: Int] = [:]
        var row = SubmissionTemplate.Rows.firstEntry
        while !filler.text("A\(row)").isEmpty {
            prefilled[filler.text("A\(row)")] = row
            row += 1
        }
        var free = row
        for activity in activities {
            let id = plan.format(try #require(NodeID(parsing: activity.id)))
            let target: Int
            if let row = prefilled.removeValue(forKey: id) {
                target = row
            } else {
                target = free
                free += 1
                try filler.type(id, into: "A\(target)")
            }
            try filler.type(activity.text, into: "E\(target)")
            try filler.type(number: try #require(Int(activity.rating)), into: "F\(target)")
            if !activity.note.isEmpty { try filler.type(activity.note, into: "G\(target)") }
        }
        try filler.type(number: submitted, into: "B5")
        try filler.save()
        return activities.count
    }

    static func tomakomaiPlan() throws -> Plan {
        var diagnostics = Diagnostics()
        return try #require(PlanLoader.load(URL(fileURLWithPath: PledgeKitBinary.sample("tomakomai/plan.csv")), diagnostics: &diagnostics))
    }

    @Test func templateFilledByEveryDepartmentMergesToThePublishedFigures() throws {
        let scratch = try Scratch()
        let template = try InProcess.template(plan: PledgeKitBinary.sample("tomakomai/plan.csv"), year: "令和2年度", out: scratch.path("inbox"))
        #expect(template.status == .success, "\(template.problems)")
        let workbooks = try FileManager.default.contentsOfDirectory(atPath: scratch.path("inbox")).sorted()
        #expect(workbooks.count == 40)

        let plan = try Self.tomakomaiPlan()
        let activities = try Self.sampleActivities()
        var typed = 0
        for name in workbooks {
            let url = URL(fileURLWithPath: scratch.path("inbox/" + name))
            let department = try TemplateFiller(url).text("B3")
            let own = try #require(activities[Departments.key(department)], "\(department) has no activities in the sample")
            typed += try Self.fill(url, with: own, plan: plan, submitted: 44306)  // 2021-04-20
        }
        #expect(typed == 102)

        let merge = try InProcess.merge(scratch.path("inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"), year: "令和2年度",
                                        out: scratch.path("out"), previous: [PledgeKitBinary.sample("tomakomai/previous/summary.csv")])
        #expect(merge.status == .success, "\(merge.problems)")
        let rows = try scratch.csv("out/summary.csv")
        for (year, expected) in [("2019", TomakomaiMergeTests.fy2019), ("2020", TomakomaiMergeTests.fy2020)] {
            let figures = Dictionary(uniqueKeysWithValues: rows.filter { $0["fiscal_year"] == year }.map { ($0["id"]!, $0["progress_pct"]!) })
            #expect(figures == expected, "FY\(year)")
        }
        #expect(merge.overallProgress == "74.8")
        #expect(try scratch.csv("out/activities.csv").count == 102)
        // Untouched pre-filled rows and free rows are skipped without a word.
        #expect(try scratch.csv("out/reconciliation.csv").isEmpty)
        // The same activities as the CSV inbox, in the same order.
        let fromCSV = try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                                          year: "2020", out: scratch.path("csv"))
        #expect(fromCSV.status == .success)
        // Apart from where each was read (source_file, source_sheet, source_cell: a workbook, not a CSV).
        #expect(try withoutProvenance(scratch.read("out/activities.csv")) == withoutProvenance(scratch.read("csv/activities.csv")))
        #expect(try scratch.read("out/measures.csv") == scratch.read("csv/measures.csv"))
    }
}
