import Foundation
import GRDB

/// A department's personal link as recorded: only the token's hash is kept.
public struct LinkRecord: Sendable, Equatable {
    public var id: Int64
    public var department: String
    public var createdAt: Date
    public var revokedAt: Date?
}

/// The `links` table. A link is shown once, when it is made; the database keeps its sha256.
public struct LinkStore: Sendable {
    let queue: DatabaseQueue

    /// A new link for the department (the token, to show once).
    public func create(department: String, at time: Date) async throws -> String {
        let token = Secrets.token()
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO links (department, token_hash, created_at) VALUES (?, ?, ?)",
                           arguments: [department, Secrets.hash(token), time])
        }
        return token
    }

    /// The departments among `departments` that have no live link, each given one: (department, token).
    public func createMissing(for departments: [String], at time: Date) async throws -> [(String, String)] {
        try await queue.write { db in
            let live = Set(try String.fetchAll(db, sql: "SELECT department FROM links WHERE revoked_at IS NULL"))
            var made: [(String, String)] = []
            for department in departments where !live.contains(department) {
                let token = Secrets.token()
                try db.execute(sql: "INSERT INTO links (department, token_hash, created_at) VALUES (?, ?, ?)",
                               arguments: [department, Secrets.hash(token), time])
                made.append((department, token))
            }
            return made
        }
    }

    /// Revokes the department's live links and ends the sessions opened through them, in one
    /// transaction: a revoked link stops working at once.
    public func revoke(department: String, at time: Date) async throws -> Int {
        try await queue.write { db in
            try db.execute(sql: """
                DELETE FROM sessions WHERE link_id IN (SELECT id FROM links WHERE department = ? AND revoked_at IS NULL)
                """, arguments: [department])
            try db.execute(sql: "UPDATE links SET revoked_at = ? WHERE department = ? AND revoked_at IS NULL",
                           arguments: [time, department])
            return db.changesCount
        }
    }

    /// Revokes the department's link and makes a new one (the token, to show once).
    public func rotate(department: String, at time: Date) async throws -> String {
        _ = try await revoke(department: department, at: time)
        return try await create(department: department, at: time)
    }

    /// The live link a token opens, if any.
    public func live(token: String) async throws -> LinkRecord? {
        try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM links WHERE token_hash = ? AND revoked_at IS NULL",
                             arguments: [Secrets.hash(token)]).map(Self.record)
        }
    }

    /// Every link ever made, oldest first.
    public func all() async throws -> [LinkRecord] {
        try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM links ORDER BY id").map(Self.record)
        }
    }

    static func record(_ row: Row) -> LinkRecord {
        LinkRecord(id: row["id"], department: row["department"], createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}
