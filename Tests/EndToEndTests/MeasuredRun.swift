import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `pledgekit` as a child and measures that child alone: its exit status (or the signal that
/// ended it: SIGILL for a trap) and its own peak RSS from `wait4`. Unlike
/// `getrusage(RUSAGE_CHILDREN)` this does not mix in other tests' children; and since Linux counts
/// into a child's peak the memory of the process that exec'd it (posix_spawn shares this test
/// process's, hundreds of MB while fixtures are built), a small python3 forks and execs pledgekit
/// and reports the `wait4` figures: its own ~10 MB is the floor of the measure.
struct MeasuredRun {
    var status: Int32
    /// The signal that ended the child, if one did.
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Peak resident memory of the child, in KB.
    var peakKB: Int

    /// argv: the file for "status signal peakKB", then the command.
    static let measurer = """
    import os, sys
    pid = os.fork()
    if pid == 0:
        os.execv(sys.argv[2], sys.argv[2:])
    _, status, usage = os.wait4(pid, 0)
    signal = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
    open(sys.argv[1], "w").write(f"{code} {signal} {usage.ru_maxrss}")
    """

    static func pledgekit(_ arguments: [String]) throws -> MeasuredRun {
        let scratch = try Scratch()
        let outPath = scratch.path("stdout"), errPath = scratch.path("stderr")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = (["/usr/bin/env", "python3", "-S", "-c", measurer, scratch.path("usage"), PledgeKitBinary.executable.path] + arguments)
            .map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        let figures = try scratch.read("usage").split(separator: " ").compactMap { Int($0) }
        guard figures.count == 3 else { throw POSIXError(.ECHILD) }
        return MeasuredRun(status: Int32(figures[0]), signal: figures[1] == 0 ? nil : Int32(figures[1]),
                           stdout: try scratch.read("stdout"), stderr: try scratch.read("stderr"), peakKB: figures[2])
    }
}
