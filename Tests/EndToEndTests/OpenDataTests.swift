import Foundation
import PledgeKit
import TableIO
import Testing

/// Issue 14: the open data as a portal and a data user take it: every sample validates in every
/// encoding, the package names the city and its licence, keys join across two cities, every code has
/// a meaning, and every activity names the file, sheet and cell it came from.
@Suite struct OpenDataTests {
    enum Sample: String, CaseIterable, CustomTestStringConvertible {
        case tomakomai, ageo, messy
        var testDescription: String { rawValue }

        func merge(out: String, encoding: CSVEncoding) throws -> MergeOutcome {
            let layout = PledgeKitBinary.repositoryRoot.appendingPathComponent("templates").path + "/"
            switch self {
            case .tomakomai:
                return try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                                           year: "令和2年度", out: out, previous: [PledgeKitBinary.sample("tomakomai/previous/summary.csv")],
                                           layout: layout + "tomakomai", csvEncoding: encoding)
            case .ageo:
                return try InProcess.merge(PledgeKitBinary.sample("ageo/inbox"), plan: PledgeKitBinary.sample("ageo/plan.csv"),
                                           year: "R4", out: out, layout: layout + "ageo", csvEncoding: encoding)
            case .messy:
                return try InProcess.merge(PledgeKitBinary.sample("messy/inbox"), plan: PledgeKitBinary.sample("messy/plan.csv"),
                                           year: "令和2年度", out: out, layout: layout + "tomakomai", csvEncoding: encoding)
            }
        }
    }

    static let encodings = ["utf-8", "utf-8-bom", "cp932"]
    static let csvFiles = ["summary", "measures", "activities", "departments", "reconciliation", "codes"]

    @discardableResult
    static func merge(_ sample: Sample, _ scratch: Scratch, out: String = "out", encoding: String = "utf-8-bom") throws -> MergeOutcome {
        let result = try sample.merge(out: scratch.path(out), encoding: try #require(CSVEncoding(rawValue: encoding)))
        #expect(result.status == .success, "\(sample) \(encoding): \(result.problems)")
        return result
    }

    /// Rows of a UTF-8 CSV the tool wrote, read with pledgekit's own reader (quoted commas handled).
    static func rows(_ scratch: Scratch, _ name: String) throws -> [[String: String]] {
        let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: scratch.path(name))).table
        let header = table.rows[0].values
        return table.rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, row[$0 + 1]) })
        }
    }

    static func package(_ scratch: Scratch, _ out: String = "out") throws -> [String: Any] {
        try PythonTool.json(try scratch.read(out + "/datapackage.json"))
    }

    static func resources(_ package: [String: Any]) -> [String: [String: Any]] {
        let list = package["resources"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "", $0) })
    }

    static func schema(_ resource: [String: Any]?) -> [String: Any] { resource?["schema"] as? [String: Any] ?? [:] }

    static func fields(_ resource: [String: Any]?) -> [String: [String: Any]] {
        let list = schema(resource)["fields"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "", $0) })
    }

    @Test(arguments: Sample.allCases, encodings)
    func frictionlessValidatesEverySampleInEveryEncoding(sample: Sample, encoding: String) throws {
        let scratch = try Scratch()
        try Self.merge(sample, scratch, encoding: encoding)
        let resources = Self.resources(try Self.package(scratch))
        #expect(Set(resources.keys) == Set(Self.csvFiles))
        // IANA names; these samples hold no Windows extension character, so CP932 output is plain Shift_JIS.
        let declared = Set(resources.values.map { $0["encoding"] as? String ?? "" })
        #expect(declared == [encoding == "cp932" ? "Shift_JIS" : "UTF-8"])
        try Frictionless.expectValid(scratch.path("out/datapackage.json"))
    }

    @Test func packageNamesTheCityItsLicenceAndItsSources() throws {
        let scratch = try Scratch()
        try Self.merge(.tomakomai, scratch, out: "tomakomai")
        try Self.merge(.ageo, scratch, out: "ageo")
        let tomakomai = try Self.package(scratch, "tomakomai"), ageo = try Self.package(scratch, "ageo")
        #expect(tomakomai["name"] as? String == "012131-mayor-pledges-4th-term-fy2020")
        #expect(ageo["name"] as? String == "112194-mayor-pledges-2nd-term-fy2022")
        #expect((tomakomai["title"] as? String)?.hasPrefix("苫小牧市 ") == true)
        let licence = try #require((tomakomai["licenses"] as? [[String: Any]])?.first)
        #expect(licence["name"] as? String == "CC-BY-4.0" && licence["path"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        // Deterministic: the fiscal year's last day, never the clock.
        #expect(tomakomai["created"] as? String == "2021-03-31T00:00:00Z")
        #expect(ageo["created"] as? String == "2023-03-31T00:00:00Z")
        #expect(tomakomai["version"] as? String == "1.0.0")
        #expect((tomakomai["keywords"] as? [String])?.contains("苫小牧市") == true)
        let roles = (tomakomai["contributors"] as? [[String: Any]] ?? []).map { $0["role"] as? String ?? "" }
        #expect(roles == ["author", "maintainer"])
        #expect((tomakomai["municipality"] as? [String: String]) == ["code": "012131", "name": "苫小牧市"])
        // One source per department file counted, named as in the inbox.
        let sources = (tomakomai["sources"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(sources.count == 40 && sources.contains("財政課.csv") && !sources.contains { $0.contains("/") })
        // Every CSV begins with the city's code, in every row.
        for (out, code) in [("tomakomai", "012131"), ("ageo", "112194")] {
            for name in Self.csvFiles {
                let text = try scratch.read("\(out)/\(name).csv")
                #expect(text.hasPrefix("municipality_code,"), "\(out)/\(name)")
                #expect(try Self.rows(scratch, "\(out)/\(name).csv").allSatisfy { $0["municipality_code"] == code }, "\(out)/\(name)")
            }
        }
    }

    @Test func keysAreDeclaredAndIDsAreText() throws {
        let scratch = try Scratch()
        try Self.merge(.tomakomai, scratch, out: "tomakomai")
        try Self.merge(.ageo, scratch, out: "ageo")
        for out in ["tomakomai", "ageo"] {
            let resources = Self.resources(try Self.package(scratch, out))
            for (name, resource) in resources {
                for (field, description) in Self.fields(resource) where field == "id" || field.hasSuffix("_id") || field == "municipality_code" {
                    #expect(description["type"] as? String == "string", "\(out) \(name).\(field)")
                }
            }
            let measures = Self.schema(resources["measures"])
            let keys = (measures["foreignKeys"] as? [[String: Any]] ?? []).map { $0["fields"] as? [String] ?? [] }
            #expect(keys.contains(["municipality_code", "fiscal_year", "policy_id"]))
            #expect(keys.contains(["municipality_code", "fiscal_year", "pledge_id"]) == (out == "tomakomai"))
            #expect(measures["primaryKey"] as? [String] == ["municipality_code", "fiscal_year", "id"])
            #expect(Self.schema(resources["departments"])["primaryKey"] as? [String]
                    == ["municipality_code", "fiscal_year", "measure_id", "department"])
            // What an empty cell means is written down.
            for (resource, field) in [("measures", "stars"), ("summary", "pledge_no"), ("measures", "pledge_no"), ("summary", "progress_pct")] {
                let description = Self.fields(resources[resource])[field]?["description"] as? String ?? ""
                #expect(description.contains("空欄"), "\(out) \(resource).\(field)")
            }
        }
        let measures = try Self.rows(scratch, "tomakomai/measures.csv")
        #expect(measures.first { $0["id"] == "III-4-2" }.map { [$0["policy_id"], $0["pledge_id"]] } == ["III", "III-4"])
        let departments = try Self.rows(scratch, "ageo/departments.csv")
        #expect(!departments.isEmpty && departments.allSatisfy { $0["fiscal_year"] == "2022" })
        let areas = try Self.rows(scratch, "ageo/measures.csv")
        #expect(areas.map { $0["policy_id"] ?? "" } == areas.map { $0["id"] ?? "" })
        #expect(areas.allSatisfy { $0["pledge_id"] == "" })
    }

    @Test func everyCodeInTheFilesHasAMeaning() throws {
        let scratch = try Scratch()
        try Self.merge(.messy, scratch, out: "messy")
        try Self.merge(.ageo, scratch, out: "ageo")
        for out in ["messy", "ageo"] {
            let codes = try Self.rows(scratch, "\(out)/codes.csv")
            func known(_ list: String) -> Set<String> {
                Set(codes.filter { $0["code_list"] == list && !($0["label"] ?? "").isEmpty && !($0["description"] ?? "").isEmpty }
                    .map { $0["code"] ?? "" })
            }
            #expect(Set(try Self.rows(scratch, "\(out)/summary.csv").map { $0["level"] ?? "" }).isSubset(of: known("level")))
            let problems = try Self.rows(scratch, "\(out)/reconciliation.csv")
            #expect(Set(problems.map { $0["code"] ?? "" }).isSubset(of: known("reconciliation_code")))
            #expect(Set(problems.map { $0["severity"] ?? "" }).isSubset(of: known("severity")))
            let statuses = Set(try Self.rows(scratch, "\(out)/activities.csv").compactMap { $0["status"] }.filter { !$0.isEmpty })
            #expect(statuses.isSubset(of: known("status")))
        }
        // Every problem code the program can report is described, not only those in the samples.
        let described = Set(try Self.rows(scratch, "messy/codes.csv").filter { $0["code_list"] == "reconciliation_code" && !($0["description"] ?? "").isEmpty }.map { $0["code"] ?? "" })
        #expect(described == Set(DiagnosticCode.allCases.map(\.rawValue)))
        #expect(try Self.rows(scratch, "messy/reconciliation.csv").count == 19)
    }

    @Test func everyActivityNamesItsFileSheetAndCell() throws {
        let scratch = try Scratch()
        try Self.merge(.messy, scratch)
        let activities = try Self.rows(scratch, "out/activities.csv")
        #expect(!activities.isEmpty)
        for row in activities {
            let file = row["source_file"] ?? "", cell = row["source_cell"] ?? ""
            #expect(!file.isEmpty && !file.hasPrefix("/") && !file.contains(scratch.url.path) && !file.contains("Samples"), "\(file)")
            #expect(cell.range(of: "^[A-Z]+[0-9]+$", options: .regularExpression) != nil, "\(cell)")
            #expect((row["source_sheet"] ?? "").isEmpty == file.hasSuffix(".csv"), "\(file) \(row["source_sheet"] ?? "")")
        }
        // The CP932 CSV with moved columns: the activity is in column C, below a header in row 5.
        #expect(activities.contains { $0["source_file"] == "財政課.csv" && $0["source_cell"] == "C6" && $0["measure_id"] == "I-1-2" })
        // The resubmission, not the superseded first file.
        #expect(activities.contains { $0["source_file"] == "行政監理室_差し替え.xlsx" && $0["source_sheet"] == "提出票" })
        #expect(!activities.contains { $0["source_file"] == "行政監理室.xlsx" })
    }

    /// CP932 output reads back as the UTF-8 output's text. The one Windows-specific character in the
    /// samples, ～ (U+FF5E), and the JIS wave dash 〜 (U+301C) share the byte pair 0x8160, so they are
    /// compared as one; nothing else may differ, and no character may turn into `?`.
    @Test(arguments: [Sample.tomakomai, .ageo, .messy])
    func cp932ReadsBackAsTheUTF8Text(sample: Sample) throws {
        let scratch = try Scratch()
        try Self.merge(sample, scratch, out: "utf8", encoding: "utf-8")
        try Self.merge(sample, scratch, out: "cp932", encoding: "cp932")
        func folded(_ text: String) -> String { text.replacingOccurrences(of: "\u{301C}", with: "\u{FF5E}") }
        for name in Self.csvFiles {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("cp932/\(name).csv")))
            let text = try #require(String(data: bytes, encoding: .shiftJIS), "\(name)")
            let utf8 = try scratch.read("utf8/\(name).csv")
            #expect(folded(text) == folded(utf8), "\(sample) \(name)")
            #expect(text.filter { $0 == "?" }.count == utf8.filter { $0 == "?" }.count, "\(sample) \(name)")
        }
    }

    /// A character only Windows' CP932 has (①) makes the file `windows-31j`: a reader told `Shift_JIS`
    /// would fail on it. The other files stay `Shift_JIS`.
    @Test func cp932WithAWindowsCharacterIsDeclaredWindows31J() throws {
        let scratch = try Scratch()
        let original = try String(contentsOfFile: PledgeKitBinary.sample("tomakomai/inbox/財政課.csv"), encoding: .utf8)
        let edited = original.replacingOccurrences(of: "「財政基盤安定化計画", with: "①「財政基盤安定化計画")
        #expect(edited != original)
        try scratch.write("inbox/財政課.csv", edited)
        let result = try InProcess.merge(scratch.path("inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"), year: "R2",
                                         out: scratch.path("out"),
                                         layout: PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/tomakomai").path,
                                         csvEncoding: .cp932)
        #expect(result.status == .success, "\(result.problems)")
        let resources = Self.resources(try Self.package(scratch))
        #expect(resources["activities"]?["encoding"] as? String == "windows-31j")
        #expect(resources["summary"]?["encoding"] as? String == "Shift_JIS")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/activities.csv")))
        #expect(String(data: bytes, encoding: .shiftJIS)?.contains("①「財政基盤安定化計画") == true)
    }

    /// A character CP932 cannot hold is never written as `?`: the run is refused, names the character,
    /// and writes nothing.
    @Test func cp932NeverWritesAQuestionMark() throws {
        let scratch = try Scratch()
        let original = try String(contentsOfFile: PledgeKitBinary.sample("tomakomai/inbox/財政課.csv"), encoding: .utf8)
        try scratch.write("inbox/財政課.csv", original.replacingOccurrences(of: "「財政基盤安定化計画", with: "𠮷「財政基盤安定化計画"))
        let result = try InProcess.merge(scratch.path("inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"), year: "R2",
                                         out: scratch.path("out"), csvEncoding: .cp932)
        if result.status == .success {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/activities.csv")))
            #expect(!(String(data: bytes, encoding: .shiftJIS) ?? "?").contains("?"))
        } else {
            #expect(result.problems.contains("𠮷"))
            #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        }
    }

    /// A mistyped municipality code stops the run before anything is read or written, and says the right one.
    @Test func aWrongCheckDigitStopsTheRun() throws {
        let scratch = try Scratch()
        try scratch.write("layout/layout.yaml", "publication:\n  municipalityCode: \"112195\"\n")
        let result = try PledgeKitBinary.run(["merge", PledgeKitBinary.sample("ageo/inbox"), "--plan", PledgeKitBinary.sample("ageo/plan.csv"),
                                              "--year", "R4", "--layout", scratch.path("layout"), "--out", scratch.path("out")])
        #expect(result.status == 78, "a layout mistake is a configuration error")
        #expect(result.stderr.contains("112194 ではありませんか"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test func ckanMappingFillsTheDatasetFields() throws {
        let scratch = try Scratch()
        try Self.merge(.tomakomai, scratch)
        let output = try PythonTool.run("ckan-mapping.py", needs: "frictionless_ckan_mapper", [scratch.path("out/datapackage.json")])
        let dataset = try PythonTool.json(output)
        #expect(dataset["name"] as? String == "012131-mayor-pledges-4th-term-fy2020")
        #expect(dataset["license_id"] as? String == "CC-BY-4.0")
        #expect(dataset["license_url"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        #expect(dataset["author"] as? String == "苫小牧市 総合政策部 政策推進課")
        #expect(dataset["maintainer"] as? String == "苫小牧市 総合政策部 政策推進課")
        #expect(dataset["version"] as? String == "1.0.0")
        #expect((dataset["municipality"] as? [String: String])?["code"] == "012131")
        let tags = dataset["tags"] as? [String] ?? []
        #expect(tags.contains("苫小牧市") && tags.contains("市長公約"))
        // CKAN accepts tags of letters, digits, spaces, - _ . only.
        #expect(tags.allSatisfy { $0.range(of: #"^[\p{L}\p{N} _.\-]{1,100}$"#, options: .regularExpression) != nil }, "\(tags)")
        // CKAN dataset names: lower-case ASCII letters, digits, - and _.
        #expect((dataset["name"] as? String)?.range(of: "^[a-z0-9_-]{2,100}$", options: .regularExpression) != nil)
        let resources = dataset["resources"] as? [[String: Any]] ?? []
        #expect(resources.map { $0["name"] as? String ?? "" } == Self.csvFiles)
        #expect(resources.allSatisfy { ($0["fields"] as? [String])?.first == "municipality_code" && $0["url"] as? String != nil })
        let measures = try #require(resources.first { $0["name"] as? String == "measures" })
        #expect((measures["foreignKeys"] as? [[String: Any]])?.count == 2)
    }

    @Test func duckDBJoinsTwoCitiesOnTheDeclaredKeysWithoutOrphans() throws {
        let scratch = try Scratch()
        try Self.merge(.tomakomai, scratch, out: "tomakomai")
        try Self.merge(.ageo, scratch, out: "ageo", encoding: "utf-8")
        let output = try PythonTool.run("join-cities.py", needs: "duckdb", [scratch.path("tomakomai"), scratch.path("ageo")])
        let result = try PythonTool.json(output)
        #expect(result["cities"] as? [String] == ["012131", "112194"])
        #expect(result["activities_by_city"] as? [String: Int] == ["012131": 102, "112194": 86])
        #expect(result["joined"] as? Int == 188)
        let orphans = try #require(result["orphans"] as? [String: Int])
        #expect(orphans.count == 4 && orphans.values.allSatisfy { $0 == 0 }, "\(orphans)")
        #expect(result["duplicate_measure_keys"] as? Int == 0)
        #expect(result["id_type"] as? String == "VARCHAR")
    }
}

/// activities.csv without its last three columns (source_file, source_sheet, source_cell), to compare
/// the same activities read from workbooks and from CSV files.
func withoutProvenance(_ text: String) throws -> [[String]] {
    let table = try CSVReader.parse(text, file: "activities.csv")
    #expect(Array(table.rows.first?.values.suffix(3) ?? []) == ["source_file", "source_sheet", "source_cell"])
    return table.rows.map { Array($0.values.dropLast(3)) }
}
