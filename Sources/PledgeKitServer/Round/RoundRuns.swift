import Foundation
import PledgeKit

/// 集計: one merge at a time, in the background, through the library (never a subprocess). Each
/// run keeps the inbox it merged and a copy of its outputs (and their zip) under
/// `state/runs/<id>/`; --out gets exactly what `merge` writes.
actor RoundRuns {
    static let nothingToMerge = "提出ファイルがまだありません。各部署のアップロードか、提出フォルダへのファイルの追加を待ってください。"

    let engine: RoundEngine
    let state: RoundState
    let snapshot: RoundSnapshot
    let settings: ServerSettings
    /// The run going on; its progress is written by the merge's threads, read by requests.
    private var current: Int64?
    /// Stops the run going on when the office asks (the merge checks it between files and stages).
    private var cancellation: Cancellation?
    private let progress = ProgressCell()
    /// Set while a run is being recorded: the actor may take another request at that `await`.
    private var starting = false

    init(engine: RoundEngine, state: RoundState, snapshot: RoundSnapshot, settings: ServerSettings) {
        self.engine = engine
        self.state = state
        self.snapshot = snapshot
        self.settings = settings
    }

    /// Starts a run and returns its id at once; refused while another runs.
    func start() async throws -> Int64 {
        if current != nil || starting {
            let number = current.map { "（#\($0)）" } ?? ""
            throw PageError(.conflict, "集計は実行中です", "実行中の集計\(number)が終わってから、もう一度実行してください。")
        }
        starting = true
        defer { starting = false }
        let folder = state.folder
        let id = try await state.runs.start(at: settings.now()) { folder.run($0).path }
        progress.set(.preparing)
        current = id
        cancellation = Cancellation()
        try await state.audit.record("企画担当", "run_started", "#\(id)", at: settings.now())
        Task { await self.perform(id) }
        return id
    }

    /// Asks the run going on to stop; false when `id` is not running (finished, or never was).
    func cancel(_ id: Int64) async throws -> Bool {
        guard current == id, let cancellation else { return false }
        cancellation.cancel()
        try await state.audit.record("企画担当", "run_cancel_requested", "#\(id)", at: settings.now())
        return true
    }

    /// The progress of the run going on, if `id` is it.
    func progress(of id: Int64) -> RunProgress? {
        current == id ? progress.get() : nil
    }


    private func perform(_ id: Int64) async {
        let folder = state.folder.run(id)
        var result: RunResult
        do {
            result = try await merge(id, into: folder)
        } catch {
            result = RunResult(succeeded: false, refusal: "集計中にエラーが起きました（\(error)）。", written: [], problems: [], headline: nil)
        }
        do {
            try await state.runs.finish(id, state: result.succeeded ? .succeeded : .failed, result: result, at: settings.now())
            try await state.audit.record("企画担当", "run_finished", "#\(id) \(result.succeeded ? "完了" : "エラー")", at: settings.now())
        } catch {
            // The row stays `running` and is marked interrupted at the next start.
        }
        current = nil
        cancellation = nil
    }

    private func merge(_ id: Int64, into folder: URL) async throws -> RunResult {
        let inboxes = try await snapshot.make(in: folder.appendingPathComponent("inbox", isDirectory: true))
        guard !inboxes.isEmpty else {
            return RunResult(succeeded: false, refusal: Self.nothingToMerge, written: [], problems: [], headline: nil)
        }
        let engine = self.engine, cell = progress, cancellation = self.cancellation ?? Cancellation()
        let result = try await Offload.run { engine.merge(inboxes: inboxes, cancellation: cancellation) { cell.set($0) } }
        guard result.succeeded else { return result }
        progress.set(.saving)
        let out = engine.round.out
        try await Offload.run {
            let outputs = folder.appendingPathComponent("outputs", isDirectory: true)
            try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
            var copies: [URL] = []
            for name in result.written {
                let copy = outputs.appendingPathComponent(name)
                try FileManager.default.copyItem(at: out.appendingPathComponent(name), to: copy)
                copies.append(copy)
            }
            try OutputZip.write(files: copies, to: folder.appendingPathComponent(RunFiles.zipName))
        }
        return result
    }
}

/// Names of a run's files under `state/runs/<id>/`.
enum RunFiles {
    static let zipName = "outputs.zip"

    static func output(_ name: String, run folder: URL) -> URL {
        folder.appendingPathComponent("outputs", isDirectory: true).appendingPathComponent(name)
    }
}

/// The latest progress of the run going on, set from whichever thread the merge reports on.
final class ProgressCell: @unchecked Sendable {
    private let lock = NSLock()
    private var value = RunProgress.preparing

    func set(_ progress: RunProgress) {
        lock.lock()
        defer { lock.unlock() }
        value = progress
    }

    func get() -> RunProgress {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
