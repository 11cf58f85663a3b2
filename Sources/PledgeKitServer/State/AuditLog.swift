import Foundation
import GRDB

/// Who did what, when: sign-ins, uploads, links, runs. Rows are only added.
public struct AuditLog: Sendable {
    let queue: DatabaseQueue

    public struct Entry: Sendable {
        public var time: Date
        public var actor: String
        public var action: String
        public var detail: String
    }

    public func record(_ actor: String, _ action: String, _ detail: String = "", at time: Date) async throws {
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO audit_log (time, actor, action, detail) VALUES (?, ?, ?, ?)",
                           arguments: [time, actor, action, detail])
        }
    }

    public func recent(_ count: Int) async throws -> [Entry] {
        try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [count]).map { row in
                Entry(time: row["time"], actor: row["actor"], action: row["action"], detail: row["detail"])
            }
        }
    }
}
