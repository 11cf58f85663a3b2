/// The zip-safety limits (Apache POI's defaults: ZipSecureFile).
public struct ZipLimits: Sendable {
    /// Most entries an archive may have.
    public var maxEntries = 1000
    /// An entry whose compressed/uncompressed ratio falls below this, once it is past
    /// `ratioGraceBytes`, is refused as a zip bomb.
    public var minInflateRatio = 0.01
    public var ratioGraceBytes = 100 * 1024
    /// Most bytes one entry may inflate to, and all entries read from one workbook together.
    public var maxEntryBytes = 1 << 30
    public var maxTotalBytes = 2 << 30
    /// Largest workbook file read at all.
    public var maxFileBytes = 512 << 20

    public static let standard = ZipLimits()
    public init() {}
}
