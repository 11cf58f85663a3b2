/// How a city scores its pledges: what a department may write in an evaluation cell, and which
/// columns (evaluators) carry one. Tomakomai's 0–10 rating and Ageo's plain status are two
/// instances (`tenLevels`, `unrated`); other cities describe theirs in `layout.yaml`.
public struct EvaluationScheme: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// Whole numbers between `minimum` and `maximum` (0–10, 1–5, 0–5); each number is its points.
        case range
        /// An ordered list of grades, best first (A–E, ◎○△×, 達成…未着手), each with optional points.
        case grades
        /// Outcome targets: each row a target, an actual value, a direction and perhaps a baseline; the
        /// achievement rate (by the formula `kpi` chooses per direction) falls in one of the grades,
        /// which are bands by `minimumPercent` (A ≥ 100 %, B ≥ 90 % …), best first. KPI.swift.
        case kpi
        /// No evaluation: activities carry a status only (Ageo).
        case none
    }

    public var kind: Kind
    public var minimum: Int
    public var maximum: Int
    /// Whether star glyphs (`★★★★★★★☆☆☆`, the count of ★) are read as a number (Tomakomai).
    public var acceptsStars: Bool
    public var grades: [Grade]
    /// The columns that carry an evaluation, in the order they are shown (self, external, a panel).
    public var evaluators: [Evaluator]
    /// How several evaluators' points make one figure.
    public var combine: Combine
    /// How a KPI's achievement rate is computed (a `kpi` scheme or evaluator).
    public var kpi: KPIRules

    public enum Combine: String, Sendable, Equatable, Codable {
        /// Each evaluator is its own series (Ebina: self beside external).
        case separate
        /// One series: the mean of every evaluator's points (a panel averaged, Yokosuka).
        case mean
    }

    public init(kind: Kind, minimum: Int = 0, maximum: Int = 10, acceptsStars: Bool = false, grades: [Grade] = [],
                evaluators: [Evaluator] = [Evaluator.rating], combine: Combine = .separate, kpi: KPIRules = KPIRules()) {
        self.kind = kind
        self.minimum = minimum
        self.maximum = maximum
        self.acceptsStars = acceptsStars
        self.grades = grades
        self.evaluators = evaluators
        self.combine = combine
        self.kpi = kpi
    }

    /// The scheme one evaluator's column is read and counted by: its own kind, range or grades when
    /// it names them (a committee's 1–5 beside the department's own A–D), else the scheme's. The
    /// combined series ("") and an unknown key are the scheme itself.
    public func scale(for key: String) -> EvaluationScheme {
        guard let evaluator = evaluators.first(where: { $0.key == key }) else { return self }
        var own = self
        own.evaluators = [evaluator]
        guard evaluator.hasOwnScale else { return own }
        let ownKind = evaluator.kind ?? kind
        own.kind = ownKind
        own.minimum = evaluator.minimum ?? (ownKind == kind ? minimum : 1)
        own.maximum = evaluator.maximum ?? (ownKind == kind ? maximum : 5)
        own.acceptsStars = ownKind == kind && acceptsStars
        own.grades = evaluator.grades ?? (ownKind == kind ? grades : [])
        return own
    }

    /// Tomakomai: one rating 0–10, stars accepted.
    public static let tenLevels = EvaluationScheme(kind: .range, minimum: 0, maximum: 10, acceptsStars: true)
    /// Ageo: no evaluation.
    public static let unrated = EvaluationScheme(kind: .none, evaluators: [])

    public var isEvaluated: Bool { kind != .none }

    /// What may be written, for a clerk: `0〜10の整数`, `「A」「B」「C」のいずれか`.
    public var allowedValues: String {
        switch kind {
        case .range: "\(minimum)〜\(maximum)の整数"
        case .grades: "「" + grades.map(\.label).joined(separator: "」「") + "」のいずれか"
        case .kpi: "0以上の数値"
        case .none: ""
        }
    }

    /// Reads one evaluation cell; nil when the text is not a value of the scheme.
    public func read(_ text: String) -> Evaluation? {
        let value = Normalize.compact(text)
        switch kind {
        case .range:
            if acceptsStars && Stars.isGlyphs(value) {
                guard value.count <= maximum else { return nil }
                let stars = value.filter { $0 == "★" }.count
                return (minimum...maximum).contains(stars) ? Evaluation(label: String(stars), points: stars) : nil
            }
            guard let number = Rational(decimal: value), number.denominator == 1, let whole = Int(exactly: number.numerator),
                  (minimum...maximum).contains(whole)
            else { return nil }
            return Evaluation(label: String(whole), points: whole)
        case .grades:
            let key = Normalize.key(value)
            guard let index = grades.firstIndex(where: { grade in ([grade.label] + grade.symbols).contains { Normalize.key($0) == key } })
            else { return nil }
            return Evaluation(label: grades[index].label, points: grades[index].points, grade: index)
        case .kpi, .none:
            return nil
        }
    }
}

