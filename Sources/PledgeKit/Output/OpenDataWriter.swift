import Foundation
import TableIO

/// The open-data files of a run, added to the out folder: every text field guarded against formula
/// injection, each CSV encoded, and `datapackage.json` describing them.
enum OpenDataWriter {
    /// Characters the chosen encoding cannot hold: one error per character, at the cell it came from.
    struct UnwritableText: Error {
        var diagnostics: [Diagnostic]
    }

    static func add(_ model: ReportModel, encoding: CSVEncoding, to output: inout OutputDirectory) throws {
        let tables = OpenDataTables.all(model)
        var encoded: [String: Data] = [:]
        var unwritable: [Diagnostic] = []
        for table in tables {
            do {
                let guarded = guardedTexts(table, model)
                encoded[table.name] = try CSVWriter.encode(header: guarded.header, rows: guarded.rows, encoding: encoding)
                output.add(table.name + ".csv", encoded[table.name]!)
            } catch let CSVWriter.WriteError.unencodable(found, _) {
                unwritable += found.map { diagnostic(for: $0, in: table, model) }
            }
        }
        if !unwritable.isEmpty { throw UnwritableText(diagnostics: unwritable) }
        output.add("datapackage.json", try DataPackage.json(for: model, tables: tables, encoding: encoding, encoded: encoded))
    }

    /// Free text columns through `FormulaGuard`. Numeric columns hold numbers we computed and code
    /// columns values of a fixed list, so neither is touched (a `-` there is never prefixed).
    static func guardedTexts(_ table: OpenDataTable, _ model: ReportModel) -> OpenDataTable {
        let isText = table.header.map { DataPackage.isFreeText(DataPackage.field(named: $0, table: table.name, model: model)) }
        var guarded = table
        guarded.rows = table.rows.map { row in
            row.enumerated().map { column, value in column < isText.count && isText[column] ? FormulaGuard.neutralised(value) : value }
        }
        return guarded
    }

    /// Where the character came from: an activity's cell, a reconciliation row's cell, else the CSV row.
    static func diagnostic(for found: CSVWriter.Unencodable, in table: OpenDataTable, _ model: ReportModel) -> Diagnostic {
        let index = found.record - 2
        var location: SourceLocation?
        var department = ""
        if table.name == "activities", model.activities.indices.contains(index) {
            location = model.activities[index].location
            department = model.activities[index].activity.department
        } else if table.name == "reconciliation", model.diagnostics.indices.contains(index) {
            location = model.diagnostics[index].location
        }
        return Diagnostic(.error, .outputUnencodable, at: location, department: department,
                          "文字\(found.characterText)は CP932（--csv-encoding cp932）で書き出せません"
                          + "（\(table.name).csv の\(found.record)行目、\(found.column) 列）。"
                          + "字を改めるか、--csv-encoding utf-8-bom（既定）を指定してください。")
    }
}
