import Foundation

/// The inboxes' entries, walked once: the check before a run (does each folder hold anything to
/// read?) and the reading that follows look at the same list, and a folder of a thousand files
/// is listed once.
public struct InboxListing: Sendable {
    public let paths: [URL]
    /// For each path that is a folder (by its index in `paths`), its entries.
    let folders: [Int: [InboxEntry]]

    public init(_ paths: [URL]) {
        self.paths = paths
        var folders: [Int: [InboxEntry]] = [:]
        for (index, path) in paths.enumerated() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue {
                folders[index] = InboxEntry.walk(path)
            }
        }
        self.folders = folders
    }

    /// The entries of the path at `index`, walked now if the listing was made before it existed.
    func entries(at index: Int) -> [InboxEntry] {
        folders[index] ?? InboxEntry.walk(paths[index])
    }
}
