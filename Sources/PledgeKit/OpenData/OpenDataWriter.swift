import Foundation
import PledgeCore
import TableIO

/// The open-data files of a run: every text field guarded against formula
/// injection, each CSV encoded, and `datapackage.json` describing them.
enum OpenDataWriter {
    /// Characters the chosen encoding cannot hold: one error per character, at the cell it came from.
    struct UnwritableText: Error {
        var diagnostics: [Diagnostic]
    }

    /// One CSV file: its name and header (what `datapackage.json` describes), and its bytes or
    /// the error of encoding it. The rows are not kept.
    struct EncodedTable: Sendable {
        var table: OpenDataTable
        var bytes: Result<Data, any Error>
    }

    /// What builds, guards and encodes each CSV file, in the package's order: independent jobs,
    /// for a caller to run side by side with other work (activities.csv alone is most of the work).
    static func encodingJobs(_ model: ReportModel, encoding: CSVEncoding) -> [@Sendable () -> EncodedTable] {
        OpenDataTables.builders(model).map { build in
            {
                let guarded = guardedTexts(build(), model)
                let bytes = Result { try CSVWriter.encode(header: guarded.header, rows: guarded.rows, encoding: encoding) }
                return EncodedTable(table: OpenDataTable(name: guarded.name, header: guarded.header, rows: []), bytes: bytes)
            }
        }
    }

    /// The CSV files of the encoded tables and `datapackage.json`, or every character the encoding cannot hold.
    static func files(_ encodedTables: [EncodedTable], _ model: ReportModel, encoding: CSVEncoding) throws -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = []
        var encoded: [String: Data] = [:]
        var unwritable: [Diagnostic] = []
        for encodedTable in encodedTables {
            let table = encodedTable.table
            switch encodedTable.bytes {
            case let .success(data):
                encoded[table.name] = data
                files.append((table.name + ".csv", data))
            case let .failure(CSVWriter.WriteError.unencodable(found, _)):
                unwritable += found.map { diagnostic(for: $0, in: table, model) }
            case let .failure(error):
                throw error
            }
        }
        if !unwritable.isEmpty { throw UnwritableText(diagnostics: unwritable) }
        files.append(("datapackage.json", try DataPackage.json(for: model, tables: encodedTables.map(\.table), encoding: encoding, encoded: encoded)))
        return files
    }

    /// Free text columns on one line (rule L1-14: a file name, a sheet name or a department with a
    /// line break in it as the activity texts already are), then through `FormulaGuard`. Numeric
    /// columns hold numbers we computed and code columns values of a fixed list, so neither is
    /// touched (a `-` there is never prefixed).
    static func guardedTexts(_ table: OpenDataTable, _ model: ReportModel) -> OpenDataTable {
        let textColumns = table.header.indices.filter {
            DataPackage.isFreeText(DataPackage.field(named: table.header[$0], table: table.name, model: model))
        }
        // Changed in place, and only where a field needs it: rebuilding every row was a third of
        // the time of a 100,000-activity activities.csv.
        var guarded = table
        for row in guarded.rows.indices {
            for column in textColumns where column < guarded.rows[row].count {
                if Normalize.hasLineBreak(guarded.rows[row][column]) {
                    guarded.rows[row][column] = Normalize.singleLine(guarded.rows[row][column])
                }
                if FormulaGuard.needsNeutralising(guarded.rows[row][column]) {
                    guarded.rows[row][column] = FormulaGuard.neutralised(guarded.rows[row][column])
                }
            }
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
                          "文字\(found.characterText)は CP932 で書き出せません"
                          + "（\(table.name).csv の\(found.record)行目、\(found.column) 列）。"
                          + "字を改めるか、CSVの文字コードに UTF-8（BOM付き、既定）を指定してください。")
    }
}
