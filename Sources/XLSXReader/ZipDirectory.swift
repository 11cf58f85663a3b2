import Foundation

/// The whole workbook file in memory (a submission is a few MB; `ZipLimits.maxFileBytes` caps it).
final class ZipFileBytes: @unchecked Sendable {
    let base: UnsafeMutableRawBufferPointer
    let count: Int

    init(url: URL, limit: Int) throws(XLSXReadError) {
        let fd = open(url.path, O_RDONLY | O_NONBLOCK)  // a FIFO must not block: refused below
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .fileNotFound }
            throw .damaged(part: url.lastPathComponent, detail: "ファイルを開けません")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .damaged(part: url.lastPathComponent, detail: "ファイルを開けません") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notZip }
        let size = Int(info.st_size)
        guard size <= limit else { throw .fileTooLarge(bytes: size) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1), alignment: 16)
        var done = 0
        while done < size {
            let n = read(fd, buffer.baseAddress! + done, size - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { buffer.deallocate(); throw .damaged(part: url.lastPathComponent, detail: "ファイルを読めません") }
            done += n
        }
        base = buffer
        count = size
    }

    deinit { base.deallocate() }

    func u16(_ offset: Int) -> Int { Int(base[offset]) | Int(base[offset + 1]) << 8 }
    func u32(_ offset: Int) -> Int { u16(offset) | u16(offset + 2) << 16 }
    func starts(with bytes: [UInt8]) -> Bool {
        count >= bytes.count && bytes.indices.allSatisfy { base[$0] == bytes[$0] }
    }
}

/// One entry of the central directory, with where its data lies (checked to be inside the file).
struct ZipEntry: Sendable {
    var name: String
    var method: Int
    var flags: Int
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var dataOffset: Int
    var isDirectory: Bool { name.hasSuffix("/") }
}

/// Reads the end-of-central-directory record and the central directory, every offset and length
/// bounds-checked. ZIPFoundation (`ZipArchiveGuard`) vets the same archive; this gives the data offsets
/// the bounded inflater needs.
enum ZipDirectory {
    static func entries(of file: ZipFileBytes, limits: ZipLimits) throws(XLSXReadError) -> [ZipEntry] {
        let size = file.count
        guard size >= 22 else { throw .truncated }
        // The EOCD record is 22 bytes plus a comment of at most 65,535 bytes.
        var eocd = -1
        var offset = size - 22
        let lowest = max(0, size - 22 - 65_535)
        while offset >= lowest {
            if file.base[offset] == 0x50 && file.u32(offset) == 0x0605_4B50 && offset + 22 + file.u16(offset + 20) <= size {
                eocd = offset
                break
            }
            offset -= 1
        }
        guard eocd >= 0 else { throw .truncated }
        let total = file.u16(eocd + 10)
        let directorySize = file.u32(eocd + 12)
        let directoryOffset = file.u32(eocd + 16)
        if total == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
            throw .unsupportedZip("ZIP64")
        }
        guard total <= limits.maxEntries else { throw .tooManyEntries(count: total) }
        guard directoryOffset + directorySize <= eocd else { throw .truncated }
        var entries: [ZipEntry] = []
        var names = Set<String>()
        var cursor = directoryOffset
        for _ in 0..<total {
            guard cursor + 46 <= eocd, file.u32(cursor) == 0x0201_4B50 else { throw .truncated }
            let flags = file.u16(cursor + 8)
            let method = file.u16(cursor + 10)
            let crc = UInt32(file.u32(cursor + 16))
            let compressed = file.u32(cursor + 20)
            let uncompressed = file.u32(cursor + 24)
            let nameLength = file.u16(cursor + 28)
            let extraLength = file.u16(cursor + 30)
            let commentLength = file.u16(cursor + 32)
            let localOffset = file.u32(cursor + 42)
            guard cursor + 46 + nameLength <= eocd else { throw .truncated }
            let nameBytes = UnsafeRawBufferPointer(rebasing: file.base[(cursor + 46)..<(cursor + 46 + nameLength)])
            let storedName = (flags & 0x800) != 0 || nameBytes.allSatisfy({ $0 < 0x80 })
                ? String(decoding: nameBytes, as: UTF8.self)
                : String(nameBytes.map { Character(Unicode.Scalar($0)) })
            cursor += 46 + nameLength + extraLength + commentLength
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw .unsupportedZip("ZIP64")
            }
            try checkName(storedName)
            let name = storedName.replacingOccurrences(of: "\\", with: "/")
            guard names.insert(name.lowercased()).inserted else { throw .duplicateEntryName(name) }
            if flags & 0x1 != 0 { throw .encryptedEntry(name) }
            // The local header: its own name and extra lengths decide where the data starts.
            guard localOffset + 30 <= directoryOffset, file.u32(localOffset) == 0x0403_4B50 else { throw .truncated }
            let dataOffset = localOffset + 30 + file.u16(localOffset + 26) + file.u16(localOffset + 28)
            guard dataOffset + compressed <= directoryOffset else { throw .truncated }
            entries.append(ZipEntry(name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                                    uncompressedSize: uncompressed, dataOffset: dataOffset))
        }
        return entries
    }

    /// `..` segments, absolute names (`/x`, `\x`, `C:`) and NUL are refused: an OPC part name never has them.
    static func checkName(_ name: String) throws(XLSXReadError) {
        let unified = name.replacingOccurrences(of: "\\", with: "/")
        let segments = unified.split(separator: "/", omittingEmptySubsequences: false)
        if unified.hasPrefix("/") || segments.contains("..") || unified.contains("\0")
            || (unified.count >= 2 && unified.dropFirst().first == ":") {
            throw .unsafeEntryName(name)
        }
    }
}
