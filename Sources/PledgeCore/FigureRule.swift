/// One figure a layout's report shows, per level: the mean of points (the Tomakomai cascade, with
/// its digits and rounded-or-exact children, or the mean over the items), the items per grade, the
/// share of the items at or above a grade or in a set of grades, or the number of items evaluated.
public struct FigureRule: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Mean of points × `scale`, cascaded level by level as `AveragingRules` says (or over the items, `meanOf`).
        case mean
        /// Evaluations per grade (one figure per grade; a range scheme counts each number; under
        /// `combine: mean` every evaluator's evaluation counts).
        case count
        /// Percentage of the items evaluated whose evaluation is at or above the grade `atLeast`.
        case share
        /// Percentage of the items evaluated whose evaluation is one of `grades` (△ alone, or 達成 and 順調).
        case shareOf = "share_of"
        /// Items evaluated (a grade outside the count and a KPI not yet measured are not).
        case items
        /// Mean of the KPIs' achievement rates (%), cascaded as `mean` is.
        case achievement
    }

    /// What a level's mean is the mean of.
    public enum MeanOf: String, Sendable, Equatable, Codable {
        /// Its children's figures (a policy: the mean of its pledges' figures), as Tomakomai prints.
        case children
        /// Every item under it alike (a policy: the mean over all its measures).
        case items
    }

    public var kind: Kind
    /// The evaluator's key; empty = every evaluator (or the combined series of a `mean` scheme).
    public var evaluator: String
    /// For `share`: the lowest grade (key or label) that counts.
    public var atLeast: String
    /// For `share_of`: the grades (keys or labels) that count.
    public var grades: [String]
    /// The levels that show the figure: `policy`, `pledge`, `measure`, `overall`.
    public var levels: [String]
    /// For `mean`: display units per point (10: 0–10 → %, 20: 0–5 → 100 points).
    public var scale: Int
    /// Decimals per level from the top (index 0 = policies), and of the overall figure.
    public var levelDigits: [Int]
    public var overallDigits: Int
    /// For `mean`: whether a level averages its children's rounded figures (as published) or the exact ones.
    public var averageRoundedChildren: Bool
    /// For `mean` and `achievement`: a level's mean over its children's figures or over its items.
    public var meanOf: MeanOf
    /// The workbook's column heading; `{evaluator}` is the evaluator's heading, `{grade}` the grade's
    /// label, `{denominator}` what a share is out of.
    public var heading: String

    public init(kind: Kind, evaluator: String = "", atLeast: String = "", grades: [String] = [], levels: [String] = ["policy", "overall"],
                scale: Int = 1, levelDigits: [Int] = [1, 1, 1], overallDigits: Int = 1, averageRoundedChildren: Bool = true,
                meanOf: MeanOf = .children, heading: String = "") {
        self.kind = kind
        self.evaluator = evaluator
        self.atLeast = atLeast
        self.grades = grades
        self.levels = levels
        self.scale = scale
        self.levelDigits = levelDigits
        self.overallDigits = overallDigits
        self.averageRoundedChildren = averageRoundedChildren
        self.meanOf = meanOf
        self.heading = heading
    }

    public func digits(atLevel level: Int) -> Int { level < levelDigits.count ? levelDigits[level] : 0 }

    public var isShare: Bool { kind == .share || kind == .shareOf }
}
