import PledgeCore
import TableIO

/// A column known by an English name and Japanese aliases, matched after NFKC, ignoring spaces
/// and case (`評 価`, `ＩＤ` and `Rating` all match).
public struct ColumnSpec: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    /// The names' keys, normalised once: a header search may look at 40 rows of 16,384 cells.
    private let keys: Set<String>

    public init(_ name: String, _ aliases: [String]) {
        self.name = name
        self.aliases = aliases
        keys = Set(([name] + aliases).map(Normalize.key))
    }

    func matches(_ header: String) -> Bool {
        keys.contains(Normalize.key(header))
    }

    func matches(key: String) -> Bool { keys.contains(key) }
}

/// Where each known column sits in a header row (1-based columns).
public struct HeaderMap: Sendable {
    public let row: Int
    public private(set) var columns: [String: Int] = [:]
    public let width: Int

    /// Maps a header row; the first matching cell wins, unknown headers are ignored.
    public init(row: Row, specs: [ColumnSpec]) {
        self.row = row.number
        var width = 0
        for (offset, header) in row.values.enumerated() {
            if !header.trimmingCharacters(in: .whitespaces).isEmpty { width = offset + 1 }
            let key = Normalize.key(header)
            guard let spec = specs.first(where: { $0.matches(key: key) }), columns[spec.name] == nil else { continue }
            columns[spec.name] = offset + 1
        }
        self.width = width
    }

    public subscript(name: String) -> Int? { columns[name] }
    public func has(_ name: String) -> Bool { columns[name] != nil }

    public func value(_ name: String, in row: Row) -> String {
        columns[name].map { row[$0] } ?? ""
    }
}

public enum Columns {
    public static let policyNo = ColumnSpec("policy_no", ["基本政策番号", "政策番号", "分野番号"])
    public static let policyTitle = ColumnSpec("policy_title", ["基本政策", "政策", "分野"])
    public static let pledgeNo = ColumnSpec("pledge_no", ["公約番号"])
    public static let pledgeTitle = ColumnSpec("pledge_title", ["公約", "公約内容"])
    public static let measureNo = ColumnSpec("measure_no", ["施策番号"])
    public static let measureTitle = ColumnSpec("measure_title", ["施策", "施策内容"])
    public static let departments = ColumnSpec("departments", ["担当部署", "担当課"])
    public static let planColumns = [policyNo, policyTitle, pledgeNo, pledgeTitle, measureNo, measureTitle, departments]

    public static let measureID = ColumnSpec("measure_id", ["施策ID", "施策番号", "ID", "番号"])
    public static let submissionMeasureTitle = ColumnSpec("measure_title", ["施策内容", "施策"])
    public static let department = ColumnSpec("department", ["担当部署", "部署", "部署名", "担当課"])
    public static let activity = ColumnSpec("activity", ["取組事業内容", "取組内容", "取組", "取組事業", "実績", "指標名", "指標"])
    public static let rating = ColumnSpec("rating", ["評価", "自己評価", "10段階評価", "進捗評価", "5段階評価", "段階評価", "進捗区分"])
    public static let status = ColumnSpec("status", ["状況", "進捗状況"])
    public static let fiscalYear = ColumnSpec("fiscal_year", ["年度"])
    public static let note = ColumnSpec("note", ["備考"])
    /// A KPI row's target (scheme `kind: kpi`): with the activity (指標名) it makes a header row.
    public static let kpiTarget = ColumnSpec("target", ["目標値", "目標"])
    public static let submissionColumns = [measureID, submissionMeasureTitle, department, activity, rating, status, fiscalYear, note,
                                           kpiTarget]

    /// Labels above the header row whose value is in the cell to their right.
    public static let departmentLabel = ColumnSpec("department", ["部署名", "担当部署", "部署", "担当課"])
    public static let yearLabel = ColumnSpec("fiscal_year", ["年度", "対象年度"])
    public static let dateLabel = ColumnSpec("submitted", ["提出日", "提出年月日"])
}
