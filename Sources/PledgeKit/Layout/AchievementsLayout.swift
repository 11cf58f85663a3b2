/// The achievements style's settings (the Ageo report), read from `workbook.achievements` in
/// `layout.yaml`. Every key is optional. `{year}` is replaced by the fiscal year's label, `{no}` by an
/// area's number, `{title}` by its title, `{label}` by a status's label, `{count}` by a count.
/// Row heights follow the texts (estimated, as libxlsxwriter cannot measure text).
public struct AchievementsLayout: Sendable, Equatable, Codable {
    public var sheetName = "取組状況"
    public var title = "市長公約に係る取組状況"
    /// Lines under the title (a slogan, a paragraph), each in its own merged, wrapped row.
    public var lead: [String] = []
    /// An area's heading row.
    public var areaHeading = "{no}. {title}"
    /// The bullet in front of every achievement.
    public var bullet = "・"
    /// The heading of the achievements column and of the status column (the header row repeated on every page).
    public var itemHeading = "取組内容"
    public var statusHeading = "状況"
    /// Whether each achievement's status is printed beside it (the counts are always shown).
    public var showStatus = true
    /// The per-area count line, e.g. `件数 {count}件（実施済 5件、実施中 1件）`: `{count}` is the area's
    /// total and `{statuses}` the counts by status, each written with `statusCount` and joined by `separator`.
    public var countLine = "取組 {count}件（{statuses}）"
    public var statusCount = "{label} {count}件"
    public var separator = "、"
    /// Whether a status with no item in an area still appears in the count line (as 0件).
    public var showZeroCounts = false
    /// How items without a status are counted in the count line (only when there are some).
    public var noStatusLabel = "状況未記入"
    /// What an area nobody reported on shows.
    public var emptyAreaText = "（報告なし）"
    /// A second sheet: the counts by area and status as a table of numbers; an empty name omits it.
    public var countSheetName = "状況別件数"
    public var countSheetTitle = "分野別・状況別の取組件数（{year}）"
    public var areaNumberHeading = "No."
    public var areaTitleHeading = "分野"
    public var totalHeading = "計"
    public var totalLabel = "合計"
    /// Widths in Excel's character units: achievements (and area titles), status; on the count
    /// sheet the area number, area title and each count column.
    public var itemWidth = 80.0
    public var statusWidth = 10.0
    public var numberWidth = 5.0
    public var areaTitleWidth = 62.0
    public var countWidth = 9.0

    public init() {}

    public init(from decoder: Decoder) throws {
        // Unknown keys are refused for every section in one place, LayoutFile.checkKeys.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AchievementsLayout()
        sheetName = try c.decodeIfPresent(String.self, forKey: .sheetName) ?? d.sheetName
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? d.title
        lead = try c.decodeIfPresent([String].self, forKey: .lead) ?? d.lead
        areaHeading = try c.decodeIfPresent(String.self, forKey: .areaHeading) ?? d.areaHeading
        bullet = try c.decodeIfPresent(String.self, forKey: .bullet) ?? d.bullet
        itemHeading = try c.decodeIfPresent(String.self, forKey: .itemHeading) ?? d.itemHeading
        statusHeading = try c.decodeIfPresent(String.self, forKey: .statusHeading) ?? d.statusHeading
        showStatus = try c.decodeIfPresent(Bool.self, forKey: .showStatus) ?? d.showStatus
        countLine = try c.decodeIfPresent(String.self, forKey: .countLine) ?? d.countLine
        statusCount = try c.decodeIfPresent(String.self, forKey: .statusCount) ?? d.statusCount
        separator = try c.decodeIfPresent(String.self, forKey: .separator) ?? d.separator
        showZeroCounts = try c.decodeIfPresent(Bool.self, forKey: .showZeroCounts) ?? d.showZeroCounts
        noStatusLabel = try c.decodeIfPresent(String.self, forKey: .noStatusLabel) ?? d.noStatusLabel
        emptyAreaText = try c.decodeIfPresent(String.self, forKey: .emptyAreaText) ?? d.emptyAreaText
        countSheetName = try c.decodeIfPresent(String.self, forKey: .countSheetName) ?? d.countSheetName
        countSheetTitle = try c.decodeIfPresent(String.self, forKey: .countSheetTitle) ?? d.countSheetTitle
        areaNumberHeading = try c.decodeIfPresent(String.self, forKey: .areaNumberHeading) ?? d.areaNumberHeading
        areaTitleHeading = try c.decodeIfPresent(String.self, forKey: .areaTitleHeading) ?? d.areaTitleHeading
        totalHeading = try c.decodeIfPresent(String.self, forKey: .totalHeading) ?? d.totalHeading
        totalLabel = try c.decodeIfPresent(String.self, forKey: .totalLabel) ?? d.totalLabel
        itemWidth = try c.decodeIfPresent(Double.self, forKey: .itemWidth) ?? d.itemWidth
        statusWidth = try c.decodeIfPresent(Double.self, forKey: .statusWidth) ?? d.statusWidth
        numberWidth = try c.decodeIfPresent(Double.self, forKey: .numberWidth) ?? d.numberWidth
        areaTitleWidth = try c.decodeIfPresent(Double.self, forKey: .areaTitleWidth) ?? d.areaTitleWidth
        countWidth = try c.decodeIfPresent(Double.self, forKey: .countWidth) ?? d.countWidth
    }
}
