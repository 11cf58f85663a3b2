import Foundation
import Testing

/// `frictionless validate` on a datapackage.json, as a data portal would check it.
enum Frictionless {
    /// Whether the validator is on PATH (scripts/test.sh puts .venv/bin there).
    static let isInstalled: Bool = {
        guard let which = try? Process.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           arguments: ["sh", "-c", "command -v frictionless >/dev/null"]) else { return false }
        which.waitUntilExit()
        return which.terminationStatus == 0
    }()

    /// Tests that need the validator run where it is installed, and always in CI (`CI` set), where
    /// a missing validator fails them; elsewhere they show as skipped, never as silently passed.
    static let runs = isInstalled || ProcessInfo.processInfo.environment["CI"] != nil
    static let skipped: Comment = "frictionless がありません（scripts/test.sh が .venv/ に入れて PATH に加えます）"

    /// Runs the validator and records a test issue unless it says the package is valid.
    static func expectValid(_ datapackage: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(isInstalled, "frictionless must be installed in CI", sourceLocation: sourceLocation)
        let validate = Process()
        validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validate.arguments = ["frictionless", "validate", "--json", datapackage]
        let pipe = Pipe()
        validate.standardOutput = pipe
        try validate.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validate.waitUntilExit()
        #expect(validate.terminationStatus == 0, "\(report.prefix(2000))", sourceLocation: sourceLocation)
        #expect(report.contains("\"valid\": true"), sourceLocation: sourceLocation)
    }
}
