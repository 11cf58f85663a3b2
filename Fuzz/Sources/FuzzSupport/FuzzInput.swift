import Foundation
import XLSXReader
#if canImport(Glibc)
import Glibc
#endif

/// The fuzzer's bytes as a file, since every reader under test starts from a path (that is how a
/// department's file reaches pledgekit). The file lives in /dev/shm when there is one, so that a
/// million executions do not wear a disk, and is rewritten in place for each input.
public enum FuzzInput {
    public static func file(named name: String, holding bytes: UnsafePointer<UInt8>, count: Int) -> URL {
        let url = folder.appendingPathComponent(name)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot write the fuzz input \(url.path)")
        var written = 0
        while written < count {
            let result = write(descriptor, bytes + written, count - written)
            precondition(result > 0, "cannot write the fuzz input \(url.path)")
            written += result
        }
        close(descriptor)
        return url
    }

    /// A folder of this process's own, so that fuzzers run side by side (`-jobs`) never share a file.
    public static let folder: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("pledgekit-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FuzzInput.folder) }
        return url
    }()

    /// The repository's root, found from this file's place in it (Fuzz/Sources/FuzzSupport/).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Opens the file as a workbook and streams every sheet, hidden ones included. A refusal is a
    /// correct outcome (its message is still built); a crash, a leak or a hang is not.
    public static func readWorkbook(_ url: URL) {
        do {
            let workbook = try XLSXWorkbook.open(url: url)
            _ = try workbook.readTables(includeHidden: true)
        } catch {
            _ = error.description
        }
    }
}
