import PledgeCore
import TableIO

/// One printed figure that is wrong: what it is, where it is printed, what it says, what it
/// should say and why. A figure wrong for several reasons is one finding with every reason.
public struct AuditFinding: Sendable, Equatable, Encodable {
    /// `政策Ⅲ 令和2年度`, `公約Ⅲ-1 令和2年度`, `施策Ⅲ-1-1の★ 令和2年度`, `全体 令和2年度`.
    public var figure: String
    public var id: String
    public var year: FiscalYear
    public var location: SourceLocation
    public var printed: String
    public var expected: String
    public var reasons: [String]

    private enum CodingKeys: String, CodingKey { case figure, id, year, location, printed, expected, reasons, line }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(figure, forKey: .figure)
        try container.encode(id, forKey: .id)
        try container.encode(YearJSON(year: year), forKey: .year)
        try container.encode(location, forKey: .location)
        try container.encode(printed, forKey: .printed)
        try container.encode(expected, forKey: .expected)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(line, forKey: .line)
    }

    /// The line a clerk reads: `市長公約….xlsx 取組状況!C40 政策Ⅲ 令和2年度: 印刷 88、正しくは 89（…）`.
    public var line: String {
        "\(location) \(figure): 印刷 \(printed)、正しくは \(expected)（\(reasons.joined(separator: "。"))）"
    }

    public static let csvHeader = ["figure", "id", "fiscal_year", "fiscal_year_label", "file", "sheet", "cell",
                                   "printed", "expected", "reason"]

    public var csvRow: [String] {
        [figure, id, String(year.year), year.label, location.file, location.sheet ?? "", location.cell,
         printed, expected, reasons.joined(separator: "。")]
    }
}
