import Testing
@testable import XLSXReader

@Suite struct CellValueTests {
    @Test(arguments: [(7.0, "7"), (7.5, "7.5"), (-0.25, "-0.25"), (0.0, "0"), (-0.0, "0"), (1e15, "1000000000000000"), (1e20, "1e+20"), (123456789012.0, "123456789012")])
    func generalNumbers(value: Double, text: String) {
        #expect(CellValue.number(value) == text)
    }

    @Test func serialDates() {
        #expect(CellValue.date(serial: 44306, date1904: false) == "2021-04-20")
        #expect(CellValue.date(serial: 44306.5, date1904: false) == "2021-04-20 12:00:00")
        #expect(CellValue.date(serial: 44306 - 1462, date1904: true) == "2021-04-20")
        #expect(CellValue.date(serial: 59, date1904: false) == "1900-02-28")
        #expect(CellValue.date(serial: 60, date1904: false) == "1900-02-29")
        #expect(CellValue.date(serial: 61, date1904: false) == "1900-03-01")
        #expect(CellValue.date(serial: 43555.99999999, date1904: false) == "2019-04-01")  // rounds to midnight
        #expect(CellValue.date(serial: -1, date1904: false) == nil)
    }

    @Test func isoDates() {
        #expect(CellValue.isoDate("2021-04-20T00:00:00Z") == "2021-04-20")
        #expect(CellValue.isoDate("2021-04-20T09:30:15.000") == "2021-04-20 09:30:15")
        #expect(CellValue.isoDate("2021-04-20") == "2021-04-20")
        #expect(CellValue.isoDate("1899-12-30T13:45:00") == "13:45:00")
    }

    @Test(arguments: [
        ("yyyy/m/d", CellStyles.Kind.date), ("[$-411]ggge\"年\"m\"月\"d\"日\"", .date), ("m月", .date),
        ("h:mm", .time), ("[h]:mm:ss", .elapsed), ("mm:ss", .time), ("0.00E+00", .number), ("#,##0", .number),
        ("[Red]#,##0;[Blue]-#,##0", .number), ("General", .number), ("\"day\"0", .number), ("yyyy-mm-dd hh:mm:ss", .date),
    ])
    func formatKinds(code: String, kind: CellStyles.Kind) {
        #expect(CellStyles.kind(ofFormatCode: code) == kind, "\(code)")
    }

    @Test func builtInFormats() {
        #expect(CellStyles.builtIn(14) == .date && CellStyles.builtIn(22) == .date && CellStyles.builtIn(57) == .date)
        #expect(CellStyles.builtIn(20) == .time && CellStyles.builtIn(0) == .number && CellStyles.builtIn(49) == .number)
    }

    @Test func relationshipTargets() {
        #expect(WorkbookIndex.resolve("/xl/worksheets/sheet1.xml", base: "xl/") == "xl/worksheets/sheet1.xml")
        #expect(WorkbookIndex.resolve("worksheets/sheet1.xml", base: "xl/") == "xl/worksheets/sheet1.xml")
        #expect(WorkbookIndex.resolve("../strings/a%20b.xml", base: "book/") == "strings/a b.xml")
        #expect(WorkbookIndex.resolve("./sheets/../sheets/x.xml", base: "book/") == "book/sheets/x.xml")
    }
}
