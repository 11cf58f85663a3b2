import TableIO

/// One problem found in the inputs: a row of `reconciliation.csv` and of the `照合結果` sheet.
public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
        case error, warning, info
        var rank: Int { Severity.allCases.firstIndex(of: self)! }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        /// The word a department reads.
        public var japanese: String {
            switch self { case .error: "エラー"; case .warning: "警告"; case .info: "情報" }
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var location: SourceLocation?
    public var measureID: String
    public var department: String
    public var message: String

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation? = nil,
                measureID: String = "", department: String = "", _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.measureID = measureID
        self.department = department
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case severity, code, location, measureID = "measure_id", department, message, line
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        severity = try container.decode(Severity.self, forKey: .severity)
        code = try container.decode(DiagnosticCode.self, forKey: .code)
        location = try container.decodeIfPresent(SourceLocation.self, forKey: .location)
        measureID = try container.decodeIfPresent(String.self, forKey: .measureID) ?? ""
        department = try container.decodeIfPresent(String.self, forKey: .department) ?? ""
        message = try container.decode(String.self, forKey: .message)
    }

    /// The stored fields and `line`, the text the CLI prints (read back, `line` is ignored).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(location, forKey: .location)
        try container.encode(measureID, forKey: .measureID)
        try container.encode(department, forKey: .department)
        try container.encode(message, forKey: .message)
        try container.encode(line, forKey: .line)
    }

    /// `エラー 行政監理室.xlsx 提出票!F12: 評価は0〜10の整数で入力してください（入力値: 11）`
    public var line: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(severity.japanese) \(place)\(message)"
    }
}

/// Stable machine-readable codes, one per kind of problem (the `code` column).
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    case fileUnreadable = "file.unreadable"
    case fileIgnored = "file.ignored"
    case mixedEncoding = "file.mixed_encoding"
    case sheetSkipped = "sheet.skipped"
    case headerMissing = "header.missing"
    case columnMissing = "column.missing"
    case columnIgnored = "column.ignored"
    case cellsOutsideHeader = "row.cells_outside_header"
    case mergedCells = "sheet.merged_cells"
    case departmentMissing = "department.missing"
    case departmentUnassigned = "department.unassigned"
    case departmentNoSubmission = "department.no_submission"
    case yearInvalid = "year.invalid"
    case yearOther = "year.other"
    case yearMismatch = "year.mismatch"
    case yearMissing = "year.missing"
    case dateInvalid = "date.invalid"
    case measureMissing = "measure.missing"
    case measureUnknown = "measure.unknown"
    case measureTitleUnmatched = "measure.title_unmatched"
    case measureUnreported = "measure.unreported"
    case measureMatchedByTitle = "measure.matched_by_title"
    case ratingInvalid = "rating.invalid"
    case ratingMissing = "rating.missing"
    case ratingStars = "rating.stars"
    case kpiNotComputable = "kpi.not_computable"
    case statusInvalid = "status.invalid"
    case activityMissing = "activity.missing"
    case activityDuplicate = "activity.duplicate"
    case submissionSuperseded = "submission.superseded"
    case submissionUndated = "submission.undated_duplicate"
    case submissionSameDate = "submission.same_date"
    case previousYear = "previous.unusable"
    case planInvalid = "plan.invalid"
    case auditUnmatched = "audit.unmatched"
    case auditNoFigures = "audit.no_figures"
    case textFormulaLike = "text.formula_like"
    case outputUnencodable = "output.unencodable"
    case textTooLongForCell = "text.too_long_for_cell"
}
