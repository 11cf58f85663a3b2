import Foundation
import PledgeKit
import TableIO
import Testing

/// Issue 16, the output side: texts a spreadsheet would run as formulas reach no output as a
/// formula, and the CP932 files hold only what CP932 maps cleanly.
@Suite struct HostileTextOutputTests {
    static let plan = PledgeKitBinary.sample("tomakomai/plan.csv")
    static let layout = PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/tomakomai").path

    static func merge(_ inbox: String, out: String, encoding: CSVEncoding = .utf8BOM) throws -> MergeOutcome {
        try InProcess.merge(inbox, plan: plan, year: "R2", out: out, layout: layout, csvEncoding: encoding)
    }

    static func table(_ path: String) throws -> [[String: String]] {
        let rows = try CSVReader.read(contentsOf: URL(fileURLWithPath: path)).table.rows
        return rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: rows[0].values.enumerated().map { ($1, row[$0 + 1]) })
        }
    }

    /// A filled template (a workbook, cells E12–E14) and a CSV whose name and department column
    /// begin like formulas.
    static func formulaInbox(_ scratch: Scratch) throws -> String {
        #expect(try InProcess.template(plan: plan, year: "R2", out: scratch.path("t")).status == .success)
        let form = try TemplateFiller(URL(fileURLWithPath: scratch.path("t/行政監理室.xlsx")))
        try form.type(#"=HYPERLINK("http://example.com","詳細")"#, into: "E12")
        try form.type(number: 7, into: "F12")
        try form.type("+cmd|' /C calc'!A0", into: "E13")
        try form.type(number: 5, into: "F13")
        try form.type("-1+1で試算しました", into: "E14")
        try form.type(number: 0, into: "F14")
        try form.type(number: 44306, into: "B5")
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        try form.save(to: URL(fileURLWithPath: scratch.path("inbox/行政監理室.xlsx")))
        try scratch.write("inbox/@集計.csv", "年度,令和2年度\n\n施策ID,担当部署,取組事業内容,評価\nI-1-1,=総務課,研修を実施しました,6\n")
        return scratch.path("inbox")
    }

    @Test func formulaLikeTextsAreNeutralisedInTheCSVAndListedAsInformation() throws {
        let scratch = try Scratch()
        let inbox = try Self.formulaInbox(scratch)
        let result = try Self.merge(inbox, out: scratch.path("out"))
        #expect(result.status == .success, "\(result.problems)")
        let activities = try Self.table(scratch.path("out/activities.csv"))
        let hyperlink = try #require(activities.first { $0["source_cell"] == "E12" })
        #expect(hyperlink["activity"] == #"'=HYPERLINK("http://example.com","詳細")"#)
        #expect(hyperlink["rating"] == "7" && hyperlink["source_file"] == "行政監理室.xlsx" && hyperlink["source_sheet"] == "提出票")
        #expect(activities.first { $0["source_cell"] == "E13" }?["activity"] == "'+cmd|' /C calc'!A0")
        #expect(activities.first { $0["source_cell"] == "E14" }?["activity"] == "'-1+1で試算しました")
        #expect(activities.first { $0["rating"] == "0" } != nil, "a rating of 0 stays a plain number")
        let fromCSV = try #require(activities.first { $0["source_file"] == "'@集計.csv" })
        #expect(fromCSV["department"] == "'=総務課" && fromCSV["rating"] == "6")
        // No text field of any CSV begins like a formula.
        for name in ["summary", "measures", "activities", "departments", "reconciliation", "codes"] {
            for row in try Self.table(scratch.path("out/\(name).csv")) {
                #expect(!row.values.contains { FormulaGuard.startsLikeFormula($0) }, "\(name): \(row)")
            }
        }
        // The reconciliation lists each as information, with file, sheet and cell.
        let notes = try Self.table(scratch.path("out/reconciliation.csv")).filter { $0["code"] == "text.formula_like" }
        #expect(notes.allSatisfy { $0["severity"] == "info" })
        let places = Set(notes.map { "\($0["file"] ?? "")|\($0["sheet"] ?? "")|\($0["cell"] ?? "")" })
        #expect(places == ["行政監理室.xlsx|提出票|E12", "行政監理室.xlsx|提出票|E13", "行政監理室.xlsx|提出票|E14",
                           "'@集計.csv||C4", "'@集計.csv||"], "\(places)")
        let e12 = try #require(notes.first { $0["cell"] == "E12" })
        #expect(e12["message"] == #"取組事業内容「=HYPERLINK("http://example.com","詳細")」は「=」で始まり、表計算ソフトで数式として実行されるおそれがあるため、"#
                + "CSVでは先頭に ' を付けて書き出しました（ブックには文字列として書き出しています）。")
        #expect(notes.contains { $0["message"]?.hasPrefix("担当部署「=総務課」は「=」で始まり") == true && $0["department"] == "'=総務課" })
        #expect(notes.contains { $0["message"]?.hasPrefix("ファイル名「@集計.csv」は「@」で始まり") == true })
        // datapackage.json says so for the free text fields, not for numbers or codes.
        let package = try PythonTool.json(try scratch.read("out/datapackage.json"))
        let resources = (package["resources"] as? [[String: Any]] ?? [])
        let fields = (resources.first { $0["name"] as? String == "activities" }?["schema"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []
        func description(_ name: String) -> String { fields.first { $0["name"] as? String == name }?["description"] as? String ?? "" }
        #expect(description("activity").contains("先頭に ' を1文字付けている（OWASP CSV Injection の対策"))
        #expect(description("department").contains("OWASP") && !description("rating").contains("OWASP"))
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json")) }
    }

    /// The workbook holds the texts as strings (shared strings, unchanged), never as formulas.
    @Test func theWorkbookHoldsFormulaLikeTextsAsStrings() throws {
        let scratch = try Scratch()
        let inbox = try Self.formulaInbox(scratch)
        #expect(try Self.merge(inbox, out: scratch.path("out")).status == .success)
        let parts = try WorkbookParts.read(scratch.path("out/市長公約取組状況.xlsx"))
        let sheets = parts.filter { $0.key.hasPrefix("xl/worksheets/sheet") }
        #expect(sheets.count >= 3)
        for (path, data) in sheets {
            let xml = String(decoding: data, as: UTF8.self)
            #expect(!xml.contains("<f>") && !xml.contains("<f "), "\(path) has a formula")
        }
        let strings = String(decoding: parts["xl/sharedStrings.xml"] ?? Data(), as: UTF8.self)
        #expect(strings.contains("=HYPERLINK(&quot;http://example.com&quot;,&quot;詳細&quot;)") || strings.contains(#"=HYPERLINK("http://example.com","詳細")"#))
        #expect(strings.contains("+cmd|&apos;") || strings.contains("+cmd|' /C calc'!A0"))
        #expect(!strings.contains("'=HYPERLINK"), "the workbook keeps the text as written")
    }

    /// 〜 is written as 0x8160 (JIS's wave dash, what the file's `Shift_JIS` declares), and an
    /// activity ending in U+FEFF or U+00AD (which trapped or looped Foundation) is written without them.
    @Test func cp932MapsWaveDashAndDropsInvisibleCharacters() throws {
        let scratch = try Scratch()
        try FileManager.default.copyItem(atPath: PledgeKitBinary.sample("tomakomai/inbox"), toPath: scratch.path("inbox"))
        let csv = scratch.path("inbox/財政課.csv")
        let original = try String(contentsOfFile: csv, encoding: .utf8)
        var edited = original.replacingOccurrences(of: "「財政基盤安定化計画", with: "2020〜「財政基盤安定化計画")
        edited = edited.replacingOccurrences(of: "取組を行いました。,", with: "取組を行いました。\u{FEFF},")
        try (edited + "Ⅰ-1-2,,軟\u{00AD}件の更新\u{200B},6,\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try Self.merge(scratch.path("inbox"), out: scratch.path("out"), encoding: .cp932)
        #expect(result.status == .success, "\(result.problems)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/activities.csv")))
        let text = try #require(String(data: bytes, encoding: .shiftJIS))
        #expect(text.contains("2020\u{FF5E}「財政基盤安定化計画") || text.contains("2020\u{301C}「財政基盤安定化計画"))
        #expect(bytes.range(of: Data([0x32, 0x30, 0x32, 0x30, 0x81, 0x60])) != nil, "〜 is 0x8160")
        #expect(text.contains("取組を行いました。,") && text.contains("軟件の更新,"))
        #expect(!text.contains("?") && !text.unicodeScalars.contains { $0.properties.isDefaultIgnorableCodePoint })
        let package = try PythonTool.json(try scratch.read("out/datapackage.json"))
        let encodings = Set((package["resources"] as? [[String: Any]] ?? []).compactMap { $0["encoding"] as? String })
        #expect(encodings == ["Shift_JIS"])
        if Frictionless.runs { try Frictionless.expectValid(scratch.path("out/datapackage.json")) }
    }

    /// A character CP932 cannot hold stops the run at the cell it was read from; nothing is written.
    @Test func cp932RefusesAnUnmappableCharacterAtItsCell() throws {
        let scratch = try Scratch()
        try FileManager.default.copyItem(atPath: PledgeKitBinary.sample("tomakomai/inbox"), toPath: scratch.path("inbox"))
        let csv = scratch.path("inbox/財政課.csv")
        let original = try String(contentsOfFile: csv, encoding: .utf8)
        try original.replacingOccurrences(of: "「財政基盤安定化計画", with: "😀「財政基盤安定化計画").write(toFile: csv, atomically: true, encoding: .utf8)
        let result = try Self.merge(scratch.path("inbox"), out: scratch.path("out"), encoding: .cp932)
        #expect(result.status == .dataErrors)
        let lines = result.errorLines
        #expect(lines.contains { $0.hasPrefix("エラー 財政課.csv!C6: 文字「😀」（U+1F600）は CP932 で書き出せません（activities.csv の")
                && $0.hasSuffix("行目、activity 列）。字を改めるか、CSVの文字コードに UTF-8（BOM付き、既定）を指定してください。") }, "\(result.problems)")
        #expect(result.refusal == "CP932で書き出せない文字が1個あるため、何も書き出していません。")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }
}
