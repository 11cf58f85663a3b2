import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Test-only hooks, read from the environment: a test makes the process kill itself at a named
/// point of the commit, or take the fallback path. Nothing happens unless the variable is set to
/// that point, which no user does.
enum TestHooks {
    static func active(_ variable: String) -> Bool {
        ProcessInfo.processInfo.environment[variable] == "1"
    }

    /// `PLEDGEKIT_TEST_KILL_AT=<point>`: SIGKILL at that point, as a power cut or `kill -9` would.
    static func killPoint(_ point: String) {
        if ProcessInfo.processInfo.environment["PLEDGEKIT_TEST_KILL_AT"] == point { kill(getpid(), SIGKILL) }
    }

    /// `PLEDGEKIT_TEST_FAIL_AT=<point>[,<point>…]`: those steps are to fail, as on a full disk.
    static func fails(_ point: String) -> Bool {
        (ProcessInfo.processInfo.environment["PLEDGEKIT_TEST_FAIL_AT"] ?? "").split(separator: ",").contains { $0 == point }
    }
}
