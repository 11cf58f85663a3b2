import Foundation

/// Writes a run's files into a temporary folder beside the destination and moves them into place
/// only when every file was written: a failed run leaves the previous outputs as they were.
public struct OutputDirectory {
    public let destination: URL
    private var files: [(name: String, data: Data)] = []

    public init(destination: URL) {
        self.destination = destination
    }

    public mutating func add(_ name: String, _ data: Data) {
        files.append((name, data))
    }

    /// The names added so far, in order.
    public var names: [String] { files.map(\.name) }

    public func commit() throws -> [URL] {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).pledgekit-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: staging) }
        for file in files {
            try file.data.write(to: staging.appendingPathComponent(file.name), options: .atomic)
        }
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        var written: [URL] = []
        for file in files {
            let target = destination.appendingPathComponent(file.name)
            // rename(2) replaces the old file in one step: a reader sees the old or the new file.
            guard rename(staging.appendingPathComponent(file.name).path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            written.append(target)
        }
        return written
    }
}
