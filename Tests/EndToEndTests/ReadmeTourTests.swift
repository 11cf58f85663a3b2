import Foundation
import Testing

/// README's tour, run as printed (issue 29): every `console` block of README.md, command by
/// command, from a folder laid out as the repository root (its `Samples` and `templates`), with
/// the built `pledgekit` first on PATH, as after `export PATH="$PWD/bin:$PATH"`. Each command's
/// stdout and stderr (one stream, as a terminal shows them) must be the lines README prints under
/// it. The blocks run in order in one folder, as a reader follows them; the only volatile part,
/// the folder's own absolute path, is printed `/…` in README.
@Suite(.serialized) struct ReadmeTourTests {
    struct Step {
        var command: String
        var expected: [String]
        /// README's line of the command, to find it from a failure.
        var line: Int
    }

    static let readme = PledgeKitBinary.repositoryRoot.appendingPathComponent("README.md")

    /// The commands (`$ …`, continued by a trailing `\`) of every ```console block, each with the
    /// lines printed under it.
    static func steps(in text: String) -> [[Step]] {
        var blocks: [[Step]] = []
        var inBlock = false
        var pendingContinuation = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if !inBlock {
                if line == "```console" { inBlock = true; blocks.append([]) }
                continue
            }
            if line == "```" { inBlock = false; pendingContinuation = false; continue }
            if pendingContinuation {
                blocks[blocks.count - 1][blocks[blocks.count - 1].count - 1].command += "\n" + line
                pendingContinuation = line.hasSuffix("\\")
            } else if line.hasPrefix("$ ") {
                blocks[blocks.count - 1].append(Step(command: String(line.dropFirst(2)), expected: [], line: index + 1))
                pendingContinuation = line.hasSuffix("\\")
            } else if !blocks[blocks.count - 1].isEmpty {
                blocks[blocks.count - 1][blocks[blocks.count - 1].count - 1].expected.append(line)
            }
        }
        return blocks.map { $0.map { step in
            var step = step
            while step.expected.last?.isEmpty == true { step.expected.removeLast() }
            return step
        } }
    }

    /// Runs one block's commands in `folder` with one bash, each command's output cut off by a
    /// marker; `$?` is kept across the marker, so README's `echo $?` shows the command's status.
    static func run(_ block: [Step], in folder: URL) throws -> [[String]] {
        let marker = "@@pledgekit-readme-step@@"
        var script = "exec 2>&1\n"
        for step in block {
            script += step.command + "\n__status=$?; echo \(marker); (exit $__status)\n"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = PledgeKitBinary.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // A CSV's CRLF shows as a line break on a terminal, as README prints it.
        let normalised = output.replacingOccurrences(of: folder.path, with: "/…").replacingOccurrences(of: "\r\n", with: "\n")
        return normalised.components(separatedBy: marker + "\n").dropLast().map { part in
            var lines = part.components(separatedBy: "\n")
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
    }

    /// A folder laid out as the repository root: what the tour reads, and nothing it writes.
    static func repositoryLikeFolder() throws -> Scratch {
        let scratch = try Scratch()
        for entry in ["Samples", "templates"] {
            try FileManager.default.createSymbolicLink(at: scratch.url.appendingPathComponent(entry),
                                                       withDestinationURL: PledgeKitBinary.repositoryRoot.appendingPathComponent(entry))
        }
        return scratch
    }

    @Test func readmeHasATour() throws {
        let blocks = Self.steps(in: try String(contentsOf: Self.readme, encoding: .utf8))
        #expect(blocks.count >= 5)
        #expect(blocks.flatMap { $0 }.filter { $0.command.hasPrefix("pledgekit ") }.count >= 12)
    }

    @Test func everyCommandOfTheTourPrintsWhatReadmeShows() throws {
        let scratch = try Self.repositoryLikeFolder()
        for block in Self.steps(in: try String(contentsOf: Self.readme, encoding: .utf8)) {
            let outputs = try Self.run(block, in: scratch.url)
            #expect(outputs.count == block.count, "README line \(block.first?.line ?? 0): the block stopped early: \(outputs)")
            for (step, output) in zip(block, outputs) {
                #expect(output == step.expected, """
                    README line \(step.line): $ \(step.command)
                    --- README shows
                    \(step.expected.joined(separator: "\n"))
                    --- it prints
                    \(output.joined(separator: "\n"))
                    """)
            }
        }
    }

    /// The parser finds what the test runs: commands, continuations, outputs, blank lines trimmed.
    @Test func theTourIsReadAsPrinted() {
        let text = """
            ```console
            $ pledgekit merge a \\
                --out b
            読み込み: 1

            $ echo $?
            0
            ```
            ```sh
            $ not a tour command
            ```
            """
        let blocks = Self.steps(in: text)
        #expect(blocks.count == 1)
        #expect(blocks[0].map(\.command) == ["pledgekit merge a \\\n    --out b", "echo $?"])
        #expect(blocks[0].map(\.expected) == [["読み込み: 1"], ["0"]])
    }
}
