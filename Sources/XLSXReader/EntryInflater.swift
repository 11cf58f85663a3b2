import CLibXML2

/// Inflates one zip entry on demand (pull-based, so libxml2's reader can read the sheet as it is
/// inflated, never holding the whole XML). Input is bounded by the entry's compressed size and
/// output by its declared size and `ZipLimits`; the CRC-32 is checked at the end; a stream that
/// ends early is "truncated", never a loop.
final class EntryInflater {
    let file: ZipFileBytes
    let entry: ZipEntry
    let limits: ZipLimits
    let budget: InflateBudget
    /// Counts attributes per element on the bytes as they are inflated, before libxml2 sees them.
    private var markup = MarkupScanner()
    private var stream = z_stream()
    private var started = false
    private var finished = false
    private var produced = 0
    private var storedOffset = 0
    private var crc: UInt = 0
    private(set) var failure: XLSXReadError?

    init(file: ZipFileBytes, entry: ZipEntry, limits: ZipLimits, budget: InflateBudget) {
        self.file = file
        self.entry = entry
        self.limits = limits
        self.budget = budget
    }

    deinit {
        if started && entry.method == 8 { inflateEnd(&stream) }
    }

    var bytesProduced: Int { produced }

    /// Fills `buffer` with up to `capacity` bytes; 0 at the end of the entry.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(XLSXReadError) -> Int {
        if let failure { throw failure }
        do {
            return try readChecked(into: buffer, capacity: capacity)
        } catch {
            failure = error
            throw error
        }
    }

    private func readChecked(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(XLSXReadError) -> Int {
        guard !finished, capacity > 0 else { return 0 }
        let count: Int
        if entry.method == 0 {
            count = min(capacity, entry.compressedSize - storedOffset)
            (file.base.baseAddress! + entry.dataOffset + storedOffset).withMemoryRebound(to: UInt8.self, capacity: count) {
                buffer.update(from: $0, count: count)
            }
            storedOffset += count
            if storedOffset == entry.compressedSize { finished = true }
        } else {
            if !started {
                let status = inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
                guard status == Z_OK else { throw .damaged(part: entry.name, detail: "展開を始められません") }
                started = true
                stream.next_in = (file.base.baseAddress! + entry.dataOffset).assumingMemoryBound(to: UInt8.self)
                stream.avail_in = UInt32(entry.compressedSize)
            }
            stream.next_out = buffer
            stream.avail_out = UInt32(min(capacity, Int(UInt32.max)))
            let status = inflate(&stream, Z_NO_FLUSH)
            count = min(capacity, Int(UInt32.max)) - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                finished = true
            case Z_OK:
                break
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw .truncated
            default:
                throw .damaged(part: entry.name, detail: "圧縮データが壊れています")
            }
            if count == 0 && !finished && stream.avail_in == 0 { throw .truncated }
        }
        produced += count
        if produced > entry.uncompressedSize {
            // More bytes than the directory declared: what the ratio check trusted was a lie.
            throw .inflatedSizeLimit(part: entry.name, limit: entry.uncompressedSize)
        }
        if produced > limits.ratioGraceBytes {
            let consumed = entry.method == 8 ? entry.compressedSize - Int(stream.avail_in) : produced
            if Double(consumed) / Double(produced) < limits.minInflateRatio {
                throw .suspiciousRatio(part: entry.name, compressed: entry.compressedSize, uncompressed: produced)
            }
        }
        guard budget.take(count) else { throw .inflateBudget(limit: budget.limit) }
        if !markup.scan(UnsafeBufferPointer(start: buffer, count: count)) {
            throw .tooManyAttributes(part: entry.name, limit: MarkupScanner.maxAttributes)
        }
        crc = crc32(crc, buffer, UInt32(count))
        if finished {
            guard produced == entry.uncompressedSize else { throw .damaged(part: entry.name, detail: "サイズが一致しません") }
            guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else { throw .damaged(part: entry.name, detail: "CRCが一致しません") }
        }
        return count
    }
}
