import Foundation
import TableIO
import Testing
@testable import XLSXReader
import TestSupport

/// Every refusal: a fixture, the exact message, and no crash or hang.
@Suite struct XLSXRefusalTests {
    @Test(arguments: HostileWorkbooks.refusals)
    func refused(fixture: String, message: String) throws {
        let error = try #require(Fixture.refusal("hostile/" + fixture))
        #expect(error.location == SourceLocation(file: fixture))
        #expect(error.message.hasPrefix(message), "\(error.message)")
        #expect(error.description.hasPrefix(fixture + ": "))
    }

    @Test func zipBombRatioNamesTheSizes() throws {
        let error = try #require(Fixture.refusal("hostile/zip-bomb.xlsx"))
        #expect(error.message.contains("ZIP爆弾の疑いがあるため読み込みません。"))
    }

    @Test func displayNameIsUsedInMessages() throws {
        #expect(throws: TableReadError(file: "財政課/提出.xlsx", XLSXReadError.notZip.message)) {
            _ = try XLSXWorkbook.open(url: Fixture.url("hostile/not-a-zip.xlsx"), displayName: "財政課/提出.xlsx")
        }
    }

    @Test func missingFileIsAnErrorNotACrash() {
        let error = Fixture.refusal("no-such-file.xlsx")
        #expect(error?.message == "ファイルが見つかりません。")
    }

    @Test func everyTruncationOfAValidWorkbookIsRefusedOrRead() throws {
        // Cut a real workbook at many lengths: each cut must give a clear refusal, never a crash or hang.
        let data = try Data(contentsOf: Fixture.url("types-xlsxwriter.xlsx"))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-cut-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 97)) {
            try data.prefix(length).write(to: scratch)
            let error = try #require(Fixture.refusal(scratch.path), "cut at \(length)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func corruptedBytesNeverCrash() throws {
        // Flip bytes inside the compressed sheet data: damaged, CRC or XML errors, never a crash.
        let original = try Data(contentsOf: Fixture.url("types-xlsxwriter.xlsx"))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-flip-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var refused = 0
        for position in stride(from: 40, to: original.count - 22, by: 53) {
            var data = original
            data[position] ^= 0x5A
            try data.write(to: scratch)
            if Fixture.refusal(scratch.path) != nil { refused += 1 }
        }
        #expect(refused > 0)
    }

    @Test func tightLimitsRefuseLargeEntries() throws {
        var limits = ZipLimits()
        limits.maxEntryBytes = 1000
        #expect(throws: TableReadError.self) {
            _ = try XLSXWorkbook.open(url: Fixture.url("types-xlsxwriter.xlsx"), limits: limits).readTables()
        }
    }
}
