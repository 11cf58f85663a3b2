import Foundation
import GRDB
import HummingbirdBcrypt

/// The `settings` table: today only the office password's bcrypt hash (slow and salted).
public struct SettingsStore: Sendable {
    let queue: DatabaseQueue
    static let passwordKey = "office_password_bcrypt"

    public func setPassword(_ password: String, cost: UInt8) async throws {
        let hash = try await Offload.run { Bcrypt.hash(password, cost: cost) }
        try await queue.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [Self.passwordKey, hash])
        }
    }

    public func hasPassword() async throws -> Bool {
        try await passwordHash() != nil
    }

    public func verifyPassword(_ password: String) async throws -> Bool {
        guard let hash = try await passwordHash() else { return false }
        // bcrypt takes a quarter second on purpose: not on the threads that serve the requests.
        return try await Offload.run { Bcrypt.verify(password, hash: hash) }
    }

    private func passwordHash() async throws -> String? {
        try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [Self.passwordKey])
        }
    }
}
