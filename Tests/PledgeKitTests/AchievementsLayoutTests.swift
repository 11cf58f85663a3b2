import Foundation
import PledgeCore
@testable import PledgeKit
import Testing
import Yams

/// templates/ageo/layout.yaml and the achievements settings: what the file says is what the
/// report uses, a misspelt key is refused, and the per-area count line is written as configured.
@Suite struct AchievementsLayoutTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    @Test func ageoLayoutIsAnUnratedAchievementsReport() throws {
        let layout = try ReportLayout.load(directory: Self.templates.appendingPathComponent("ageo"))
        #expect(layout.name == "ageo" && !layout.rated && !layout.showPreviousYear)
        #expect(layout.statuses.map(\.label) == ["実施済", "実施中", "予算計上", "検討中"])
        #expect(layout.statuses.map(\.key) == ["done", "in_progress", "budgeted", "under_consideration"])
        #expect(layout.reconcileRules.statuses == ["実施済", "実施中", "予算計上", "検討中"] && !layout.reconcileRules.rated)
        let workbook = try #require(layout.workbook)
        #expect(workbook.style == .achievements)
        #expect(workbook.achievements.title == "市長公約(2期目3年目)に係る上尾市の取組状況")
        #expect(workbook.achievements.areaHeading == "{title}")
        #expect(workbook.achievements.lead.count == 2)
        // Every key of the section is spelt out in the file, so the file documents the whole layout.
        let yaml = try String(contentsOf: Self.templates.appendingPathComponent("ageo/layout.yaml"), encoding: .utf8)
        for key in Self.achievementsKeys { #expect(yaml.contains("\n    \(key):"), "\(key)") }
    }

    static let achievementsKeys = [
        "sheetName", "title", "lead", "areaHeading", "bullet", "itemHeading", "statusHeading", "showStatus", "countLine",
        "statusCount", "separator", "showZeroCounts", "noStatusLabel", "emptyAreaText", "countSheetName", "countSheetTitle",
        "areaNumberHeading", "areaTitleHeading", "totalHeading", "totalLabel", "itemWidth", "statusWidth", "numberWidth",
        "areaTitleWidth", "countWidth",
    ]

    @Test func everyListedKeyIsAKnownKey() throws {
        // The README's table and this list name the same keys the decoder accepts.
        let yaml = Self.achievementsKeys.map { "\($0): \($0.hasSuffix("Width") ? "1" : $0 == "lead" ? "[]" : $0.hasPrefix("show") ? "true" : "x")" }
            .joined(separator: "\n")
        _ = try Self.load(achievements: yaml)
        let readme = try String(contentsOf: Self.templates.appendingPathComponent("ageo/README.md"), encoding: .utf8)
        for key in Self.achievementsKeys { #expect(readme.contains("`\(key)`"), "\(key)") }
    }

    /// Loads a layout.yaml whose `workbook.achievements` section is `yaml`, as `--layout` does.
    static func load(achievements yaml: String) throws -> ReportLayout {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("achievements-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let indented = yaml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        try "version: 1\nworkbook:\n  achievements:\n\(indented)\n".write(to: folder.appendingPathComponent("layout.yaml"),
                                                                          atomically: true, encoding: .utf8)
        return try ReportLayout.load(directory: folder)
    }

    @Test func misspeltAchievementsKeyIsRefused() throws {
        let error = try #require(throws: LayoutError.self) {
            try Self.load(achievements: "title: 取組状況\ncountLnie: \"{count}件\"")
        }
        #expect(error.description.hasSuffix("（5行目）: workbook.achievements に不明な項目「countLnie」があります（もしかして: countLine）。"))
        let decoded = try #require(try Self.load(achievements: "title: 取組状況").workbook?.achievements)
        #expect(decoded.title == "取組状況" && decoded.countLine == AchievementsLayout().countLine)
    }

    static let statuses = [ReportLayout.Status(label: "実施済", key: "done"), ReportLayout.Status(label: "予算計上", key: "budgeted")]

    @Test func countLineListsTheStatusesInLayoutOrder() {
        var layout = AchievementsLayout()
        let counts = StatusCounts(total: 6, byStatus: [5, 0], withoutStatus: 1)
        #expect(layout.countLine(counts, statuses: Self.statuses) == "取組 6件（実施済 5件、状況未記入 1件）")
        layout.showZeroCounts = true
        #expect(layout.countLine(counts, statuses: Self.statuses) == "取組 6件（実施済 5件、予算計上 0件、状況未記入 1件）")
        layout.showZeroCounts = false
        #expect(layout.countLine(StatusCounts(total: 0, byStatus: [0, 0], withoutStatus: 0), statuses: Self.statuses) == "取組 0件")
        layout.countLine = "{statuses} 計{count}件"
        layout.statusCount = "{label}{count}"
        layout.separator = "/"
        #expect(layout.countLine(StatusCounts(total: 3, byStatus: [1, 2], withoutStatus: 0), statuses: Self.statuses)
                == "実施済1/予算計上2 計3件")
    }

    @Test func areaHeadingFillsNumberAndTitle() {
        let area = PlanNode(id: NodeID([4]), number: "4", title: "防災力のさらなる強化!")
        #expect(AchievementsLayout().heading(of: area) == "4. 防災力のさらなる強化!")
    }
}
