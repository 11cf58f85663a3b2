import Foundation
import PledgeCore
import PledgeKit
import TableIO
import Testing

/// The samples of a layout's own scheme (Samples/ebina, Samples/tsukuba…): their inbox read back as
/// rows by header, and the round trip `template` → fill as the department would → `check` → `merge`.
struct SchemeSample {
    let name: String
    var plan: String { PledgeKitBinary.sample("\(name)/plan.csv") }
    var inbox: String { PledgeKitBinary.sample("\(name)/inbox") }
    var layout: String { PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/\(name)").path }

    func merge(_ inbox: String? = nil, year: String, out: String, history: [String] = []) throws -> MergeOutcome {
        try InProcess.merge(inbox ?? self.inbox, plan: plan, year: year, out: out, history: history, layout: layout)
    }

    /// `figures.csv` as `level id kind evaluator grade → value`, e.g. `overall all share  tatsei → 90.4`.
    static func figures(_ scratch: Scratch, _ name: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try scratch.csv(name).map {
            ([$0["id"]!, $0["kind"]!, $0["evaluator"]!, $0["grade"]!].joined(separator: " "), $0["value"]!)
        })
    }

    /// Each department's rows of the sample inbox (by department key), as header → value.
    func inboxRows() throws -> [String: [[String: String]]] {
        var byDepartment: [String: [[String: String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: URL(fileURLWithPath: inbox), includingPropertiesForKeys: nil)
        where file.pathExtension == "csv" {
            let table = try CSVReader.read(contentsOf: file).table
            let department = try #require(table.rows.first { $0[1] == "部署名" }?[2])
            let header = try #require(table.rows.first { $0.values.contains("施策ID") })
            for row in table.rows where row.number > header.number && !row.isBlank {
                let values = Dictionary(header.values.enumerated().map { ($1, row[$0 + 1]) }) { first, _ in first }
                byDepartment[Departments.key(department), default: []].append(values)
            }
        }
        return byDepartment
    }

    /// Writes the templates, fills each with the department's sample rows (a measure's first activity
    /// in its pre-filled row, the others in free rows with the ID typed), and returns the folder.
    func filledTemplates(in scratch: Scratch, year: String, evaluators: [String], activity: String = "取組事業内容") throws -> String {
        let folder = scratch.path("filled")
        let template = try InProcess.template(plan: plan, year: year, out: folder, layout: layout)
        #expect(template.status == .success, "\(template.problems)")
        let rows = try inboxRows()
        var diagnostics = Diagnostics()
        let plan = try #require(PlanLoader.load(URL(fileURLWithPath: self.plan), diagnostics: &diagnostics))
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let filler = try TemplateFiller(URL(fileURLWithPath: folder + "/" + name))
            let own = try #require(rows[Departments.key(filler.text("B3"))], "\(filler.text("B3")) has no rows in the sample")
            let headerRow = SubmissionTemplate.Rows.header
            let letters = (1...12).map(CellReference.columnLetters)
            func column(_ heading: String) throws -> String {
                try #require(letters.first { filler.text("\($0)\(headerRow)") == heading }, "no column \(heading)")
            }
            var prefilled: [String: Int] = [:]
            var row = SubmissionTemplate.Rows.firstEntry
            while !filler.text("A\(row)").isEmpty {
                prefilled[filler.text("A\(row)")] = row
                row += 1
            }
            for values in own {
                let id = plan.format(try #require(NodeID(parsing: values["施策ID"] ?? "")))
                let target: Int
                if let pre = prefilled.removeValue(forKey: id) { target = pre } else {
                    target = row
                    row += 1
                    try filler.type(id, into: "A\(target)")
                }
                try filler.type(values[activity] ?? "", into: "\(try column(activity))\(target)")
                for evaluator in evaluators {
                    let value = values[evaluator] ?? ""
                    if value.isEmpty { continue }
                    if let number = Int(value) {
                        try filler.type(number: number, into: "\(try column(evaluator))\(target)")
                    } else {
                        try filler.type(value, into: "\(try column(evaluator))\(target)")
                    }
                }
            }
            try filler.type(number: 45037, into: "B5")  // 2023-04-21
            try filler.save()
        }
        return folder
    }

    /// `check` of one filled template after `value` is typed into `cell`: what a department sees.
    func checkWithValue(_ value: String, typedInto cell: String, of department: String, year: String,
                        evaluators: [String], activity: String = "取組事業内容", in scratch: Scratch) throws -> CheckOutcome {
        let filled = try filledTemplates(in: scratch, year: year, evaluators: evaluators, activity: activity)
        let workbook = URL(fileURLWithPath: filled + "/\(department).xlsx")
        let filler = try TemplateFiller(workbook)
        try filler.type(value, into: cell)
        try filler.save()
        return try InProcess.check([workbook.path], plan: plan, layout: layout)
    }

    /// Merges the sample's inbox and checks the figures (`level id kind evaluator grade → value`), the
    /// headline (one of the model's `figureHeadlines`, which the CLI prints), and that frictionless finds the package valid; the scratch is returned
    /// for further looks.
    @discardableResult
    func expectMerge(year: String, figures expected: [String: String], headline: String? = nil,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scratch {
        let scratch = try Scratch()
        let merge = try self.merge(year: year, out: scratch.path("out"))
        #expect(merge.status == .success, "\(merge.problems)", sourceLocation: sourceLocation)
        if let headline { #expect(merge.headlines.contains(headline), "\(merge.headlines)", sourceLocation: sourceLocation) }
        let figures = try SchemeSample.figures(scratch, "out/figures.csv")
        for (key, value) in expected { #expect(figures[key] == value, "\(key)", sourceLocation: sourceLocation) }
        // Every coded value of figures.csv has its row in codes.csv (rule L3-02).
        let codes = Set(try scratch.csv("out/codes.csv").map { $0["code_list"]! + " " + $0["code"]! })
        for row in try scratch.csv("out/figures.csv") {
            let used = ["figure_kind " + row["kind"]!] + (row["evaluator"]!.isEmpty ? [] : ["evaluator " + row["evaluator"]!])
                + (row["grade"]!.isEmpty ? [] : ["grade " + row["grade"]!])
            #expect(Set(used).isSubset(of: codes), "\(used)", sourceLocation: sourceLocation)
        }
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json"), sourceLocation: sourceLocation) }
        return scratch
    }

    /// `template` → filled as the departments would → `check` (clean) → `merge`: the same figures.csv
    /// as the merge of the CSV inbox, and a valid package.
    func expectRoundTrip(year: String, evaluators: [String], activity: String = "取組事業内容", departments: Int,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let scratch = try Scratch()
        let filled = try filledTemplates(in: scratch, year: year, evaluators: evaluators, activity: activity)
        let files = try FileManager.default.contentsOfDirectory(atPath: filled).sorted().map { filled + "/" + $0 }
        #expect(files.count == departments, sourceLocation: sourceLocation)
        let check = try InProcess.check(files, plan: plan, layout: layout)
        #expect(check.status == .success, "\(check.problems)", sourceLocation: sourceLocation)
        let merge = try self.merge(filled, year: year, out: scratch.path("out"))
        #expect(merge.status == .success, "\(merge.problems)", sourceLocation: sourceLocation)
        let fromCSV = try self.merge(year: year, out: scratch.path("csv"))
        #expect(fromCSV.status == .success, sourceLocation: sourceLocation)
        #expect(try scratch.read("out/figures.csv") == scratch.read("csv/figures.csv"), sourceLocation: sourceLocation)
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json"), sourceLocation: sourceLocation) }
    }

    /// `check` refuses a value typed into a filled template with a data error and `message` (which names the
    /// file, sheet and cell); the scratch (with `filled/`) is returned.
    @discardableResult
    func expectRejected(_ value: String, typedInto cell: String, of department: String, year: String, evaluators: [String],
                        activity: String = "取組事業内容", message: String,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scratch {
        let scratch = try Scratch()
        let check = try checkWithValue(value, typedInto: cell, of: department, year: year, evaluators: evaluators,
                                       activity: activity, in: scratch)
        #expect(check.status == .dataErrors, sourceLocation: sourceLocation)
        #expect(check.problems.contains(message), "\(check.problems)", sourceLocation: sourceLocation)
        return scratch
    }
}
