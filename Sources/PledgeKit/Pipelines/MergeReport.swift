import Foundation
import PledgeCore

/// What `merge` reports besides its diagnostics.
public struct MergeReport: Sendable {
    /// The computed report (nil when the plan could not be read): the figures the outputs show.
    public var model: ReportModel?
    public var reconciliation: Reconciliation?
    /// The files put in the out folder (empty until the commit).
    public var written: [URL] = []

    public init(model: ReportModel? = nil, reconciliation: Reconciliation? = nil, written: [URL] = []) {
        self.model = model
        self.reconciliation = reconciliation
        self.written = written
    }

    /// What the open data lacks to be published as it is: said on every run whose layout names no
    /// municipality or publisher (a portal would otherwise take files with an empty
    /// `municipality_code` and a package with no author); nil when the layout names both.
    public var publicationNotice: String? {
        guard let publication = model?.layout.publication else { return nil }
        var missing: [String] = []
        if publication.municipalityCode.isEmpty { missing.append("自治体コード（各CSVの municipality_code が空欄）") }
        if publication.organisation.isEmpty { missing.append("公開者（datapackage.json に作成者がない）") }
        guard !missing.isEmpty else { return nil }
        return "オープンデータに\(missing.joined(separator: "と"))が設定されていません。"
            + "ポータルに載せる前に、レイアウトの layout.yaml に publication:（municipalityCode・municipalityName・organisation）を書き、"
            + "--layout を付けて実行し直してください。"
    }

    /// `summary.csv` as it will be written (every year shown, the overall row), so that a preview
    /// shows the very numbers of the outputs.
    public var summaryTable: OpenDataTable? { model.map(OpenDataTables.summary) }
}

public typealias MergeOutcome = Outcome<MergeReport>

/// One output file, in memory.
public struct OutputFile: Sendable, Equatable {
    public var name: String
    public var data: Data
}

/// Every output of a merge, in memory and in the order they are written.
public struct RenderedOutputs: Sendable {
    public var files: [OutputFile]
}

/// The report's JSON (docs/json.md): the files and rows counted, the year, summary.csv's rows and
/// the files written.
extension MergeReport: Encodable {
    private enum CodingKeys: String, CodingKey { case files, rows, year, summary, headlines, publicationNotice = "publication_notice", written }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(reconciliation.map(ReconciliationCounts.init), forKey: .files)
        try container.encodeIfPresent(reconciliation.map(RowCounts.init), forKey: .rows)
        try container.encodeIfPresent(model.map { YearJSON(year: $0.year) }, forKey: .year)
        try container.encodeIfPresent(summaryTable.map(TableJSON.records), forKey: .summary)
        try container.encodeIfPresent(model?.figureHeadlines, forKey: .headlines)
        try container.encodeIfPresent(publicationNotice, forKey: .publicationNotice)
        try container.encode(written.map(\.path), forKey: .written)
    }
}

/// `{"counted": [file…], "superseded": [file…]}`.
struct ReconciliationCounts: Encodable {
    var counted: [String]
    var superseded: [String]
    init(_ reconciliation: Reconciliation) {
        counted = reconciliation.countedFiles
        superseded = reconciliation.supersededFiles
    }
}

/// `{"read", "counted", "skipped", "errors"}`: every row read is counted, skipped or an error.
struct RowCounts: Encodable {
    var read: Int
    var counted: Int
    var skipped: Int
    var errors: Int
    init(_ reconciliation: Reconciliation) {
        read = reconciliation.rowsRead
        counted = reconciliation.activities.count
        skipped = reconciliation.rowsSkipped
        errors = reconciliation.rowsRejected
    }
}

/// A CSV table as JSON objects keyed by its header, values as the CSV holds them (text).
enum TableJSON {
    static func records(_ table: OpenDataTable) -> [[String: String]] {
        table.rows.map { Dictionary(zip(table.header, $0), uniquingKeysWith: { first, _ in first }) }
    }
}
