import Foundation

/// Everything a request needs: the round (engine), its state, the pages, and the parts that
/// remember between requests (inbox scans, the preview, the run going on, failed sign-ins).
struct RoundServer: Sendable {
    let engine: RoundEngine
    let state: RoundState
    let settings: ServerSettings
    let pages: PageRenderer
    let desk: UploadDesk
    let scans: InboxScans
    let snapshot: RoundSnapshot
    let preview: PreviewCache
    let runs: RoundRuns
    let limiter: SignInLimiter
    /// The start of every department link (`http://host:port`), when `--base-url` gave it; else the
    /// address the office's browser used.
    let baseURL: String?

    init(engine: RoundEngine, state: RoundState, settings: ServerSettings, baseURL: String?) throws {
        self.engine = engine
        self.state = state
        self.settings = settings
        self.baseURL = baseURL
        pages = try PageRenderer(yearLabel: engine.round.year.label)
        desk = UploadDesk(engine: engine, state: state, settings: settings)
        scans = InboxScans(engine: engine)
        snapshot = RoundSnapshot(engine: engine, state: state, scans: scans)
        preview = PreviewCache(engine: engine, state: state, snapshot: snapshot)
        runs = RoundRuns(engine: engine, state: state, snapshot: snapshot, settings: settings)
        limiter = SignInLimiter(limit: settings.maxSignInFailures, window: settings.signInWindow)
    }

    var now: Date { settings.now() }
}
