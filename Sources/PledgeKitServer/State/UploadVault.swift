import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps uploaded bytes under names the server makes (`<uuid>.xlsx`), never the uploaded name,
/// and never overwrites or deletes one. A file is written to a temporary name, flushed to disk,
/// renamed into place and the folder flushed, before its database row is committed and the
/// answer sent: an upload answered 受け付けました survives a SIGKILL or a power cut.
public struct UploadVault: Sendable {
    let folder: URL
    /// The temporary name's prefix, until the file is complete and has its own name.
    static let incomingPrefix = ".incoming-"

    /// The stored name.
    public func store(_ data: Data, extension fileExtension: String) throws -> String {
        let name = UUID().uuidString.lowercased() + "." + fileExtension
        let temporary = folder.appendingPathComponent(Self.incomingPrefix + name)
        let target = folder.appendingPathComponent(name)
        try DurableFile.write(data, to: temporary)
        // link(2), not rename(2): it fails if the name exists, so nothing is ever overwritten. A
        // file system without hard links gets rename(2) to the fresh UUID name, which no file has.
        if link(temporary.path, target.path) == 0 {
            unlink(temporary.path)
        } else if [EPERM, EOPNOTSUPP, ENOSYS].contains(errno), access(target.path, F_OK) != 0,
                  rename(temporary.path, target.path) == 0 {
            // renamed
        } else {
            let code = errno
            unlink(temporary.path)
            throw StateError("アップロードされたファイルを保存できません（\(String(cString: strerror(code)))）。")
        }
        try DurableFile.syncFolder(folder)
        return name
    }

    public func url(of storedName: String) -> URL {
        folder.appendingPathComponent(storedName)
    }
}

/// Writing a file so that it is on the disk when the call returns.
enum DurableFile {
    static func write(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw failure(url) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(url)
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw failure(url) }
    }

    static func syncFolder(_ folder: URL) throws {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(folder) }
    }

    private static func failure(_ url: URL) -> StateError {
        StateError("\(url.lastPathComponent) を書き込めません（\(String(cString: strerror(errno)))）。")
    }
}
