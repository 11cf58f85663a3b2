import Foundation
import ZIPFoundation

/// Opens a workbook file as a zip archive and refuses what an office must not read: OLE files
/// (`.xls`, encrypted workbooks), non-zips, truncated archives, too many entries, unsafe or duplicate
/// names. Entries named with backslashes (`xl\workbook.xml`, from some Windows tools) are read
/// under their `/` names, after the traversal checks. The sizes and ratio of a part are checked when
/// it is read (`stream`), and the inflater enforces them again on the bytes actually produced.
///
/// ZIPFoundation opens the archive and lists its entries; its list must agree with the bounds-checked
/// directory `ZipDirectory` reads. The bytes themselves go through `EntryInflater`, not ZIPFoundation's
/// `extract`: on Linux, 0.9.20's inflate loop spins forever on a stream that ends early and hands zlib
/// a buffer length larger than the chunk it read.
struct ZipArchiveGuard {
    let file: ZipFileBytes
    let entries: [String: ZipEntry]
    let entryNames: [String]
    let limits: ZipLimits
    /// Shared by every part this workbook reads, so that reading a part again counts again.
    let budget: InflateBudget

    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(url: URL, limits: ZipLimits = .standard) throws(XLSXReadError) {
        let file = try ZipFileBytes(url: url, limit: limits.maxFileBytes)
        if file.starts(with: Array(Self.oleSignature.prefix(4))) { throw .oleCompoundFile }
        guard file.starts(with: [0x50, 0x4B]) else { throw .notZip }
        let listed = try ZipDirectory.entries(of: file, limits: limits)
        // ZIPFoundation must read the same archive the same way.
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .truncated
        }
        var foundationNames: [String] = []
        for entry in archive {
            foundationNames.append(entry.path.replacingOccurrences(of: "\\", with: "/"))
            if foundationNames.count > limits.maxEntries { break }
        }
        guard foundationNames == listed.map(\.name) else {
            throw .damaged(part: "ZIP", detail: "目次とファイル本体が一致しません")
        }
        self.file = file
        self.limits = limits
        self.budget = InflateBudget(limit: limits.maxTotalBytes)
        self.entryNames = listed.map(\.name)
        var byName: [String: ZipEntry] = [:]
        for entry in listed { byName[entry.name] = entry }
        self.entries = byName
    }

    static func checkRatio(part: String, compressed: Int, uncompressed: Int, limits: ZipLimits) throws(XLSXReadError) {
        guard uncompressed > limits.ratioGraceBytes else { return }
        if Double(compressed) / Double(uncompressed) < limits.minInflateRatio {
            throw .suspiciousRatio(part: part, compressed: compressed, uncompressed: uncompressed)
        }
    }

    /// The entry for an OPC part name (`xl/workbook.xml`); part names are case-insensitive.
    func entry(_ name: String) -> ZipEntry? {
        if let exact = entries[name] { return exact }
        let lowered = name.lowercased()
        return entries.first { $0.key.lowercased() == lowered }?.value
    }

    /// The part's bytes, inflated as they are read. The sizes and the ratio are checked here, on
    /// the parts actually read, not at open: an unread picture never refuses a workbook.
    func stream(_ entry: ZipEntry) throws(XLSXReadError) -> EntryInflater {
        guard entry.method == 0 || entry.method == 8 else { throw .unsupportedZip("圧縮方式\(entry.method)") }
        if entry.method == 0 && entry.compressedSize != entry.uncompressedSize {
            throw .damaged(part: entry.name, detail: "サイズが一致しません")
        }
        try Self.checkRatio(part: entry.name, compressed: entry.compressedSize, uncompressed: entry.uncompressedSize, limits: limits)
        guard entry.uncompressedSize <= limits.maxEntryBytes else {
            throw .inflatedSizeLimit(part: entry.name, limit: limits.maxEntryBytes)
        }
        guard entry.uncompressedSize <= budget.remaining else { throw .inflateBudget(limit: limits.maxTotalBytes) }
        return EntryInflater(file: file, entry: entry, limits: limits, budget: budget)
    }
}
