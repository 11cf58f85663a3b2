import Foundation

/// The server's own picture of the round, independent of the library's types: everything but
/// RoundEngine.swift speaks these, so that a change of the library's API stays in one file.

/// One problem found in a file, as a clerk reads it.
public struct Problem: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable, CaseIterable {
        case error, warning, info

        /// The word a department reads.
        public var japanese: String {
            switch self { case .error: "エラー"; case .warning: "警告"; case .info: "情報" }
        }
    }

    public var severity: Severity
    public var code: String
    /// The file as the clerk named it (never the server's stored name).
    public var file: String
    public var sheet: String
    public var cell: String
    public var measureID: String
    public var department: String
    public var message: String

    /// `エラー 財政課.xlsx 提出票!F12: 評価は…` — the line `check` prints.
    public var line: String {
        var place = file
        if !sheet.isEmpty { place += " " + sheet }
        if !cell.isEmpty { place += "!" + cell }
        return "\(severity.japanese) " + (place.isEmpty ? "" : place + ": ") + message
    }
}

/// What the check of one uploaded file said.
public struct CheckSummary: Sendable {
    public var problems: [Problem]
    /// The departments the file's rows (or its 部署名 label) name, as the plan spells them when it
    /// knows them.
    public var departments: [String]
    public var activityCount: Int
    /// A refusal of the whole check (the plan cannot be read), in Japanese.
    public var refusal: String?

    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
    public var warningCount: Int { problems.filter { $0.severity == .warning }.count }
    public var isClean: Bool { refusal == nil && errorCount == 0 }
}

/// A department of the plan and the measures the plan gives it.
public struct DepartmentInfo: Sendable, Equatable {
    public var name: String
    public var measures: [MeasureInfo]
}

public struct MeasureInfo: Sendable, Equatable {
    public var id: String
    public var title: String
}

/// 総括表 as it stands: one row per policy and pledge, then 全体, one column per year shown.
public struct Figures: Sendable {
    public struct Row: Sendable {
        /// `I`, `I-1`; `overall` for 全体.
        public var id: String
        public var number: String
        public var title: String
        public var isPolicy: Bool
        public var isOverall: Bool
        /// The figure text per year shown (`89`, `74.8`), "" when the year has none.
        public var values: [String]
        /// The same figures as numbers, for the chart.
        public var numbers: [Double?]
    }

    public var yearLabels: [String]
    public var rows: [Row]
    /// Headlines of a layout with its own scheme (`令和5年度 全体 達成と順調 (%): 90.4`).
    public var headlines: [String]
    public var problems: [Problem]
    /// Why there are no figures (errors in the round), in Japanese.
    public var refusal: String?
}

/// How a merge run ended.
public struct RunResult: Sendable, Codable {
    public var succeeded: Bool
    /// Why nothing was written, in Japanese.
    public var refusal: String?
    /// The file names written into --out, in the order merge lists them.
    public var written: [String]
    public var problems: [Problem]
    public var headline: String?
    /// What the office must know before publishing (open data naming no municipality); optional,
    /// so that runs recorded before it existed still decode.
    public var notice: String?
}

/// Where a merge run is, for the progress bar: the stage a clerk reads, and how far, 0–100.
public struct RunProgress: Sendable, Equatable {
    public var stage: String
    public var percent: Int

    public init(stage: String, percent: Int) {
        self.stage = stage
        self.percent = min(max(percent, 0), 100)
    }

    public static let preparing = RunProgress(stage: "提出ファイルをそろえています", percent: 0)
    public static let saving = RunProgress(stage: "出力を保存しています", percent: 95)
    public static let done = RunProgress(stage: "完了", percent: 100)
}
