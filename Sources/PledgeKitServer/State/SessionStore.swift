import Foundation
import GRDB

/// A signed-in browser: the office, or a department through its link.
public struct Session: Sendable, Equatable {
    public enum Kind: String, Sendable { case office, department }
    public var kind: Kind
    /// The department, for a department's session.
    public var department: String?
    public var csrfToken: String
}

/// The `sessions` table. The cookie holds a random token; the table its sha256.
public struct SessionStore: Sendable {
    let queue: DatabaseQueue

    /// A new session (the cookie's token).
    public func create(_ kind: Session.Kind, department: String? = nil, linkID: Int64? = nil,
                       at time: Date, lifetime: TimeInterval) async throws -> String {
        let token = Secrets.token()
        try await queue.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [time])
            try db.execute(sql: """
                INSERT INTO sessions (id_hash, kind, department, link_id, csrf_token, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [Secrets.hash(token), kind.rawValue, department, linkID, Secrets.token(), time,
                                 time.addingTimeInterval(lifetime)])
        }
        return token
    }

    /// The live session of a cookie token: not expired, and for a department, its link not revoked
    /// (checked on every request, so a revoked link stops at once even if a session survived).
    public func find(token: String, at time: Date) async throws -> Session? {
        try await queue.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.kind, s.department, s.csrf_token, l.revoked_at AS link_revoked, s.link_id
                FROM sessions s LEFT JOIN links l ON l.id = s.link_id
                WHERE s.id_hash = ? AND s.expires_at > ?
                """, arguments: [Secrets.hash(token), time]) else { return nil }
            guard let kind = Session.Kind(rawValue: row["kind"]) else { return nil }
            if kind == .department {
                let linkID: Int64? = row["link_id"]
                let revoked: Date? = row["link_revoked"]
                guard linkID != nil, revoked == nil else { return nil }
            }
            return Session(kind: kind, department: row["department"], csrfToken: row["csrf_token"])
        }
    }

    public func delete(token: String) async throws {
        try await queue.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id_hash = ?", arguments: [Secrets.hash(token)])
        }
    }
}
