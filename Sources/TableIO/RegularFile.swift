import Foundation

/// A file opened for reading that can neither block nor be larger than the caller allows: opened
/// non-blocking (a FIFO or a device would otherwise wait for a writer forever) and refused unless
/// it is a regular file, its size taken from the open descriptor before any byte is read.
final class RegularFile {
    let descriptor: Int32
    let size: Int
    let file: String

    init(path: String, file: String) throws(TableReadError) {
        self.file = file
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "ファイルが見つかりません" : errno == EACCES ? "読み取りの権限がありません" : "エラー番号 \(errno)"
            throw TableReadError(file: file, "ファイルを読み込めません（\(reason)）。")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw TableReadError(file: file, "通常のファイルではありません（\(FileKind.name(of: info.st_mode))）。提出ファイルそのものを入れてください。")
        }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes from `offset` (fewer only at the end of the file).
    func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawBufferPointer) throws(TableReadError) -> Int {
        var done = 0
        while done < count {
            let n = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw TableReadError(file: file, "ファイルを読み込めません（エラー番号 \(errno)）。") }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Calls `body` with the file's bytes from `offset`, one chunk of at most `chunkSize` at a time;
    /// one buffer is reused, so memory stays at one chunk however large the file.
    func forEachChunk(from offset: Int = 0, chunkSize: Int = 1 << 20,
                      _ body: (UnsafeBufferPointer<UInt8>) throws(TableReadError) -> Void) throws(TableReadError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        while true {
            let count = try read(at: position, count: chunkSize, into: buffer)
            if count == 0 { return }
            try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
            position += count
        }
    }
}

/// What a file that is not a regular file is, in the words of a file manager.
public enum FileKind {
    public static func name(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "ファイル"
        case S_IFDIR: "フォルダ"
        case S_IFIFO: "名前付きパイプ(FIFO)"
        case S_IFCHR, S_IFBLK: "デバイス"
        case S_IFSOCK: "ソケット"
        case S_IFLNK: "シンボリックリンク"
        default: "特殊なファイル"
        }
    }
}
