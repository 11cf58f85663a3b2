import Foundation
import GRDB

/// Who put a file in: the department through its link, or the office (a file received by email).
public enum Uploader: String, Sendable, Codable {
    case department, office

    public var japanese: String { self == .department ? "部署" : "企画担当" }
}

/// What the check decided for an upload.
public enum UploadOutcome: String, Sendable, Codable {
    case accepted
    case acceptedWithWarnings = "accepted-with-warnings"
    case rejected

    public var isAccepted: Bool { self != .rejected }

    /// The word the office reads in the audit log.
    public var japanese: String {
        switch self {
        case .accepted: "受付"
        case .acceptedWithWarnings: "警告ありで受付"
        case .rejected: "受け付けず"
        }
    }
}

/// One uploaded file as recorded (a row of `uploads`).
public struct UploadRecord: Sendable, Equatable {
    public var id: Int64
    /// The plan's spelling of the department; "" when the file names none the server could use.
    public var department: String
    public var originalName: String
    public var storedName: String
    public var sha256: String
    public var size: Int
    public var uploadedAt: Date
    public var uploader: Uploader
    public var outcome: UploadOutcome
    /// Why the server itself refused the file (another department's file, no department), in Japanese.
    public var refusal: String?
    public var problems: [Problem]
}

/// The `uploads` table: rows are added, never changed or removed.
public struct UploadStore: Sendable {
    let queue: DatabaseQueue

    public func insert(_ upload: UploadRecord) async throws -> UploadRecord {
        let problems = String(decoding: try JSONEncoder().encode(upload.problems), as: UTF8.self)
        return try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO uploads (department, original_name, stored_name, sha256, size, uploaded_at, uploader, outcome,
                                     accepted, refusal, diagnostics)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [upload.department, upload.originalName, upload.storedName, upload.sha256, upload.size,
                                 upload.uploadedAt, upload.uploader.rawValue, upload.outcome.rawValue,
                                 upload.outcome.isAccepted, upload.refusal, problems])
            var stored = upload
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    public func find(_ id: Int64) async throws -> UploadRecord? {
        try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM uploads WHERE id = ?", arguments: [id]).map(Self.record)
        }
    }

    /// Every upload, newest first.
    public func all() async throws -> [UploadRecord] {
        try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM uploads ORDER BY id DESC").map(Self.record)
        }
    }

    /// A department's uploads, newest first.
    public func of(department: String) async throws -> [UploadRecord] {
        try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM uploads WHERE department = ? ORDER BY id DESC",
                             arguments: [department]).map(Self.record)
        }
    }

    /// Each department's latest accepted upload: the files the round takes in.
    public func latestAccepted() async throws -> [UploadRecord] {
        try await queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM uploads WHERE id IN
                    (SELECT MAX(id) FROM uploads WHERE accepted AND department <> '' GROUP BY department)
                ORDER BY department
                """).map(Self.record)
        }
    }

    static func record(_ row: Row) -> UploadRecord {
        let json: String = row["diagnostics"]
        return UploadRecord(
            id: row["id"], department: row["department"], originalName: row["original_name"], storedName: row["stored_name"],
            sha256: row["sha256"], size: row["size"], uploadedAt: row["uploaded_at"],
            uploader: Uploader(rawValue: row["uploader"]) ?? .office,
            outcome: UploadOutcome(rawValue: row["outcome"]) ?? .rejected, refusal: row["refusal"],
            problems: (try? JSONDecoder().decode([Problem].self, from: Data(json.utf8))) ?? [])
    }
}
