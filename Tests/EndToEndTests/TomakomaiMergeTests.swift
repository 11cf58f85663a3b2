import Foundation
import PledgeKit
import TableIO
import Testing

/// Runs `merge` on Samples/tomakomai and checks every figure of the report's summary table
/// (市長公約取組状況総括表, ../shared/seeds/000_…txt).
@Suite struct TomakomaiMergeTests {
    static let fy2019: [String: String] = [
        "I": "58", "I-1": "85", "I-2": "54", "I-3": "54", "I-4": "50", "I-5": "45",
        "II": "48", "II-1": "28", "II-2": "62", "II-3": "50", "II-4": "40", "II-5": "60",
        "III": "63", "III-1": "23", "III-2": "65", "III-3": "85", "III-4": "72", "III-5": "70",
        "IV": "56", "IV-1": "68", "IV-2": "60", "IV-3": "40", "IV-4": "40", "IV-5": "70",
        "V": "49", "V-1": "30", "V-2": "53", "V-3": "35", "V-4": "70", "V-5": "55",
        "all": "54.8",
    ]
    // Policy III is 89 in the summary table (88.6 rounded); the detail pages print 88.
    static let fy2020: [String: String] = [
        "I": "73", "I-1": "95", "I-2": "59", "I-3": "75", "I-4": "75", "I-5": "60",
        "II": "69", "II-1": "38", "II-2": "79", "II-3": "70", "II-4": "84", "II-5": "74",
        "III": "89", "III-1": "67", "III-2": "100", "III-3": "100", "III-4": "84", "III-5": "92",
        "IV": "75", "IV-1": "75", "IV-2": "80", "IV-3": "72", "IV-4": "65", "IV-5": "85",
        "V": "68", "V-1": "45", "V-2": "80", "V-3": "50", "V-4": "83", "V-5": "80",
        "all": "74.8",
    ]

    func merge(into scratch: Scratch, csvEncoding: CSVEncoding = .utf8BOM) throws -> MergeOutcome {
        try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                            year: "令和2年度", out: scratch.path("out"),
                            previous: [PledgeKitBinary.sample("tomakomai/previous/summary.csv")], csvEncoding: csvEncoding)
    }

    @Test func reproducesEveryFigureOfTheSummaryTable() throws {
        let scratch = try Scratch()
        let outcome = try merge(into: scratch)
        #expect(outcome.status == .success, "\(outcome.problems)")
        let rows = try scratch.csv("out/summary.csv")
        #expect(rows.count == 2 * 31)
        for (year, expected) in [("2019", Self.fy2019), ("2020", Self.fy2020)] {
            let figures = Dictionary(uniqueKeysWithValues: rows.filter { $0["fiscal_year"] == year }.map { ($0["id"]!, $0["progress_pct"]!) })
            #expect(figures == expected, "FY\(year)")
        }
        #expect(rows.last?["id"] == "all" && rows.last?["title"] == "全体" && rows.last?["fiscal_year_label"] == "令和2年度")
        #expect(rows.first?["fiscal_year_label"] == "令和元年度")
        #expect(outcome.report.model?.year.label == "令和2年度" && outcome.overallProgress == "74.8")
    }

    @Test func writesEveryMeasureActivityAndAssignment() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let measures = try scratch.csv("out/measures.csv")
        #expect(measures.count == 50)
        #expect(measures.allSatisfy { !($0["score"] ?? "").isEmpty })
        let first = measures.first { $0["id"] == "I-2-2" }!
        #expect(first["score"] == "5.75" && first["stars"] == "6" && first["activity_count"] == "4")
        #expect(try scratch.csv("out/activities.csv").count == 102)
        let departments = try scratch.csv("out/departments.csv")
        #expect(departments.contains { $0["measure_id"] == "II-3-1" && $0["department"] == "港湾・企業振興課" })
        #expect(try scratch.csv("out/reconciliation.csv").isEmpty)
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let first = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).sorted()
        let firstBytes = try first.map { try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/" + $0))) }
        try FileManager.default.moveItem(atPath: scratch.path("out"), toPath: scratch.path("first"))
        #expect(try merge(into: scratch).status == .success)
        let second = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).sorted()
        #expect(first == second)
        #expect(first.contains("datapackage.json"))
        for (name, bytes) in zip(first, firstBytes) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/" + name))) == bytes, "\(name)")
        }
    }

    @Test func csvFollowsTheMachineReadabilityRules() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch, csvEncoding: .cp932).status == .success)
        let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/activities.csv")))
        let text = try #require(String(data: data, encoding: .shiftJIS))
        #expect(text.hasPrefix("municipality_code,fiscal_year,fiscal_year_label,measure_id,department,activity,rating,status,"
            + "source_file,source_sheet,source_cell\r\n"))
        // CRLF ends every record, and no field holds a line break (rule L1-14).
        let withoutRecordEnds = text.replacingOccurrences(of: "\r\n", with: "")
        #expect(!withoutRecordEnds.contains { $0.isNewline })
        let package = try scratch.read("out/datapackage.json")
        // The IANA name: the sample holds no Windows extension characters, so Shift_JIS reads it alike.
        #expect(package.contains("\"encoding\" : \"Shift_JIS\""))
    }

    @Test(.enabled(if: Frictionless.runs, Frictionless.skipped)) func frictionlessValidatesTheDataPackage() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        try Frictionless.expectValid(scratch.path("out/datapackage.json"))
    }
}
