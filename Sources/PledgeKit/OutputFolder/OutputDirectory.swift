import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run's files, put in place as one folder: written into a sibling folder, which then takes the
/// out folder's place in one step (`FolderSwap`). A kill at any moment leaves the out folder with
/// all the old files or all the new ones; a failure before the swap leaves it as it was.
///
/// Entries of the out folder that this run does not write (a README someone put there, a workbook
/// of another layout's name) are carried into the new folder as hard links (copies where the file
/// system has none), so they stay as they were. The new folder takes the old one's permissions.
public struct OutputDirectory {
    public let lock: OutputLock
    private let hooks: CommitHooks
    private var files: [(name: String, data: Data)] = []

    /// Writing needs the out folder's lock (`OutputLock.acquire`), taken before anything is read.
    public init(lock: OutputLock, hooks: CommitHooks = .none) {
        self.lock = lock
        self.hooks = hooks
    }

    public var destination: URL { lock.folder }

    public mutating func add(_ name: String, _ data: Data) {
        files.append((name, data))
    }

    /// The names added so far, in order.
    public var names: [String] { files.map(\.name) }

    /// Why a commit failed, and whether the out folder is still as it was.
    public enum CommitError: Error {
        /// Nothing in the out folder changed.
        case unchanged(Error)
        /// The old outputs were set aside and could not be put back: they are in `aside`, and the
        /// next run puts them back.
        case setAside(Error, aside: URL)
    }

    public func commit() throws(CommitError) -> [URL] {
        let manager = FileManager.default
        let staging = OutputLeftovers.staging(for: destination, run: lock.run)
        let existed = manager.fileExists(atPath: destination.path)
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Self.writeDurably(file.data, to: staging.appendingPathComponent(file.name))
            }
            hooks.at(.staged)
            if existed {
                try carryOver(into: staging)
                if let mode = (try? manager.attributesOfItem(atPath: destination.path))?[.posixPermissions] {
                    try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: staging.path)
                }
            }
            hooks.at(.carried)
            if hooks.fails(.swap) { throw POSIXError(.ENOSPC) }
        } catch {
            try? manager.removeItem(at: staging)
            throw .unchanged(error)
        }
        if !existed {
            guard rename(staging.path, destination.path) == 0 else { throw fail(errno, removing: staging) }
        } else if try exchange(staging) {
            hooks.at(.swapped)
            // The sibling now holds the old outputs; if removing them fails, the next run does it.
            try? manager.removeItem(at: staging)
        } else {
            try replaceByRenaming(staging)
        }
        return files.map { lock.requested.appendingPathComponent($0.name) }
    }

    private func exchange(_ staging: URL) throws(CommitError) -> Bool {
        do {
            return try !hooks.exchangeUnavailable && FolderSwap.exchange(staging.path, destination.path)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw .unchanged(error)
        }
    }

    /// Where folders cannot be swapped: the old folder is renamed aside, the new one renamed in. In
    /// between the out folder is missing; a kill there is repaired by the next run
    /// (`OutputLeftovers.clean` puts the old folder back).
    private func replaceByRenaming(_ staging: URL) throws(CommitError) {
        let aside = OutputLeftovers.aside(for: destination, run: lock.run)
        guard rename(destination.path, aside.path) == 0 else { throw fail(errno, removing: staging) }
        hooks.at(.aside)
        let injected = hooks.fails(.renameIn)
        if !injected, rename(staging.path, destination.path) == 0 {
            try? FileManager.default.removeItem(at: aside)
            return
        }
        let code = injected ? EIO : errno
        if !hooks.fails(.restore), rename(aside.path, destination.path) == 0 {
            throw fail(code, removing: staging)
        }
        throw .setAside(POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO), aside: aside)
    }

    private func fail(_ code: Int32, removing staging: URL) -> CommitError {
        try? FileManager.default.removeItem(at: staging)
        return .unchanged(POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO))
    }

    /// The out folder's other entries, hard-linked (or copied) into the new folder, folders recursively.
    private func carryOver(into staging: URL) throws {
        let ours = Set(files.map(\.name))
        for name in try FileManager.default.contentsOfDirectory(atPath: destination.path)
            where !ours.contains(name) && !OutputLeftovers.isWriteCheck(name) {
            try Self.carry(destination.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
    }

    private static func carry(_ source: URL, to target: URL) throws {
        let manager = FileManager.default
        let type = try manager.attributesOfItem(atPath: source.path)[.type] as? FileAttributeType
        switch type {
        case .typeDirectory?:
            try manager.createDirectory(at: target, withIntermediateDirectories: false)
            for name in try manager.contentsOfDirectory(atPath: source.path) {
                try carry(source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        case .typeSymbolicLink?:
            try manager.createSymbolicLink(atPath: target.path, withDestinationPath: manager.destinationOfSymbolicLink(atPath: source.path))
        default:
            if link(source.path, target.path) != 0 { try manager.copyItem(at: source, to: target) }
        }
    }

    /// Written and flushed to disk, so that the swap never exposes a file the system has not stored.
    private static func writeDurably(_ data: Data, to url: URL) throws {
        try data.write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.synchronize()
    }
}
