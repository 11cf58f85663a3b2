import Foundation
import GRDB

/// The state folder opened: its database's tables, one store each.
public struct RoundState: Sendable {
    public let folder: StateFolder
    public let database: StateDatabase
    public var uploads: UploadStore { UploadStore(queue: database.queue) }
    public var links: LinkStore { LinkStore(queue: database.queue) }
    public var sessions: SessionStore { SessionStore(queue: database.queue) }
    public var audit: AuditLog { AuditLog(queue: database.queue) }
    public var settings: SettingsStore { SettingsStore(queue: database.queue) }
    public var runs: RunStore { RunStore(queue: database.queue) }

    public init(folder: URL, clearingScratch: Bool = false) throws {
        self.folder = StateFolder(folder)
        try self.folder.prepare(clearingScratch: clearingScratch)
        database = try StateDatabase(path: self.folder.database)
    }
}
