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
        do {
            try self.folder.prepare(clearingScratch: clearingScratch)
            database = try StateDatabase(path: self.folder.database)
        } catch let error as StateError {
            throw error
        } catch {
            throw StateError("状態フォルダ \(folder.path) を使えません（\(Self.reason(error))）。書き込めるフォルダを --state に指定してください。")
        }
    }

    /// The system's reason, without Foundation's error-domain wrapping.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
           underlying.domain == NSPOSIXErrorDomain, underlying.code > 0 {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
