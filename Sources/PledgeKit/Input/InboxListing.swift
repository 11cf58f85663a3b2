import Foundation
import TableIO

/// The inboxes' entries, walked once: the check before a run (does each folder hold anything to
/// read?) and the reading that follows look at the same list, and a folder of a thousand files
/// is listed once.
public struct InboxListing: Sendable {
    public let paths: [URL]
    /// For each path that is a folder (by its index in `paths`), its entries.
    let folders: [Int: [InboxEntry]]
    /// The first folder given that holds more than `InboxEntry.maxEntries`: not an inbox.
    public let oversized: URL?

    public init(_ paths: [URL]) {
        self.paths = paths
        var folders: [Int: [InboxEntry]] = [:]
        var oversized: URL?
        for (index, path) in paths.enumerated() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue {
                guard let entries = InboxEntry.walk(path) else {
                    oversized = path
                    break
                }
                folders[index] = entries
            }
        }
        self.folders = folders
        self.oversized = oversized
    }

    /// The entries of the path at `index`, walked now if the listing was made before it existed
    /// (none for the oversized folder, which is not walked again: `oversizedMessage` says why).
    func entries(at index: Int) -> [InboxEntry] {
        if paths[index] == oversized { return [] }
        return folders[index] ?? InboxEntry.walk(paths[index]) ?? []
    }

    /// The refusal of a listing with a folder too big to be an inbox (merge and check stop on it
    /// before reading anything). `role` names what the folder was given as (`提出フォルダ`).
    public func oversizedRefusal(role: String) -> Refusal? {
        oversized.map { Refusal(.usage, Self.oversizedMessage(role: role, folder: $0)) }
    }

    static func oversizedMessage(role: String, folder: URL) -> String {
        "\(role) \(folder.relativePath) の中身が多すぎます（ファイルとフォルダが\(TableLimits.grouped(InboxEntry.maxEntries))件を超えています）。"
            + "提出ファイルを入れたフォルダを指定してください（/ やホームフォルダなどの大きなフォルダ、またはそこへのリンクを指定していないか確かめてください）。"
    }
}
