import Foundation

/// The zip-safety limits. Apache POI's defaults (ZipSecureFile) were the start; they apply to the
/// parts actually read, never to a picture or a printer setting the reader does not open.
public struct ZipLimits: Sendable {
    /// Most entries an archive may have.
    public var maxEntries = 1000
    /// A part read whose compressed/uncompressed ratio falls below this, once it is past
    /// `ratioGraceBytes`, is refused as a zip bomb. Deflate cannot do better than about 1:1032; honest
    /// XML reaches about 1:125 (a 471 KB workbook whose shared strings inflate to 57 MB), so 1:200
    /// refuses the classic bombs at once and reads real files; the budget below ends the rest.
    public var minInflateRatio = 0.005
    public var ratioGraceBytes = 1 << 20
    /// Most bytes one part may inflate to.
    public var maxEntryBytes = 256 << 20
    /// All the bytes one workbook's parts may inflate to together (re-reading a part counts again):
    /// the budget that ends, within seconds, a bomb the ratio check lets through (XML that
    /// compresses 1:70, like honest XML, and inflates to gigabytes: libxml2 parses the worst XML
    /// (`<x/>` by the million) at about 45 MB/s here. 4× the 200,000-row benchmark workbook's 62 MB.
    public var maxTotalBytes = 256 << 20
    /// Largest workbook file read at all.
    public var maxFileBytes = 512 << 20

    public static let standard = ZipLimits()
    public init() {}
}

/// The bytes inflated so far for one workbook, against `ZipLimits.maxTotalBytes`. Parts are
/// inflated one at a time, but on the pipeline's thread: hence the lock.
final class InflateBudget: @unchecked Sendable {
    let limit: Int
    private var used = 0
    private let lock = NSLock()

    init(limit: Int) { self.limit = limit }

    /// Takes `count` bytes; false once the total passes the limit.
    func take(_ count: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        used += count
        return used <= limit
    }

    var remaining: Int {
        lock.lock()
        defer { lock.unlock() }
        return max(0, limit - used)
    }
}
