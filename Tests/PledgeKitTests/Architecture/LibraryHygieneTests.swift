import Foundation
import Testing

/// The library is called by the CLI and by a long-running server: none of its files may print,
/// end or signal the process, change its locale or environment, or read the environment.
@Suite struct LibraryHygieneTests {
    static let forbidden: [(pattern: String, why: String)] = [
        (#"\bprint\("#, "prints"), (#"\bdebugPrint\("#, "prints"), (#"FileHandle\.standard(Output|Error)"#, "writes to stdout/stderr"),
        (#"\b(fputs|fprintf|puts|putchar|write)\(\s*(STDOUT_FILENO|STDERR_FILENO|stdout|stderr|1|2)\b"#, "writes to stdout/stderr"),
        (#"\bsetenv\("#, "changes the environment"), (#"\bunsetenv\("#, "changes the environment"), (#"\bputenv\("#, "changes the environment"),
        (#"\bsetlocale\("#, "changes the locale"), (#"\buselocale\("#, "changes the locale"),
        (#"(?<![\w.])exit\("#, "ends the process"), (#"\b_exit\("#, "ends the process"), (#"\babort\("#, "ends the process"),
        (#"\bkill\("#, "signals a process"), (#"\braise\("#, "signals the process"), (#"\bsignal\("#, "changes signal handling"),
        (#"\bgetenv\("#, "reads the environment"), (#"\.environment\b"#, "reads the environment"),
        (#"\bgetpid\(\)"#, "names things by the process number"),
    ]

    @Test func noLibraryFileActsOnTheWholeProcess() throws {
        var found: [String] = []
        for target in SourceTree.libraryTargets {
            for file in SourceTree.files(in: target) {
                for rule in Self.forbidden {
                    let regex = try NSRegularExpression(pattern: rule.pattern)
                    for (number, line) in file.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        let text = String(line)
                        if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                            found.append("\(file.path):\(number + 1) \(rule.why): \(text.trimmingCharacters(in: .whitespaces))")
                        }
                    }
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func theCheckFindsWhatItLooksFor() throws {
        // The test above must be able to fail: the same rules on a line that breaks them.
        let line = SourceTree.stripped(#"    FileHandle.standardError.write(x); exit(1) // print("fine in a comment")"#)
        let hits = try Self.forbidden.filter { rule in
            try NSRegularExpression(pattern: rule.pattern).firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
        #expect(Set(hits.map(\.why)) == ["writes to stdout/stderr", "ends the process"])
        #expect(!SourceTree.stripped(#"let x = "exit(0) kill(1)""#).contains("exit("))
    }
}
