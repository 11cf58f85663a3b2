import Foundation

/// Runs the built `pledgekit` executable, as a user would.
struct PledgeKitBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        // The test executable sits beside the products of the same build (on Linux,
        // Bundle.main.bundleURL is already that folder, so it cannot be used to find it).
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("pledgekit")
        precondition(FileManager.default.isExecutableFile(atPath: beside.path),
                     "no pledgekit beside the tests at \(beside.path): run `swift build --build-tests` first")
        return beside
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func sample(_ path: String) -> String {
        repositoryRoot.appendingPathComponent("Samples").appendingPathComponent(path).path
    }
}

/// A scratch folder for one test, removed afterwards.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String, encoding: String.Encoding = .utf8) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.data(using: encoding)!.write(to: file)
        return file.path
    }

    func read(_ name: String) throws -> String {
        let data = try Data(contentsOf: url.appendingPathComponent(name))
        return String(decoding: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, as: UTF8.self)
    }

    /// Rows of a CSV file this tool wrote, as dictionaries keyed by header.
    func csv(_ name: String) throws -> [[String: String]] {
        let lines = try read(name).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].components(separatedBy: ",")
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.components(separatedBy: ",")))
        }
    }
}
