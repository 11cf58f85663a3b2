/// The achievements style's settings (the Ageo report): filled in by the Ageo layout work.
public struct AchievementsLayout: Sendable, Equatable, Codable {
    public var sheetName = "取組状況"
    public var title = "市長公約に係る取組状況"

    public init() {}
}
