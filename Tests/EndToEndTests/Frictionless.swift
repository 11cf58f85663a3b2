import Foundation
import Testing

/// `frictionless validate` on a datapackage.json, as a data portal would check it.
enum Frictionless {
    /// Runs the validator and records a test issue unless it says the package is valid. Where
    /// frictionless is not installed the check is skipped, except in CI (`CI` set), which must have it.
    static func expectValid(_ datapackage: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let which = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["sh", "-c", "command -v frictionless >/dev/null"])
        which.waitUntilExit()
        try #require(which.terminationStatus == 0 || ProcessInfo.processInfo.environment["CI"] == nil,
                     "frictionless must be installed in CI", sourceLocation: sourceLocation)
        guard which.terminationStatus == 0 else { return }
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
