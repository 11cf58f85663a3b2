import Foundation
import PledgeKit

/// The commit's test hooks, from the environment, in debug builds only: the end-to-end tests run
/// the binary and make it kill itself (`PLEDGEKIT_TEST_KILL_AT=<point>`), fail a step
/// (`PLEDGEKIT_TEST_FAIL_AT=<step>[,<step>…]`) or act as a file system that cannot exchange two
/// folders (`PLEDGEKIT_TEST_NO_EXCHANGE=1`). A release build never reads them.
enum DebugCommitHooks {
    static var fromEnvironment: CommitHooks {
        #if DEBUG
        let environment = ProcessInfo.processInfo.environment
        var hooks = CommitHooks()
        if let target = environment["PLEDGEKIT_TEST_KILL_AT"].flatMap({ CommitHooks.Point(rawValue: $0) }) {
            hooks.reached = { @Sendable point in
                if point == target { kill(getpid(), SIGKILL) }
            }
        }
        let failing = (environment["PLEDGEKIT_TEST_FAIL_AT"] ?? "").split(separator: ",")
        hooks.failing = Set(failing.compactMap { CommitHooks.Step(rawValue: String($0)) })
        hooks.exchangeUnavailable = environment["PLEDGEKIT_TEST_NO_EXCHANGE"] == "1"
        return hooks
        #else
        return .none
        #endif
    }
}
