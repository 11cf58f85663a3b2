import Foundation
import Testing
import XLSXWriter
import ZIPFoundation

/// The wrapper over libxlsxwriter: what it writes (read back from the XML parts) and how its
/// failures surface as thrown errors with libxlsxwriter's own text.
@Suite struct WorkbookTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsxwriter-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func part(_ name: String, of file: URL) throws -> String {
        let archive = try Archive(url: file, accessMode: .read)
        guard let entry = archive[name] else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func writesStringsNumbersAndAMergedNumber() throws {
        let file = directory.appendingPathComponent("cells.xlsx")
        let workbook = try Workbook(path: file.path)
        try workbook.setProperties(DocumentProperties(title: "公約", created: Date(timeIntervalSince1970: 1_617_148_800)))
        let sheet = try workbook.addWorksheet("総括表")
        let bold = CellStyle(fontName: "ＭＳ Ｐゴシック", bold: true, numberFormat: "0.0")
        try sheet.write("全体", row: 0, column: 0)
        try sheet.write(.number(74.8), row: 0, column: 1, style: bold)
        try sheet.merge(.number(89), firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 2, style: bold)
        try workbook.close()

        let xml = try part("xl/worksheets/sheet1.xml", of: file)
        #expect(xml.contains("<c r=\"B1\" s=\"1\"><v>74.8</v></c>"))
        #expect(xml.contains("<c r=\"A2\" s=\"1\"><v>89</v></c>"))
        #expect(xml.contains("<mergeCell ref=\"A2:C2\"/>"))
        #expect(try part("xl/sharedStrings.xml", of: file).contains("<t>全体</t>"))
        #expect(try part("xl/styles.xml", of: file).contains("formatCode=\"0.0\""))
        #expect(try part("docProps/core.xml", of: file).contains("2021-03-31T00:00:00Z"))
    }

    @Test func oneFormatPerDistinctStyle() throws {
        let file = directory.appendingPathComponent("styles.xlsx")
        let workbook = try Workbook(path: file.path)
        let sheet = try workbook.addWorksheet("s")
        let style = CellStyle(bold: true)
        for row in 0..<50 { try sheet.write("x", row: row, column: 0, style: style) }
        try sheet.write("y", row: 0, column: 1, style: style.with { $0.wrap = true })
        try workbook.close()
        let styles = try part("xl/styles.xml", of: file)
        #expect(styles.contains("<cellXfs count=\"3\">"))  // default + two styles
    }

    @Test func wholeNumberValidationAndProtection() throws {
        let file = directory.appendingPathComponent("validation.xlsx")
        let workbook = try Workbook(path: file.path)
        let sheet = try workbook.addWorksheet("提出票")
        try sheet.write("", row: 4, column: 5, style: CellStyle(locked: false))
        try sheet.restrictToWholeNumbers(0, 10, firstRow: 4, firstColumn: 5, lastRow: 40, lastColumn: 5, messages: .init(
            inputTitle: "評価", inputMessage: "0〜10の整数", errorTitle: "入力エラー", errorMessage: "評価は0〜10の整数で入力してください"))
        sheet.protect()
        try workbook.close()
        let xml = try part("xl/worksheets/sheet1.xml", of: file)
        #expect(xml.contains("<dataValidation type=\"whole\""))
        #expect(xml.contains("sqref=\"F5:F41\""))
        #expect(xml.contains("<formula1>0</formula1><formula2>10</formula2>"))
        #expect(xml.contains("errorTitle=\"入力エラー\""))
        #expect(xml.contains("<sheetProtection sheet=\"1\""))
        #expect(try part("xl/styles.xml", of: file).contains("<protection locked=\"0\"/>"))
    }

    @Test func listValidationFromCells() throws {
        let file = directory.appendingPathComponent("list.xlsx")
        let workbook = try Workbook(path: file.path)
        let sheet = try workbook.addWorksheet("s")
        try sheet.restrictToList(formula: "=$H$1:$H$4", firstRow: 1, firstColumn: 1, lastRow: 9, lastColumn: 1, messages: .init(
            inputTitle: "状況", inputMessage: "一覧から選んでください", errorTitle: "状況", errorMessage: "一覧にない値です"))
        try workbook.close()
        let xml = try part("xl/worksheets/sheet1.xml", of: file)
        #expect(xml.contains("<dataValidation type=\"list\""))
        #expect(xml.contains("<formula1>$H$1:$H$4</formula1>"))
    }

    @Test func aColumnChartOverCellRanges() throws {
        let file = directory.appendingPathComponent("chart.xlsx")
        let workbook = try Workbook(path: file.path)
        let sheet = try workbook.addWorksheet("グラフ")
        for row in 0..<3 {
            try sheet.write("政策\(row + 1)", row: row, column: 0)
            try sheet.write(.number(Double(50 + row)), row: row, column: 1)
        }
        let chart = workbook.addChart(.column)
        chart.addSeries(name: "令和2年度", categories: .init(sheet: "グラフ", firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0),
                        values: .init(sheet: "グラフ", firstRow: 0, firstColumn: 1, lastRow: 2, lastColumn: 1))
        chart.setValueAxis(title: "%", minimum: 0, maximum: 100, majorUnit: 20)
        try sheet.insert(chart, row: 5, column: 0)
        try workbook.close()
        let xml = try part("xl/charts/chart1.xml", of: file)
        #expect(xml.contains("<c:barDir val=\"col\"/>"))
        #expect(xml.contains("<c:f>'グラフ'!$B$1:$B$3</c:f>"))
        #expect(xml.contains("<c:max val=\"100\"/>"))
    }

    @Test func aBadSheetNameIsAThrownErrorWithLibxlsxwritersText() throws {
        let workbook = try Workbook(path: directory.appendingPathComponent("names.xlsx").path)
        #expect(throws: XLSXWriterError.self) { try workbook.addWorksheet("令和2年度: 総括表") }
        #expect(throws: XLSXWriterError.self) { try workbook.addWorksheet(String(repeating: "長", count: 32)) }
        do {
            _ = try workbook.addWorksheet("a/b")
            Issue.record("a sheet name with / was accepted")
        } catch {
            #expect(error.message.contains("Worksheet name cannot contain invalid characters"))
        }
        _ = try workbook.addWorksheet("ok")
        #expect(throws: XLSXWriterError.self) { try workbook.addWorksheet("ok") }
    }

    @Test func aFileThatCannotBeCreatedFailsOnClose() throws {
        let path = directory.appendingPathComponent("missing-folder/out.xlsx").path
        let workbook = try Workbook(path: path)
        _ = try workbook.addWorksheet("s")
        do {
            try workbook.close()
            Issue.record("close succeeded for \(path)")
        } catch {
            #expect(error.message.contains("Error creating output xlsx file"))
            #expect(error.description.contains(path))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func textLongerThanACellHoldsIsRefused() throws {
        let workbook = try Workbook(path: directory.appendingPathComponent("long.xlsx").path)
        let sheet = try workbook.addWorksheet("s")
        #expect(throws: XLSXWriterError.self) { try sheet.write(String(repeating: "あ", count: 32_768), row: 0, column: 0) }
    }
}
