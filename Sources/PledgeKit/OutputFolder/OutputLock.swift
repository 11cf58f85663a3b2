import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run at a time per out folder: an exclusive `flock` on `.<out>.pledgekit.lock` beside it,
/// held from before anything is read until the outputs are in place. A second run into the same
/// folder does not wait: it stops at once with exit 73 and the first run's process number. The
/// system releases the lock when the process ends, however it ends, so a killed run never leaves
/// the folder locked. The lock file itself stays (removing it would let two runs lock two files).
public final class OutputLock {
    /// The out folder with symbolic links resolved: the folder that is really replaced.
    public let folder: URL
    /// The out folder as the user named it, for the paths a run prints.
    public let requested: URL
    /// Names this run's folders beside the out folder (never the process number: two runs of one
    /// process, into two folders, must not collide).
    let run = UUID().uuidString.lowercased()
    private let descriptor: Int32

    private init(folder: URL, requested: URL, descriptor: Int32) {
        self.folder = folder
        self.requested = requested
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    static func lockFile(for folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).pledgekit.lock")
    }

    /// Takes the lock, then removes what a killed run left beside the folder (`OutputLeftovers`).
    public static func acquire(for out: URL) throws(Refusal) -> OutputLock {
        let folder = URL(fileURLWithPath: "/" + PathContainment.canonical(out).dropFirst().joined(separator: "/"))
        let path = lockFile(for: folder).path
        do {
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Refusal(.cannotWrite, "出力先 \(out.path) に書き出せません（\(OutputLocation.reason(of: error))）。")
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Refusal(.cannotWrite, "出力先 \(out.path) に書き出せません（\(path): \(OutputLocation.reason(errno: errno))）。")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw Refusal(.cannotWrite, "出力先 \(out.path) には、別の pledgekit"
                + (holder.isEmpty ? "" : "（プロセス番号 \(holder)）") + "が書き出し中です。"
                + "同じ出力先への実行は一度に一つです。終わってから実行し直すか、別の出力先を指定してください。")
        }
        // The holder's process number, for the message a second run prints.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        let lock = OutputLock(folder: folder, requested: out, descriptor: descriptor)
        do {
            try OutputLeftovers.clean(beside: folder)
        } catch {
            throw Refusal(.cannotWrite, "出力先 \(out.path) の前回の中断の後始末ができません（\(OutputLocation.reason(of: error))）。")
        }
        return lock
    }
}
