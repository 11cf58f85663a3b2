import Foundation
import Testing

/// A Python script of `scripts/opendata/` run with the `python3` on PATH, which must be able to import
/// the module it needs (scripts/test.sh installs them into .venv). Where the module is missing the
/// test is skipped visibly, except in CI (`CI` set), which must have it, as with `Frictionless`.
enum PythonTool {
    /// The script's standard output; the test is cancelled (shown as skipped) when the module is missing outside CI.
    static func run(_ script: String, needs module: String, _ arguments: [String],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let probe = try Process.run(URL(fileURLWithPath: "/usr/bin/env"),
                                    arguments: ["python3", "-c", "import \(module)"])
        probe.waitUntilExit()
        let available = probe.terminationStatus == 0
        try #require(available || ProcessInfo.processInfo.environment["CI"] == nil,
                     "python3 with \(module) must be installed in CI", sourceLocation: sourceLocation)
        guard available else {
            // Shown as a skipped (cancelled) test, not a pass.
            try Test.cancel("python3 cannot import \(module): install the test tools with scripts/test.sh")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PledgeKitBinary.repositoryRoot.appendingPathComponent("scripts/opendata/" + script).path]
            + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(script): \(errors.suffix(2000))", sourceLocation: sourceLocation)
        return output
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
