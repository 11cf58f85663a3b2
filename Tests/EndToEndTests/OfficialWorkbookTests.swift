import Foundation
import PledgeKit
import Testing

/// The official workbook of the Tomakomai sample: its XML parts against the committed golden
/// parts, byte-identical reruns, and the layout file that describes it.
@Suite struct OfficialWorkbookTests {
    static let workbookName = "市長公約取組状況.xlsx"

    func merge(into scratch: Scratch, layout: String? = nil) throws -> MergeOutcome {
        try InProcess.merge(PledgeKitBinary.sample("tomakomai/inbox"), plan: PledgeKitBinary.sample("tomakomai/plan.csv"),
                            year: "令和2年度", out: scratch.path("out"),
                            previous: [PledgeKitBinary.sample("tomakomai/previous/summary.csv")], layout: layout)
    }

    @Test func partsMatchTheGoldenFiles() throws {
        let scratch = try Scratch()
        let result = try merge(into: scratch, layout: PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/tomakomai").path)
        #expect(result.status == .success, "\(result.problems)")
        try WorkbookParts.expectMatchesGolden(scratch.path("out/\(Self.workbookName)"), "tomakomai")
    }

    @Test func twoRunsGiveByteIdenticalWorkbooks() throws {
        let first = try Scratch(), second = try Scratch()
        #expect(try merge(into: first).status == .success)
        #expect(try merge(into: second).status == .success)
        let a = try Data(contentsOf: first.url.appendingPathComponent("out/\(Self.workbookName)"))
        let b = try Data(contentsOf: second.url.appendingPathComponent("out/\(Self.workbookName)"))
        #expect(a.count > 10_000)
        #expect(a == b)
    }

    @Test func creationTimeIsTheEndOfTheFiscalYear() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let core = try WorkbookParts.read(scratch.path("out/\(Self.workbookName)"))["docProps/core.xml"]
        let text = String(decoding: core ?? Data(), as: UTF8.self)
        #expect(text.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-03-31T00:00:00Z</dcterms:created>"))
    }

    @Test func printSetUpIsA4FittedToWidthWithRepeatedHeadings() throws {
        let scratch = try Scratch()
        #expect(try merge(into: scratch).status == .success)
        let parts = try WorkbookParts.read(scratch.path("out/\(Self.workbookName)"))
        let workbook = String(decoding: parts["xl/workbook.xml"] ?? Data(), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"総括表\""))
        #expect(workbook.contains("<sheet name=\"取組状況\""))
        #expect(workbook.contains("<sheet name=\"照合結果\""))
        #expect(workbook.contains("_xlnm.Print_Titles"))
        for sheet in ["sheet1", "sheet2", "sheet3", "sheet4"] {
            let xml = String(decoding: parts["xl/worksheets/\(sheet).xml"] ?? Data(), as: UTF8.self)
            #expect(xml.contains("paperSize=\"9\""), "\(sheet) prints on A4")
            #expect(xml.contains("fitToPage=\"1\""), "\(sheet) fits the page width")
            #expect(xml.contains("showGridLines=\"0\""), "\(sheet) hides gridlines")
        }
        let styles = String(decoding: parts["xl/styles.xml"] ?? Data(), as: UTF8.self)
        #expect(styles.contains("ＭＳ Ｐゴシック"))
        #expect(parts["xl/charts/chart1.xml"] != nil)
    }

    @Test func theLayoutFileDescribesTheBuiltInDefault() throws {
        let loaded = try ReportLayout.load(directory: PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/tomakomai"))
        var expected = ReportLayout.tomakomai
        expected.workbook?.organisation = "苫小牧市"
        // The publisher is the one section without a built-in default: no city's data goes out under Tomakomai's code.
        #expect(ReportLayout.tomakomai.publication.municipalityCode.isEmpty && loaded.publication.municipalityCode == "012131")
        expected.publication = loaded.publication
        #expect(loaded == expected)
    }

    @Test func aLayoutCanTurnTheWorkbookOff() throws {
        let scratch = try Scratch()
        try scratch.write("layout/layout.yaml", "workbook: null\n")
        let result = try merge(into: scratch, layout: scratch.path("layout"))
        #expect(result.status == .success, "\(result.problems)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/\(Self.workbookName)")))
        #expect(FileManager.default.fileExists(atPath: scratch.path("out/summary.csv")))
    }
}
