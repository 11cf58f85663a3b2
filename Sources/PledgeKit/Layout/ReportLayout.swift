import Foundation
import PledgeCore
import Yams

/// A report style, read from `templates/<name>/layout.yaml`, so that a city with a different
/// report edits a file, not the code. Every key is optional; the defaults are the Tomakomai report.
public struct ReportLayout: Sendable, Equatable, Codable {
    public struct Status: Sendable, Equatable, Codable {
        /// What departments write (`予算計上`).
        public var label: String
        /// The English physical name used in the open data (`budgeted`).
        public var key: String
    }

    public var name: String = "tomakomai"
    /// Whether activities carry a 0–10 rating; false for an achievements report such as Ageo's.
    /// The two built-in schemes; a layout with a `scheme:` section has its own (and `rated` false).
    public var rated: Bool = true
    /// How activities are evaluated (SchemeLayout.swift): `rated: true` is the 0–10 scheme, `false` none.
    public var scheme: EvaluationScheme = .tenLevels
    /// The figures each level shows under the layout's own scheme (the built-in ones keep `averaging`).
    public var figures: [FigureRule] = []
    public var averaging: AveragingRules = .tomakomai
    /// Allowed statuses (an unrated plan's fixed vocabulary); empty allows any text.
    public var statuses: [Status] = []
    /// Whether the summary shows last year's figures beside this year's.
    public var showPreviousYear: Bool = true
    /// Decimals of a measure's score in `measures.csv`.
    public var scoreDigits: Int = 2
    /// The workbook layout (titles, headings, widths, fonts); `workbook: null` writes no workbook.
    public var workbook: WorkbookLayout? = WorkbookLayout()
    /// How many years of the term are shown, and the change column.
    public var history: HistoryLayout = .init()
    /// Who publishes the open data (PublicationLayout.swift); no municipality unless the layout names one.
    public var publication: PublicationLayout = PublicationLayout()

    public init() {}

    public static let tomakomai = ReportLayout()

    /// Whether the report's figures come from the layout's own scheme (`figures.csv`, the figures workbook).
    public var hasOwnScheme: Bool { !rated && scheme.isEvaluated }

    /// The headings of the own scheme's evaluator columns (KPIColumns for a KPI), for finding the header row.
    public var evaluationColumns: [ColumnSpec] {
        guard hasOwnScheme else { return [] }
        return Self.evaluatorColumns(scheme) + (scheme.kpiEvaluator != nil ? KPIColumns.all : [])
    }

    /// The columns of the evaluators that have one (a KPI evaluator is read from KPIColumns).
    static func evaluatorColumns(_ scheme: EvaluationScheme) -> [ColumnSpec] {
        scheme.evaluators.filter { scheme.scale(for: $0.key).kind != .kpi }.map { ColumnSpec($0.key, [$0.heading] + $0.aliases) }
    }

    public var reconcileRules: ReconcileRules {
        ReconcileRules(rated: rated, statuses: statuses.map(\.label), scheme: scheme)
    }

    /// Reads `layout.yaml` in a folder; every problem is a `LayoutError` in Japanese (see LayoutFile).
    public static func load(directory: URL) throws -> ReportLayout {
        try LayoutFile.load(directory.appendingPathComponent("layout.yaml"))
    }

    /// The layout a caller names: the built-in Tomakomai layout for nil, else the folder's
    /// `layout.yaml`; a layout that cannot be used is a refusal with `.invalidLayout`, whatever
    /// the caller (the CLI's exit 78, the server's start-up message).
    public static func resolve(_ directory: URL?) throws(Refusal) -> ReportLayout {
        guard let directory else { return .tomakomai }
        do {
            return try LayoutFile.load(directory.appendingPathComponent("layout.yaml"))
        } catch {
            throw Refusal(.invalidLayout, error.description)
        }
    }

    /// Every key optional: a key left out keeps its default. To add a section, add its property
    /// above (with its default) and one line here; LayoutFile then knows its keys by itself.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ReportLayout()
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? defaults.name
        rated = try c.decodeIfPresent(Bool.self, forKey: .rated) ?? defaults.rated
        if let own = try c.decodeIfPresent(LayoutScheme.self, forKey: .scheme) {
            scheme = own.scheme
            rated = false  // `rated` means the built-in 0–10 scheme; SchemeLayoutCheck refuses both keys together
        } else {
            scheme = rated ? .tenLevels : .unrated
        }
        figures = try c.decodeIfPresent([LayoutFigure].self, forKey: .figures)?.map(\.rule) ?? defaults.figures
        averaging = try c.decodeIfPresent(LayoutAveraging.self, forKey: .averaging)?.rules ?? defaults.averaging
        statuses = try c.decodeIfPresent([Status].self, forKey: .statuses) ?? defaults.statuses
        showPreviousYear = try c.decodeIfPresent(Bool.self, forKey: .showPreviousYear) ?? defaults.showPreviousYear
        scoreDigits = try c.decodeIfPresent(Int.self, forKey: .scoreDigits) ?? defaults.scoreDigits
        workbook = c.contains(.workbook) ? try c.decodeIfPresent(WorkbookLayout.self, forKey: .workbook) : defaults.workbook
        history = try c.decodeIfPresent(HistoryLayout.self, forKey: .history) ?? defaults.history
        publication = try c.decodeIfPresent(PublicationLayout.self, forKey: .publication) ?? defaults.publication
    }
}

public struct LayoutError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
