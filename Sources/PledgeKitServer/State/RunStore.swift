import Foundation
import GRDB

public enum RunState: String, Sendable {
    case running, succeeded, failed, interrupted

    public var japanese: String {
        switch self {
        case .running: "実行中"
        case .succeeded: "完了"
        case .failed, .interrupted: "エラー"
        }
    }
}

/// One 集計 run as recorded.
public struct RunRecord: Sendable {
    public var id: Int64
    public var startedAt: Date
    public var finishedAt: Date?
    public var state: RunState
    public var result: RunResult?
    /// Where the run's copy of its outputs is (under the state folder).
    public var outputFolder: String
}

/// The `runs` table.
public struct RunStore: Sendable {
    let queue: DatabaseQueue

    public func start(at time: Date, outputFolder: @escaping @Sendable (Int64) -> String) async throws -> Int64 {
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO runs (started_at, state, output_folder) VALUES (?, 'running', '')", arguments: [time])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE runs SET output_folder = ? WHERE id = ?", arguments: [outputFolder(id), id])
            return id
        }
    }

    public func finish(_ id: Int64, state: RunState, result: RunResult, at time: Date) async throws {
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        try await queue.write { db in
            try db.execute(sql: "UPDATE runs SET state = ?, outcome = ?, finished_at = ? WHERE id = ?",
                           arguments: [state.rawValue, json, time, id])
        }
    }

    /// Runs left `running` by a server that stopped (killed): they did not finish.
    public func markInterrupted(at time: Date) async throws {
        let result = RunResult(succeeded: false, refusal: "サーバーが停止したため、集計は中断されました。もう一度実行してください。",
                               written: [], problems: [], headline: nil)
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        try await queue.write { db in
            try db.execute(sql: "UPDATE runs SET state = 'interrupted', outcome = ?, finished_at = ? WHERE state = 'running'",
                           arguments: [json, time])
        }
    }

    public func find(_ id: Int64) async throws -> RunRecord? {
        try await queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]).map(Self.record)
        }
    }

    public func all() async throws -> [RunRecord] {
        try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id DESC").map(Self.record)
        }
    }

    static func record(_ row: Row) -> RunRecord {
        let json: String? = row["outcome"]
        return RunRecord(id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                         state: RunState(rawValue: row["state"]) ?? .failed,
                         result: json.flatMap { try? JSONDecoder().decode(RunResult.self, from: Data($0.utf8)) },
                         outputFolder: row["output_folder"])
    }
}
