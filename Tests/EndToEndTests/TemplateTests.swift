import Foundation
import PledgeKit
import Testing

/// `pledgekit template`: one workbook per department, its measures pre-filled and locked, input
/// cells unlocked, ratings restricted to whole numbers 0–10, the sheet protected without a password.
/// The checks read the workbook's XML parts, as any other spreadsheet application would.
@Suite struct TemplateTests {
    static func template(layout: String? = nil, plan: String = "tomakomai/plan.csv", year: String = "令和2年度") throws
        -> (TemplateOutcome, Scratch) {
        let scratch = try Scratch()
        let result = try InProcess.template(plan: PledgeKitBinary.sample(plan), year: year, out: scratch.path("templates"), layout: layout)
        return (result, scratch)
    }

    /// Through the executable: what it prints.
    @Test func oneWorkbookPerDepartmentNamedAfterIt() throws {
        let scratch = try Scratch()
        let result = try PledgeKitBinary.run(["template", "--plan", PledgeKitBinary.sample("tomakomai/plan.csv"), "--year", "令和2年度",
                                              "--out", scratch.path("templates")])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path("templates")).sorted()
        #expect(names.count == 40)
        #expect(names.contains("行政監理室.xlsx") && names.contains("港湾・企業振興課.xlsx"))
        #expect(names.allSatisfy { $0.hasSuffix(".xlsx") })
        #expect(result.stdout == "提出票 40部署（令和2年度）: \(scratch.path("templates"))/（行政監理室.xlsx、財政課.xlsx ほか38ファイル）\n")
    }

    @Test func measuresArePrefilledUnderTheLabelsAndHeader() throws {
        let (_, scratch) = try Self.template()
        let sheet = try TemplateFiller(URL(fileURLWithPath: scratch.path("templates/行政監理室.xlsx")))
        #expect(sheet.text("A1") == "令和2年度 市長公約 取組状況 提出票")
        #expect([sheet.text("A3"), sheet.text("B3")] == ["部署名", "行政監理室"])
        #expect([sheet.text("A4"), sheet.text("B4")] == ["年度", "令和2年度"])
        #expect([sheet.text("A5"), sheet.text("B5")] == ["提出日", ""])
        #expect(sheet.text("A7") == "記入方法")
        #expect(["A", "B", "C", "D", "E", "F", "G"].map { sheet.text("\($0)11") } ==
                ["施策ID", "基本政策", "公約", "施策内容", "取組事業内容", "評価", "備考"])
        // 行政監理室's six measures in plan order, then free rows.
        #expect((12...17).map { sheet.text("A\($0)") } == ["I-1-1", "I-2-1", "I-2-2", "I-5-1", "I-5-2", "V-4-2"])
        #expect(sheet.text("D13") == "市役所における女性管理職の登用を進めます")
        #expect(sheet.text("C13").hasPrefix("I-2 "))
        #expect(sheet.text("A18") == "" && sheet.text("E12") == "")
    }

    @Test func ratingCellsAcceptOnlyWholeNumbersZeroToTenWithJapaneseMessages() throws {
        let (_, scratch) = try Self.template()
        let xml = try #require(try TemplateFiller(URL(fileURLWithPath: scratch.path("templates/行政監理室.xlsx"))).part("xl/worksheets/sheet1.xml"))
        let rating = try #require(TemplateFiller.matches(of: #"(<dataValidation type="whole".*?</dataValidation>)"#, in: xml).first)
        #expect(rating.contains(#"sqref="F12:F37""#))
        #expect(rating.contains("<formula1>0</formula1><formula2>10</formula2>"))
        #expect(rating.contains(#"showErrorMessage="1""#) && !rating.contains("errorStyle"))  // stop: the value is refused
        #expect(rating.contains(#"error="評価は0〜10の整数で入力してください。""#))
        #expect(rating.contains(#"prompt="進捗を0〜10の整数で入力してください（10が最も進んでいる）。""#))
        // Free rows pick their measure from the department's IDs.
        #expect(xml.contains(#"sqref="A18:A37"><formula1>$A$12:$A$17</formula1>"#))
        // 提出日 takes a date.
        #expect(xml.contains(#"<dataValidation type="date""#) && xml.contains(#"sqref="B5""#))
    }

    @Test func sheetIsProtectedWithoutPasswordExceptTheInputCells() throws {
        let (_, scratch) = try Self.template()
        let filler = try TemplateFiller(URL(fileURLWithPath: scratch.path("templates/行政監理室.xlsx")))
        let xml = try #require(filler.part("xl/worksheets/sheet1.xml"))
        let protection = try #require(TemplateFiller.matches(of: #"(<sheetProtection[^>]*/>)"#, in: xml).first)
        #expect(!protection.contains("password"))
        let styles = try #require(filler.part("xl/styles.xml"))
        let xfs = TemplateFiller.matches(of: #"<cellXfs[^>]*>(.*?)</cellXfs>"#, in: styles).first ?? ""
        let formats = TemplateFiller.matches(of: #"(<xf [^>]*?(?:/>|>.*?</xf>))"#, in: xfs)
        func locked(_ cell: String) throws -> Bool {
            let element = try #require(TemplateFiller.matches(of: #"(<c r="\#(cell)"[^>]*>)"#, in: xml).first)
            let index = Int(TemplateFiller.matches(of: #" s="(\d+)""#, in: element).first ?? "0")!
            return !formats[index].contains(#"locked="0""#)
        }
        for cell in ["A12", "B12", "C12", "D12", "A11", "F11", "B3", "B4"] { #expect(try locked(cell), "\(cell)") }
        for cell in ["E12", "F12", "G12", "A18", "D18", "E18", "F37", "B5"] { #expect(try !locked(cell), "\(cell)") }
    }

    @Test func printableA4LandscapeWithTheHeaderRepeated() throws {
        let (_, scratch) = try Self.template()
        let filler = try TemplateFiller(URL(fileURLWithPath: scratch.path("templates/行政監理室.xlsx")))
        let xml = try #require(filler.part("xl/worksheets/sheet1.xml"))
        #expect(xml.contains(#"paperSize="9""#) && xml.contains(#"orientation="landscape""#) && xml.contains(#"fitToHeight="0""#))
        #expect(try #require(filler.part("xl/workbook.xml")).contains("'提出票'!$11:$11"))
        #expect(xml.contains(#"<col min="5" max="5" width="56.7109375""#))
    }

    @Test func twoRunsGiveByteIdenticalWorkbooks() throws {
        let (_, first) = try Self.template()
        let (_, second) = try Self.template()
        for name in try FileManager.default.contentsOfDirectory(atPath: first.path("templates")) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: first.path("templates/" + name))) ==
                    Data(contentsOf: URL(fileURLWithPath: second.path("templates/" + name))), "\(name)")
        }
    }

    @Test func unratedPlanGetsAStatusDropDownFromTheLayoutVocabulary() throws {
        let layout = PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/ageo").path
        let (result, scratch) = try Self.template(layout: layout, plan: "ageo/plan.csv", year: "令和4年度")
        #expect(result.status == .success, "\(result.problems)")
        let filler = try TemplateFiller(URL(fileURLWithPath: scratch.path("templates/総務課.xlsx")))
        #expect(["A", "B", "C", "D", "E"].map { filler.text("\($0)11") } == ["施策ID", "施策内容", "取組事業内容", "状況", "備考"])
        #expect(filler.text("A12") == "8")
        let xml = try #require(filler.part("xl/worksheets/sheet1.xml"))
        #expect(!xml.contains(#"type="whole""#))
        #expect(xml.contains("<formula1>'選択肢'!$A$1:$A$4</formula1>"))
        #expect(try #require(filler.part("xl/workbook.xml")).contains(#"<sheet name="選択肢" sheetId="2" state="hidden""#))
        let choices = try #require(filler.part("xl/worksheets/sheet2.xml"))
        #expect(TemplateFiller.matches(of: #"<v>(\d+)</v>"#, in: choices).compactMap { Int($0) }.map { filler.sharedStrings[$0] }
                == ["実施済", "実施中", "予算計上", "検討中"])
    }

    @Test func missingPlanIsAUsageError() throws {
        let scratch = try Scratch()
        let result = try PledgeKitBinary.run(["template", "--plan", scratch.path("none.csv"), "--year", "2020", "--out", scratch.path("t")])
        #expect(result.status == 64)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("t")))
    }
}
