import Foundation
import Testing

/// The first hour (issue 29): on a machine without Swift, the scripts README gives say so plainly
/// and stop, rather than failing on whatever comes first.
@Suite struct InstallScriptTests {
    @Test func withoutSwiftInstallDepsSaysWhatToInstall() throws {
        let scratch = try Scratch()
        // A PATH holding only what the script needs before it looks for swift.
        let bin = scratch.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for tool in ["dirname", "cat"] {
            let found = ["/usr/bin/\(tool)", "/bin/\(tool)"].first { FileManager.default.isExecutableFile(atPath: $0) }
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: try #require(found))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [PledgeKitBinary.repositoryRoot.appendingPathComponent("scripts/install-deps.sh").path]
        process.environment = ["PATH": bin.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 69)
        #expect(message.hasPrefix("Swift が見つかりません。pledgekit のビルドには Swift 6 が要ります。\n"))
        #expect(message.contains("https://www.swift.org/install/linux/debian/12/"))
    }
}
