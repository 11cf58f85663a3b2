import Foundation

/// The figures and the reconciliation list as they stand, worked out again only when the round
/// changed (a new clean upload, a file added to an inbox): a merge without its outputs.
actor PreviewCache {
    let engine: RoundEngine
    let state: RoundState
    let snapshot: RoundSnapshot
    private var cached: (key: String, figures: Figures)?

    init(engine: RoundEngine, state: RoundState, snapshot: RoundSnapshot) {
        self.engine = engine
        self.state = state
        self.snapshot = snapshot
    }

    func figures() async throws -> Figures {
        let accepted = try await state.uploads.latestAccepted().map { String($0.id) }.joined(separator: ",")
        let key = engine.round.inboxes.map(InboxScans.fingerprint).joined(separator: "\n--\n") + "\n" + accepted
        if let cached, cached.key == key { return cached.figures }
        let scratch = try state.folder.newScratchFolder("preview")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inboxes = try await snapshot.make(in: scratch.appendingPathComponent("inbox", isDirectory: true))
        let engine = self.engine
        let figures: Figures
        if inboxes.isEmpty {
            figures = Figures(yearLabels: [], rows: [], headlines: [], problems: [], refusal: RoundRuns.nothingToMerge)
        } else {
            figures = try await Offload.run { engine.preview(inboxes: inboxes) }
        }
        cached = (key, figures)
        return figures
    }
}
