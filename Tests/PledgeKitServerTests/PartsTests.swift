import Foundation

import GRDB
import Testing
@testable import PledgeKitServer

@Suite struct PartsTests {
    @Test func contentDispositionReadsQuotedAndExtendedNames() {
        #expect(ContentDisposition.parameters(#"form-data; name="file"; filename="a;b \"c\".csv""#)["filename"] == #"a;b "c".csv"#)
        #expect(ContentDisposition.parameters("form-data; name=file; filename*=UTF-8''%E8%B2%A1%E6%94%BF%E8%AA%B2.xlsx")["filename"] == "財政課.xlsx")
        #expect(ContentDisposition.parameters(#"form-data; name="csrf""#)["filename"] == nil)
    }

    @Test func boundariesAreCheckedBeforeParsing() {
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(of: #"multipart/form-data; boundary="a b""#) == "a b")
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=") == nil)
        #expect(MultipartForm.boundary(of: "text/plain") == nil)
    }

    @Test func uploadNamesAreOnlyShownAndTheirExtensionRead() {
        #expect(UploadName.fileExtension("../../x.XLSX") == "xlsx")
        #expect(UploadName.fileExtension("a.csv.exe") == nil)
        #expect(UploadName.fileExtension("noextension") == nil)
        #expect(UploadName.display("a\u{1B}[31mb.csv") == "a[31mb.csv")
        #expect(UploadName.display("") == "（名前なし）")
    }

    @Test func tokensAreLongRandomAndComparedWhole() {
        let tokens = Set((0..<100).map { _ in Secrets.token() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") && !$0.contains("=") })
        #expect(Secrets.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secrets.constantTimeEqual("abc", "abc"))
        #expect(!Secrets.constantTimeEqual("abc", "abd"))
        #expect(!Secrets.constantTimeEqual("abc", "abcd"))
        #expect(!Secrets.constantTimeEqual("", "a"))
    }

    @Test func listenAddressesAreRead() {
        #expect(ListenAddress(parsing: "0.0.0.0:8080") == ListenAddress(host: "0.0.0.0", port: 8080))
        #expect(ListenAddress(parsing: ":0") == ListenAddress(host: "127.0.0.1", port: 0))
        #expect(ListenAddress(parsing: "[::1]:9000") == ListenAddress(host: "::1", port: 9000))
        #expect(ListenAddress(parsing: "localhost") == nil)
        #expect(ListenAddress(parsing: "h:70000") == nil)
    }

    @Test func theSchemaIsVersionedAndMigratedOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try RoundState(folder: folder)
        let applied = try await first.database.queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1"])
        _ = try RoundState(folder: folder)  // opening again migrates nothing and keeps the rows
        let tables = try await first.database.queue.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(tables == ["audit_log", "grdb_migrations", "links", "runs", "sessions", "settings", "uploads"])
    }
}
