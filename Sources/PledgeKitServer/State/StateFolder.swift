import Foundation

/// Where the round's state lives: the database, every uploaded file (under names the server
/// made), each run's copy of its inputs and outputs, and scratch space on the same file system
/// (so that a rename into place is atomic).
public struct StateFolder: Sendable {
    public let root: URL

    public init(_ root: URL) { self.root = root.standardizedFileURL }

    public var database: URL { root.appendingPathComponent("pledgekit.sqlite") }
    public var uploads: URL { root.appendingPathComponent("uploads", isDirectory: true) }
    public var runs: URL { root.appendingPathComponent("runs", isDirectory: true) }
    public var scratch: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    public func run(_ id: Int64) -> URL { runs.appendingPathComponent(String(id), isDirectory: true) }

    /// Makes the folders. The server empties the scratch folder when it starts (what is there is
    /// from a preview cut short); the link and password commands, which may run beside it, do not.
    public func prepare(clearingScratch: Bool) throws {
        let files = FileManager.default
        if clearingScratch { try? files.removeItem(at: scratch) }
        for folder in [root, uploads, runs, scratch] {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        // An upload cut short by a kill leaves its temporary file; it was never answered (an
        // answer comes after its rename and its row), so it is nobody's upload.
        if clearingScratch {
            for name in (try? files.contentsOfDirectory(atPath: uploads.path)) ?? [] where name.hasPrefix(UploadVault.incomingPrefix) {
                try? files.removeItem(at: uploads.appendingPathComponent(name))
            }
        }
    }

    /// A new empty folder under the scratch folder.
    public func newScratchFolder(_ prefix: String) throws -> URL {
        let folder = scratch.appendingPathComponent("\(prefix)-\(UUID().uuidString.lowercased())", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
