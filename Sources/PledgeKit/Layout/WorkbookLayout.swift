/// The official workbook's texts and look (issue 4 fills this in).
public struct WorkbookLayout: Sendable, Equatable, Codable {
    public var fileName: String = "市長公約取組状況.xlsx"
    public init() {}
}