/// One grade of an ordered scheme.
public struct Grade: Sendable, Equatable, Codable {
    /// What departments write and the report prints (`達成`, `A`, `○`).
    public var label: String
    /// The English physical name in the open data (`achieved`).
    public var key: String
    /// Other spellings read as this grade (`◎` for `達成`); full-width and half-width are alike anyway.
    public var symbols: [String]
    /// Points for a mean (`A` = 5); nil when the grade is only counted.
    public var points: Int?
    /// A KPI band's lower bound in percent (A: 100 means ≥ 100 %); nil for the last band (everything below).
    public var minimumPercent: Int?
    /// False for a grade outside the count (「−」評価対象外): written and counted per grade, but out
    /// of the items evaluated, every share's denominator and every mean.
    public var counted: Bool

    public init(label: String, key: String, symbols: [String] = [], points: Int? = nil, minimumPercent: Int? = nil,
                counted: Bool = true) {
        self.label = label
        self.key = key
        self.symbols = symbols
        self.points = points
        self.minimumPercent = minimumPercent
        self.counted = counted
    }
}

/// A column that carries an evaluation (self-evaluation, external evaluation, one panel member).
public struct Evaluator: Sendable, Equatable, Codable {
    /// The English physical name in the open data (`self`, `external`).
    public var key: String
    /// The column heading in the template and the workbook (`自己評価`).
    public var heading: String
    /// Other headings a department's file may use for this column.
    public var aliases: [String]
    /// The evaluator's own kind, range and grades, when they differ from the scheme's (nil: the scheme's).
    public var kind: EvaluationScheme.Kind?
    public var minimum: Int?
    public var maximum: Int?
    public var grades: [Grade]?

    public init(key: String, heading: String, aliases: [String] = [], kind: EvaluationScheme.Kind? = nil,
                minimum: Int? = nil, maximum: Int? = nil, grades: [Grade]? = nil) {
        self.key = key
        self.heading = heading
        self.aliases = aliases
        self.kind = kind
        self.minimum = minimum
        self.maximum = maximum
        self.grades = grades
    }

    public var hasOwnScale: Bool { kind != nil || minimum != nil || maximum != nil || grades != nil }

    /// The single rating column of the built-in schemes (its headings are the submission's rating aliases).
    public static let rating = Evaluator(key: "rating", heading: "評価")
}

/// An evaluation as read from a cell: the value printed, its points and its grade.
public struct Evaluation: Sendable, Equatable {
    /// The evaluator's key (`self`); set by the reader of the row.
    public var evaluator: String
    /// The canonical value (`7`, `達成`).
    public var label: String
    public var points: Int?
    /// The grade's index in the scheme (0 = best), for a graded scheme.
    public var grade: Int?
    /// A KPI's achievement rate in percent, exact.
    public var achievement: Rational?
    /// A KPI's target, actual value, baseline, unit and direction as read.
    public var target: Rational?
    public var actual: Rational?
    public var baseline: Rational?
    public var unit = ""
    public var lowerIsBetter = false
    /// A KPI whose actual value is not in yet: kept in every output with its target, out of every figure.
    public var notYetMeasured = false

    public init(evaluator: String = "", label: String, points: Int? = nil, grade: Int? = nil) {
        self.evaluator = evaluator
        self.label = label
        self.points = points
        self.grade = grade
    }
}

extension Stars {
    /// Whether a value is written as star glyphs (spaces aside) rather than as a number.
    public static func isGlyphs(_ text: String) -> Bool {
        let value = Normalize.compact(text)
        return !value.isEmpty && value.allSatisfy { $0 == "★" || $0 == "☆" }
    }
}
