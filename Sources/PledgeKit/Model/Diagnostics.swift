import TableIO

/// Collects what every stage finds, so that one run reports all problems at once; the collected
/// severities decide the exit status (as swift-format's diagnostics engine does).
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func add(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public mutating func error(_ code: DiagnosticCode, at location: SourceLocation? = nil, measureID: String = "",
                               department: String = "", _ message: String) {
        add(Diagnostic(.error, code, at: location, measureID: measureID, department: department, message))
    }

    public mutating func warning(_ code: DiagnosticCode, at location: SourceLocation? = nil, measureID: String = "",
                                 department: String = "", _ message: String) {
        add(Diagnostic(.warning, code, at: location, measureID: measureID, department: department, message))
    }

    public mutating func info(_ code: DiagnosticCode, at location: SourceLocation? = nil, measureID: String = "",
                              department: String = "", _ message: String) {
        add(Diagnostic(.info, code, at: location, measureID: measureID, department: department, message))
    }

    public mutating func add(_ error: TableReadError) {
        self.error(.fileUnreadable, at: error.location, error.message)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var hasWarnings: Bool { all.contains { $0.severity == .warning } }
    public func count(_ severity: Diagnostic.Severity) -> Int { all.filter { $0.severity == severity }.count }

    /// Errors first, then by file, sheet, row, column: the order of `reconciliation.csv`.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.severity != b.severity { return a.severity < b.severity }
            let keyA = (a.location?.file ?? "", a.location?.sheet ?? "", a.location?.row ?? 0, a.location?.column ?? 0)
            let keyB = (b.location?.file ?? "", b.location?.sheet ?? "", b.location?.row ?? 0, b.location?.column ?? 0)
            if keyA != keyB { return keyA < keyB }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            if a.measureID != b.measureID { return a.measureID < b.measureID }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
