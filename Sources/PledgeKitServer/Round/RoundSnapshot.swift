import Foundation

/// The round's inbox as merge sees it, copied into one folder for one run (kept with the run,
/// a record of what it merged) or one preview: the files of each inbox given on the command line
/// (their paths kept, so that merge names them as it would), less those of a department whose
/// clean upload replaces them, and each department's latest clean upload as `部署名.ext`.
struct RoundSnapshot: Sendable {
    let engine: RoundEngine
    let state: RoundState
    let scans: InboxScans

    /// The inbox folders to give merge (those holding a file), in the order inboxes then uploads.
    func make(in folder: URL) async throws -> [URL] {
        let accepted = try await state.uploads.latestAccepted()
        let replaced = Set(accepted.map(\.department))
        var inboxes: [URL] = []
        for (index, root) in engine.round.inboxes.enumerated() {
            let scan = try await scans.scan(root)
            let skipped = Set(scan.filter { !$0.value.departments.isEmpty && $0.value.departments.allSatisfy(replaced.contains) }.keys)
            let copy = folder.appendingPathComponent("inbox-\(index + 1)", isDirectory: true)
            if try Self.copyTree(root, to: copy, skipping: skipped) { inboxes.append(copy) }
        }
        let uploads = folder.appendingPathComponent("uploads", isDirectory: true)
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        for upload in accepted {
            let ext = (upload.storedName as NSString).pathExtension
            let name = Self.fileBase(upload.department) + "." + ext
            try FileManager.default.copyItem(at: state.folder.uploads.appendingPathComponent(upload.storedName),
                                             to: uploads.appendingPathComponent(name))
        }
        if !accepted.isEmpty { inboxes.append(uploads) }
        return inboxes
    }

    /// `財政課`; characters no file system takes become `＿` (as `template` names its files).
    static func fileBase(_ department: String) -> String {
        let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        let safe = String(department.map { forbidden.contains($0) || $0.isNewline ? "＿" : $0 })
        return safe.hasPrefix(".") ? "＿" + safe.dropFirst() : safe
    }

    /// Copies the regular files under `root` (through symbolic links, as the reader follows them),
    /// keeping their relative paths; true when at least one was copied.
    static func copyTree(_ root: URL, to copy: URL, skipping: Set<String>) throws -> Bool {
        let files = FileManager.default
        try files.createDirectory(at: copy, withIntermediateDirectories: true)
        guard let walker = files.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return false }
        var copied = false
        for case let url as URL in walker {
            let resolved = url.resolvingSymlinksInPath()
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = relativePath(of: url, under: root)
            guard !relative.isEmpty, !skipping.contains(relative) else { continue }
            let target = copy.appendingPathComponent(relative)
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files.copyItem(at: resolved, to: target)
            copied = true
        }
        return copied
    }

    static func relativePath(of url: URL, under root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return "" }
        return String(path.dropFirst(base.count + 1))
    }
}
