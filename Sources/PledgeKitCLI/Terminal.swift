import Foundation
import PledgeKit
import TableIO

/// The one printer of every command: diagnostics and refusals on stderr, results on stdout, each
/// line written at once (unbuffered), so that piped or redirected together they keep the order in
/// which they happened. Control characters are escaped here, once for every line printed
/// (`TerminalText`): messages quote cells and paths, and either may hold ESC or BEL.
enum Terminal {
    static func result(_ line: String, newline: Bool = true) {
        FileHandle.standardOutput.write(Data((TerminalText.escaped(line, keepingLineBreaks: true) + (newline ? "\n" : "")).utf8))
    }

    static func problem(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(line, keepingLineBreaks: true) + "\n").utf8))
    }

    /// A path as the clerk would type it: relative to the current folder when it lies inside it
    /// (`out/tomakomai/summary.csv`, as the command named `--out out/tomakomai`), else in full.
    static func shown(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// How many lines of one kind (severity, code, department or file) are printed before the rest
    /// are summed up in one line; `reconciliation.csv` and the 照合結果 sheet keep every row.
    static let linesPerGroup = 5

    /// The diagnostics, errors first; repeated ones of one kind and department are grouped (the
    /// first five lines, then the count and the next cells), so that one mistake on 1,000 rows stays
    /// readable.
    static func diagnostics(_ all: [Diagnostic], includeInfo: Bool = false) {
        var order: [String] = []
        var groups: [String: [Diagnostic]] = [:]
        for diagnostic in all where includeInfo || diagnostic.severity != .info {
            let owner = diagnostic.department.isEmpty ? (diagnostic.location?.file ?? "") : diagnostic.department
            let key = "\(diagnostic.severity)|\(diagnostic.code.rawValue)|\(owner)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(diagnostic)
        }
        for key in order {
            let group = groups[key]!
            // A line break from a cell is escaped too: one diagnostic, one line.
            for diagnostic in group.prefix(linesPerGroup) { problem(TerminalText.escaped(diagnostic.line)) }
            let rest = group.dropFirst(linesPerGroup)
            guard let first = rest.first else { continue }
            let cells = rest.prefix(5).compactMap { $0.location?.cell }.filter { !$0.isEmpty }
            let place = cells.isEmpty ? "" : "（\(first.location?.file ?? "") \(cells.joined(separator: "、"))\(rest.count > cells.count ? " …" : "")）"
            problem(TerminalText.escaped("\(first.severity.japanese) …同じ種類がほかに\(rest.count)件あります\(place)。"))
        }
    }

    /// Ends a command: the refusal (if any) on stderr, then the exit status for the outcome.
    /// Not optimised: Swift 6.3.1's SimplifyCFG crashes (signal 11) on its specialisation for
    /// `CheckReport` in a release build; nothing here is hot.
    @_optimize(none)
    static func finish<Report>(_ outcome: Outcome<Report>) -> Never {
        // A refusal without diagnostics is the error itself; after diagnostics it sums them up.
        if let refusal = outcome.refusal {
            problem(outcome.status == .dataErrors && !outcome.diagnostics.isEmpty ? refusal : "エラー " + refusal)
        }
        exit(ExitStatus.code(for: outcome.status))
    }

    /// Ends a command with `--json`: the outcome as JSON on stdout (nothing else printed), the same exit status.
    @_optimize(none)
    static func finish<Report: Encodable>(json outcome: Outcome<Report>) -> Never {
        do {
            var data = try outcome.jsonData()
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } catch {
            problem("エラー 結果を JSON にできません（\(error)）。")
        }
        exit(ExitStatus.code(for: outcome.status))
    }
}
