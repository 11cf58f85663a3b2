import XLSXWriter

/// `照合結果`: the rows of `reconciliation.csv`, with Japanese headings, for the planning office.
enum ReconciliationSheet {
    static let headings = ["重要度", "コード", "ファイル", "シート", "セル", "施策ID", "担当部署", "内容"]
    static let widths: [Double] = [8, 26, 28, 14, 8, 10, 20, 80]

    static func write(_ diagnostics: [Diagnostic], name: String, styles: WorkbookStyles, into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(name)
        for (column, width) in widths.enumerated() { try sheet.setColumns(column, column, width: width) }
        for (column, heading) in headings.enumerated() {
            try sheet.write(heading, row: 0, column: column, style: styles.heading)
        }
        let table = ReconciliationTable.make(diagnostics)
        for (index, diagnostic) in diagnostics.enumerated() {
            var values = table.rows[index]
            values[0] = diagnostic.severity.japanese
            for (column, value) in values.enumerated() {
                try sheet.write(value, row: index + 1, column: column, style: styles.text)
            }
            try sheet.setRow(index + 1, height: RowHeight.points(Array(zip(values, widths)).map { ($0, $1) },
                                                                 fontSize: styles.base.fontSize ?? 10))
        }
        if diagnostics.isEmpty {
            try sheet.merge(.string("問題は見つかりませんでした。"), firstRow: 1, firstColumn: 0, lastRow: 1,
                            lastColumn: headings.count - 1, style: styles.text)
        }
        sheet.freezePanes(row: 1, column: 0)
        try sheet.setUpA4Printing(.landscape, headingRows: 0...0, pageNumbers: true)
    }
}
