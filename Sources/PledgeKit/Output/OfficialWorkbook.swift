import Foundation

/// The official summary workbook (issue 4).
enum OfficialWorkbook {
    static func render(_ model: ReportModel) throws -> Data {
        throw LayoutError("公式ワークブックの出力はまだ実装されていません。")
    }
}
