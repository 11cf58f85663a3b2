import Foundation
import GRDB

/// The round's SQLite database (GRDB). The schema grows only by migrations, each applied once and
/// recorded by GRDB (`grdb_migrations`), so that a state folder made by an older pledgekit is
/// brought up to date when a newer one opens it, and one from a newer pledgekit is refused.
public struct StateDatabase: Sendable {
    public let queue: DatabaseQueue

    public init(path: URL) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A writer waits for another rather than failing at once (the CLI's link commands may
        // run while the server does).
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path.path, configuration: configuration)
        let migrator = Self.migrator
        if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StateError("状態フォルダのデータベースは新しい版の pledgekit で作られています。新しい版で起動してください。")
        }
        try migrator.migrate(queue)
    }

    /// Version 1: the round's tables. A later version adds a migration below, never edits this one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE uploads (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    department TEXT NOT NULL,
                    original_name TEXT NOT NULL,
                    stored_name TEXT NOT NULL UNIQUE,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    uploaded_at DATETIME NOT NULL,
                    uploader TEXT NOT NULL CHECK (uploader IN ('department', 'office')),
                    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'accepted-with-warnings', 'rejected')),
                    accepted BOOLEAN NOT NULL,
                    refusal TEXT,
                    diagnostics TEXT NOT NULL
                );
                CREATE INDEX uploads_by_department ON uploads (department, id);
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    state TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'interrupted')),
                    outcome TEXT,
                    output_folder TEXT NOT NULL
                );
                CREATE TABLE links (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    department TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at DATETIME NOT NULL,
                    revoked_at DATETIME
                );
                CREATE INDEX links_by_department ON links (department);
                CREATE TABLE sessions (
                    id_hash TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('office', 'department')),
                    department TEXT,
                    link_id INTEGER REFERENCES links(id),
                    csrf_token TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        return migrator
    }
}

/// A state folder that cannot be used, in Japanese.
public struct StateError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
