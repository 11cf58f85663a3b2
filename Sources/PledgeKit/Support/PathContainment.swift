import Foundation

/// Whether one path lies inside another, symbolic links resolved: an out folder must not be inside
/// an inbox (it would be read back as a submission) nor hold one.
public enum PathContainment {
    /// An absolute path with symbolic links resolved, also for a path that does not exist yet
    /// (its nearest existing folder is resolved and the rest appended).
    public static func canonical(_ url: URL) -> [String] {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return existing.resolvingSymlinksInPath().pathComponents + rest
    }

    /// Whether `inner` is `outer` or lies inside it.
    public static func contains(_ outer: [String], _ inner: [String]) -> Bool {
        inner.count >= outer.count && Array(inner.prefix(outer.count)) == outer
    }
}
