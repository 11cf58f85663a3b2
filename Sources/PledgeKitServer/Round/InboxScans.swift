import Foundation

/// The files already in the round's inboxes, checked once per change of the folder: which
/// department each is from and what the check says. Looked at by 提出状況 and by every run (a
/// department's clean upload replaces its file from the inbox).
actor InboxScans {
    let engine: RoundEngine
    private var cache: [URL: (fingerprint: String, files: [String: CheckSummary])] = [:]

    init(engine: RoundEngine) { self.engine = engine }

    /// Every inbox's files by the name merge gives them (relative to the inbox).
    func scan(_ root: URL) async throws -> [String: CheckSummary] {
        let fingerprint = Self.fingerprint(root)
        if let cached = cache[root], cached.fingerprint == fingerprint { return cached.files }
        let engine = self.engine
        let files = try await Offload.run { engine.scanInbox(root) }
        cache[root] = (fingerprint, files)
        return files
    }

    /// Names, sizes and modification times of everything under the folder: it changes when a
    /// file is added, replaced or edited.
    static func fingerprint(_ root: URL) -> String {
        var lines: [String] = []
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return "" }
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            guard values?.isRegularFile == true else { continue }
            lines.append("\(url.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
        }
        return lines.sorted().joined(separator: "\n")
    }
}
