import Foundation
import PledgeCore

/// The round as `pledgekit serve` was started: the same options as `merge`, plus the state folder.
public struct RoundConfiguration: Sendable {
    /// The folders of files the office already has (received by email before the server ran).
    public var inboxes: [URL]
    public var plan: URL
    public var year: FiscalYear
    /// The folder holding `layout.yaml`; nil is the built-in Tomakomai layout.
    public var layoutDirectory: URL?
    /// `--previous`: one file is last year's; several are the term's years (as `merge` takes them).
    public var previous: [URL]
    public var history: [URL]
    public var out: URL
    public var state: URL

    public init(inboxes: [URL], plan: URL, year: FiscalYear, layoutDirectory: URL? = nil, previous: [URL] = [],
                history: [URL] = [], out: URL, state: URL) {
        self.inboxes = inboxes
        self.plan = plan
        self.year = year
        self.layoutDirectory = layoutDirectory
        self.previous = previous
        self.history = history
        self.out = out
        self.state = state
    }
}

/// How the web face behaves: limits, lifetimes and the clock (tests shorten or fix them).
public struct ServerSettings: Sendable {
    /// Largest upload body accepted. A department's file is a few hundred KB; 20 MB is far past any
    /// honest one and well inside the readers' own limits (64 MB CSV, 512 MB workbook), which a
    /// web upload should not be allowed to reach.
    public var maxUploadBytes = 20 << 20
    /// Failed sign-ins one client may make in `signInWindow` before it is refused with 429.
    public var maxSignInFailures = 5
    public var signInWindow: TimeInterval = 60
    public var officeSessionLifetime: TimeInterval = 8 * 3600
    public var departmentSessionLifetime: TimeInterval = 12 * 3600
    /// bcrypt's cost for the office password (12: about a quarter second here).
    public var passwordCost: UInt8 = 12
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}
