import Foundation
import Testing
import ZIPFoundation

/// Hostile workbooks made here (never committed) through `check` and `merge` as a user runs them:
/// each ends with exit 1 and a message naming the file, the sheet and the cell and the limit's
/// figure, and the child's peak memory stays far under 1 GB (measured with getrusage, not a clock).
@Suite struct HostileWorkbookLimitTests {
    static let plan = XLSXMergeTests.plan

    /// A one-sheet workbook (sheet 「提出票」) whose `<sheetData>` is `body`; `sharedStrings` are `<si>`s.
    static func workbook(body: String, sharedStrings: String = "", workbookSheets: String? = nil) throws -> Data {
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets>\(workbookSheets ?? "<sheet name=\"提出票\" sheetId=\"1\" r:id=\"rId1\"/>")</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(ns)\">\(sharedStrings)</sst>"),
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(ns)\"><sheetData>\(body)</sheetData></worksheet>"),
        ]
        let archive = try Archive(accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static let attributes = (0..<400_000).map { " a\($0)=\"1\"" }.joined()
    static let longText = String(repeating: "あ", count: 40_000)

    static let cases: [(String, @Sendable () throws -> Data, String)] = [
        ("row", { try workbook(body: "<row r=\"1048577\"><c><v>1</v></c></row>") },
         "財政課.xlsx 提出票!1048577:1048577: 行番号1,048,577がExcelの上限1,048,576行を超えています。"),
        ("column", { try workbook(body: "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>") },
         "財政課.xlsx 提出票!XFD2: セルの内容を読めません（列がExcelの上限XFD（16,384列目）を超えています）。"),
        ("cells", { try workbook(body: (1...700).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()) },
         "財政課.xlsx 提出票: シートのセルが多すぎます（空白を含めて上限10,000,000個）。"),
        ("cell length", { try workbook(body: "<row r=\"12\"><c r=\"E12\" t=\"inlineStr\"><is><t>\(longText)</t></is></c></row>") },
         "財政課.xlsx 提出票!E12: セルの文字数が40,000文字あり、Excelのセルの上限32,767文字を超えています。"),
        ("amplification", {
            try workbook(body: (1...300).map { "<row r=\"\($0)\">" + String(repeating: "<c t=\"s\"><v>0</v></c>", count: 30) + "</row>" }.joined(),
                         sharedStrings: "<si><t>\(String(repeating: "x", count: 30_000))</t></si>")
        }, "財政課.xlsx 提出票!299:299: シートの文字の合計が上限（268,435,456バイト）を超えます"),
        ("attributes", { try workbook(body: "<row r=\"1\"><c\(attributes)><v>1</v></c></row>") },
         "財政課.xlsx: 部品「xl/worksheets/sheet1.xml」に属性が1,000個を超える要素があります。"),
        ("sheets per part", {
            try workbook(body: "<row r=\"1\"><c><v>1</v></c></row>",
                         workbookSheets: (1...2000).map { "<sheet name=\"S\($0)\" sheetId=\"\($0)\" r:id=\"rId1\"/>" }.joined())
        }, "財政課.xlsx: 2000枚のシート（「S1」「S2」「S3」ほか）が同じ部品「xl/worksheets/sheet1.xml」を指しています（1部品に1シートまで）。"),
    ]

    @Test(arguments: cases.map { ($0.0, $0.2) })
    func hostileWorkbookEndsWithItsLimit(name: String, message: String) throws {
        let make = try #require(Self.cases.first { $0.0 == name }).1
        let scratch = try Scratch()
        try scratch.write("plan.csv", Self.plan)
        try FileManager.default.createDirectory(atPath: scratch.path("inbox"), withIntermediateDirectories: true)
        try make().write(to: URL(fileURLWithPath: scratch.path("inbox/財政課.xlsx")))

        let check = try PledgeKitBinary.run(["check", scratch.path("inbox/財政課.xlsx"), "--plan", scratch.path("plan.csv")])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.contains(message), "\(check.stderr)")

        let merge = try PledgeKitBinary.run(["merge", scratch.path("inbox"), "--plan", scratch.path("plan.csv"),
                                             "--year", "2020", "--out", scratch.path("out")])
        #expect(merge.status == 1, "\(merge.stderr)")
        #expect(merge.stderr.contains(message), "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out/summary.csv")))

        // The largest child this test process has waited for (pledgekit, or a smaller tool).
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        #expect(usage.ru_maxrss < 1_000_000, "peak \(usage.ru_maxrss) KB")
    }
}
