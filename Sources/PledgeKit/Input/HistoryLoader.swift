import Foundation
import PledgeCore
import TableIO

/// The term's earlier years, for `merge --history DIR` and repeated `--previous`: every
/// `summary.csv` or official workbook pledgekit wrote in an earlier year. Each year's figures are
/// read, as published, by `PreviousYearLoader` from the file that year's report wrote (the file
/// whose newest year it is), or else from the newest file that shows that year.
public enum HistoryLoader {
    public static func load(_ sources: [URL], plan: Plan, before current: FiscalYear, overallLabel: String = "全体",
                            diagnostics: inout Diagnostics) -> [YearFigures] {
        var candidates: [(file: URL, years: Set<FiscalYear>)] = []
        for file in files(in: sources, diagnostics: &diagnostics) {
            let years = yearsShown(in: file).filter { $0 < current }
            if years.isEmpty {
                diagnostics.info(.previousYear, at: SourceLocation(file: file.lastPathComponent),
                                 "\(current.label)より前の年度の総括表・summary.csvとして読めないため、過去の年度には使いません。")
            } else {
                candidates.append((file, years))
            }
        }
        let allYears = candidates.reduce(into: Set<FiscalYear>()) { $0.formUnion($1.years) }
        var figures: [YearFigures] = []
        for year in allYears.sorted() {
            // Its own report first (the year is the file's newest), then the newest report showing it.
            guard let chosen = source(for: year, among: candidates, file: \.file, years: { Array($0.years) }),
                  let loaded = PreviousYearLoader.load(chosen.file, plan: plan, expected: year, overallLabel: overallLabel,
                                                       diagnostics: &diagnostics)
            else { continue }
            figures.append(loaded)
        }
        if figures.isEmpty, !sources.isEmpty {
            diagnostics.error(.previousYear, at: SourceLocation(file: sources.map(\.lastPathComponent).joined(separator: "、")),
                              "過去の年度の summary.csv または公表用ブックが見つかりません。")
        }
        return figures
    }

    /// The file to read `year` from: its own report first (the year is the file's newest), then the
    /// newest report showing it, then by path; nil when no file shows the year.
    static func source<Candidate>(for year: FiscalYear, among candidates: [Candidate], file: (Candidate) -> URL,
                                  years: (Candidate) -> [FiscalYear]) -> Candidate? {
        func rank(_ candidate: Candidate) -> (Int, Int, String) {
            let newest = years(candidate).max()!
            return (newest == year ? 0 : 1, -newest.year, file(candidate).path)
        }
        return candidates.filter { years($0).contains(year) }.min { rank($0) < rank($1) }
    }

    /// The given files, and in a folder every `.csv` and `.xlsx` (recursively, hidden ones and
    /// Excel's `~$` lock files left out), in a stable order.
    static func files(in sources: [URL], diagnostics: inout Diagnostics) -> [URL] {
        var found: [URL] = []
        for source in sources {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
                diagnostics.error(.previousYear, at: SourceLocation(file: source.path), "過去の年度のファイル・フォルダが見つかりません。")
                continue
            }
            guard isDirectory.boolValue else { found.append(source); continue }
            let walker = FileManager.default.enumerator(at: source, includingPropertiesForKeys: nil,
                                                        options: [.skipsHiddenFiles])
            while let url = walker?.nextObject() as? URL {
                let name = url.lastPathComponent
                guard !name.hasPrefix("~$"), ["csv", "xlsx"].contains(url.pathExtension.lowercased()) else { continue }
                found.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The fiscal years a summary.csv has rows for, or a workbook's 総括表 has columns for.
    static func yearsShown(in file: URL) -> Set<FiscalYear> {
        guard let tables = try? TableLoader.tables(at: file) else { return [] }
        if let (table, header) = PreviousYearLoader.openDataHeader(in: tables) {
            let map = HeaderMap(row: header, specs: PreviousYearLoader.openDataColumns)
            return Set(table.rows.filter { $0.number > header.number }
                .compactMap { FiscalYear(parsing: map.value("fiscal_year", in: $0)) })
        }
        for table in tables {
            for row in table.rows.prefix(20) {
                let years = row.values.compactMap(PreviousYearLoader.yearHeading)
                if !years.isEmpty { return Set(years) }
            }
        }
        return []
    }
}
