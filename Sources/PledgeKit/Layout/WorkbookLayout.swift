/// The official workbook's texts and look, read from the `workbook:` section of `layout.yaml`.
/// Every key is optional; the defaults reproduce the Tomakomai report. `{year}` in a text is
/// replaced by the fiscal year's label (`令和2年度`), `{previous}` by the previous year's.
public struct WorkbookLayout: Sendable, Equatable, Codable {
    public enum Style: String, Sendable, Equatable, Codable {
        /// Ratings and percentages: 総括表 + 取組状況 with stars (Tomakomai); under a layout's own
        /// scheme the same two sheets show its figures and evaluations (FiguresWorkbook).
        case ratings
        /// Achievements listed under policy areas, counted by status (Ageo).
        case achievements
    }

    public var style: Style = .ratings
    public var fileName: String = "市長公約取組状況.xlsx"
    /// The document title (file properties) and the organisation that publishes it.
    public var documentTitle: String = "市長公約の取組状況（{year}）"
    public var organisation: String = ""
    /// A Japanese font every sheet uses.
    public var fontName: String = "ＭＳ Ｐゴシック"
    public var fontSize: Double = 10
    public var summary: SummarySheetLayout = .init()
    public var detail: DetailSheetLayout = .init()
    public var chart: ChartLayout = .init()
    public var reconciliationSheet: String = "照合結果"
    /// What the workbook shows for a measure nobody reported on (the CSV leaves it empty).
    public var unreportedLabel: String = "未提出"
    /// The achievements style's own settings (Ageo).
    public var achievements: AchievementsLayout = .init()

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = WorkbookLayout()
        style = try c.decodeIfPresent(Style.self, forKey: .style) ?? d.style
        fileName = try c.decodeIfPresent(String.self, forKey: .fileName) ?? d.fileName
        documentTitle = try c.decodeIfPresent(String.self, forKey: .documentTitle) ?? d.documentTitle
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation) ?? d.organisation
        fontName = try c.decodeIfPresent(String.self, forKey: .fontName) ?? d.fontName
        fontSize = try c.decodeIfPresent(Double.self, forKey: .fontSize) ?? d.fontSize
        summary = try c.decodeIfPresent(SummarySheetLayout.self, forKey: .summary) ?? d.summary
        detail = try c.decodeIfPresent(DetailSheetLayout.self, forKey: .detail) ?? d.detail
        chart = try c.decodeIfPresent(ChartLayout.self, forKey: .chart) ?? d.chart
        reconciliationSheet = try c.decodeIfPresent(String.self, forKey: .reconciliationSheet) ?? d.reconciliationSheet
        unreportedLabel = try c.decodeIfPresent(String.self, forKey: .unreportedLabel) ?? d.unreportedLabel
        achievements = try c.decodeIfPresent(AchievementsLayout.self, forKey: .achievements) ?? d.achievements
    }
}

/// 総括表: policies and pledges with one percentage column per fiscal year shown.
public struct SummarySheetLayout: Sendable, Equatable, Codable {
    public var sheetName = "総括表"
    public var title = "I 市長公約取組状況総括表"
    public var lead = "{year}末における公約の進捗状況を、構成する各施策の平均値で示しています。"
    public var categoryHeading = "施策区分"
    public var progressHeading = "進捗状況"
    /// One column heading per year shown.
    public var yearHeading = "{label} (%)"
    public var overallLabel = "全体"
    /// Widths in Excel's character units: number, title, then each year column.
    public var numberWidth = 5.0
    public var titleWidth = 62.0
    public var yearWidth = 13.0

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SummarySheetLayout()
        sheetName = try c.decodeIfPresent(String.self, forKey: .sheetName) ?? d.sheetName
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? d.title
        lead = try c.decodeIfPresent(String.self, forKey: .lead) ?? d.lead
        categoryHeading = try c.decodeIfPresent(String.self, forKey: .categoryHeading) ?? d.categoryHeading
        progressHeading = try c.decodeIfPresent(String.self, forKey: .progressHeading) ?? d.progressHeading
        yearHeading = try c.decodeIfPresent(String.self, forKey: .yearHeading) ?? d.yearHeading
        overallLabel = try c.decodeIfPresent(String.self, forKey: .overallLabel) ?? d.overallLabel
        numberWidth = try c.decodeIfPresent(Double.self, forKey: .numberWidth) ?? d.numberWidth
        titleWidth = try c.decodeIfPresent(Double.self, forKey: .titleWidth) ?? d.titleWidth
        yearWidth = try c.decodeIfPresent(Double.self, forKey: .yearWidth) ?? d.yearWidth
    }
}

/// 取組状況: per policy, pledge and measure, the departments, the activities and the progress.
public struct DetailSheetLayout: Sendable, Equatable, Codable {
    public var sheetName = "取組状況"
    public var title = "Ⅱ 市長公約取組状況（{year}末の状況）"
    public var policyHeading = "基本政策"
    public var pledgeHeading = "公約内容"
    public var measureHeading = "施策内容"
    public var activityHeading = "取組事業内容({year})"
    public var departmentHeading = "担当部署"
    public var progressHeading = "進捗状況 (数値：%)"
    /// `政策Ⅰ`: the prefix before a policy's number.
    public var policyPrefix = "政策"
    /// Widths: content (titles and activities), departments, progress.
    public var contentWidth = 70.0
    public var departmentWidth = 22.0
    public var progressWidth = 14.0

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DetailSheetLayout()
        sheetName = try c.decodeIfPresent(String.self, forKey: .sheetName) ?? d.sheetName
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? d.title
        policyHeading = try c.decodeIfPresent(String.self, forKey: .policyHeading) ?? d.policyHeading
        pledgeHeading = try c.decodeIfPresent(String.self, forKey: .pledgeHeading) ?? d.pledgeHeading
        measureHeading = try c.decodeIfPresent(String.self, forKey: .measureHeading) ?? d.measureHeading
        activityHeading = try c.decodeIfPresent(String.self, forKey: .activityHeading) ?? d.activityHeading
        departmentHeading = try c.decodeIfPresent(String.self, forKey: .departmentHeading) ?? d.departmentHeading
        progressHeading = try c.decodeIfPresent(String.self, forKey: .progressHeading) ?? d.progressHeading
        policyPrefix = try c.decodeIfPresent(String.self, forKey: .policyPrefix) ?? d.policyPrefix
        contentWidth = try c.decodeIfPresent(Double.self, forKey: .contentWidth) ?? d.contentWidth
        departmentWidth = try c.decodeIfPresent(Double.self, forKey: .departmentWidth) ?? d.departmentWidth
        progressWidth = try c.decodeIfPresent(Double.self, forKey: .progressWidth) ?? d.progressWidth
    }
}

/// The column chart of policy progress, previous year beside this year.
public struct ChartLayout: Sendable, Equatable, Codable {
    public var sheetName = "グラフ"
    public var title = "市長公約取組 進捗状況"
    public var valueAxisTitle = "進捗状況 (%)"
    public var categoryAxisTitle = "基本政策"

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ChartLayout()
        sheetName = try c.decodeIfPresent(String.self, forKey: .sheetName) ?? d.sheetName
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? d.title
        valueAxisTitle = try c.decodeIfPresent(String.self, forKey: .valueAxisTitle) ?? d.valueAxisTitle
        categoryAxisTitle = try c.decodeIfPresent(String.self, forKey: .categoryAxisTitle) ?? d.categoryAxisTitle
    }
}
