/// How much of the term the summary shows: the `history:` section of `layout.yaml`.
/// Every key is optional; the defaults show every year given (up to a four-year term) and
/// keep the seed's plain two-column table when only last year is given.
public struct HistoryLayout: Sendable, Equatable, Codable {
    /// Years shown side by side, this year included; only the years actually given are shown.
    public var yearsShown: Int = 4
    /// The change-since-last-year column (▲/▼ and points). Absent: shown only when more than two
    /// years are shown, so that a two-year report stays the seed's table.
    public var changeColumn: Bool?
    public var changeHeading: String = "前年度比 (ポイント)"
    public var riseMark: String = "▲"
    public var fallMark: String = "▼"
    public var unchangedMark: String = "±"

    public init() {}

    /// Whether the summary carries the change column for this many years.
    public func showsChange(yearCount: Int) -> Bool {
        yearCount >= 2 && (changeColumn ?? (yearCount > 2))
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HistoryLayout()
        yearsShown = try c.decodeIfPresent(Int.self, forKey: .yearsShown) ?? d.yearsShown
        changeColumn = try c.decodeIfPresent(Bool.self, forKey: .changeColumn) ?? d.changeColumn
        changeHeading = try c.decodeIfPresent(String.self, forKey: .changeHeading) ?? d.changeHeading
        riseMark = try c.decodeIfPresent(String.self, forKey: .riseMark) ?? d.riseMark
        fallMark = try c.decodeIfPresent(String.self, forKey: .fallMark) ?? d.fallMark
        unchangedMark = try c.decodeIfPresent(String.self, forKey: .unchangedMark) ?? d.unchangedMark
        if yearsShown < 1 {
            throw DecodingError.dataCorruptedError(forKey: .yearsShown, in: c,
                                                   debugDescription: "history.yearsShown は1以上です（\(yearsShown)）。")
        }
    }
}
