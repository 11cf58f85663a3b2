import Foundation
import Testing

/// The help a clerk reads (issue 29): wholly Japanese, aligned on a terminal (a full-width
/// character takes two columns), each command listed once, and every option the parser takes
/// described. Run through the binary, as a clerk types it.
@Suite struct HelpTests {
    static let commands = ["merge", "template", "check", "audit", "serve"]
    /// Every way of asking: the flag on the command, the short flag, and `help <command>`.
    static let requests: [[String]] = [[], ["--help"], ["-h"], ["help"]]
        + commands.flatMap { [[$0, "--help"], [$0, "-h"], ["help", $0]] }

    static let englishFrame = ["OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show help information",
                               "See '", "values:", "default:", "<subcommand>", "<options>"]

    static func columns(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0x9FFF).contains(scalar.value)
                || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }

    @Test(arguments: requests)
    func helpIsWhollyJapanese(arguments: [String]) throws {
        let result = try PledgeKitBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        for word in Self.englishFrame { #expect(!result.stdout.contains(word), "\(word) in \(arguments)") }
        #expect(result.stdout.contains("使い方: pledgekit"))
        #expect(result.stdout.contains("  -h, --help"))
        #expect(result.stdout.contains("この説明を表示します。"))
    }

    /// Each line fits 80 columns (an example command in a discussion is kept whole), and in each
    /// table every description starts at the same column.
    @Test(arguments: requests)
    func helpIsAligned(arguments: [String]) throws {
        let lines = try PledgeKitBinary.run(arguments).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines where !line.hasPrefix("  pledgekit ") {
            #expect(Self.columns(line) <= 80, "\(Self.columns(line)) columns: \(line)")
            // Japanese line-break rules: no line starts with a closing mark, ー or a small kana.
            let start = line.drop { $0 == " " }.first.map(String.init) ?? ""
            #expect(!["、", "。", "）", "」", "ー", "ァ", "ィ", "ッ", "ャ", "ュ", "ョ", "っ", "ゃ", "ゅ", "ょ"].contains(start), "\(line)")
        }
        var tableStarts: Set<Int> = []
        for line in lines {
            if line.hasSuffix(":") && !line.hasPrefix(" ") { tableStarts = []; continue }
            // A table row: two spaces, a name, at least two spaces, the description.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  pledgekit "),
                  let gap = line.dropFirst(2).range(of: "  ") else { continue }
            let rest = line[gap.upperBound...]
            guard let first = rest.firstIndex(where: { $0 != " " }) else { continue }
            tableStarts.insert(Self.columns(line[..<first]))
            #expect(tableStarts.count == 1, "descriptions start at \(tableStarts.sorted()) columns: \(line)")
        }
    }

    /// An option and its value are never split across lines of the usage.
    @Test(arguments: commands)
    func usageKeepsAnOptionWithItsValue(command: String) throws {
        let lines = try PledgeKitBinary.run([command, "--help"]).stdout.split(separator: "\n")
        let usage = lines.drop { !$0.hasPrefix("使い方:") }.prefix { !$0.isEmpty }
        #expect(!usage.isEmpty)
        for line in usage { #expect(!line.hasSuffix("--plan") && !line.hasSuffix("--year") && !line.hasSuffix("--out"), "\(line)") }
    }

    @Test func helpOfNoCommandIsAUsageError() throws {
        let result = try PledgeKitBinary.run(["help", "mrege"])
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr == "エラー コマンド「mrege」はありません（コマンドは merge・template・check・audit・serve）。\n使い方は pledgekit --help で表示します。\n")
    }

    @Test func theTopLevelListsEachCommandOnce() throws {
        let stdout = try PledgeKitBinary.run(["--help"]).stdout
        for command in Self.commands {
            let rows = stdout.split(separator: "\n").filter { $0.hasPrefix("  \(command) ") }
            #expect(rows.count == 1, "\(command): \(rows)")
        }
        #expect(!stdout.split(separator: "\n").contains { $0.hasPrefix("  help ") })
        #expect(try PledgeKitBinary.run([]).stdout == stdout)
    }

    /// Every option the parser takes (its own description, `--experimental-dump-help`) is in the help.
    @Test(arguments: commands)
    func everyOptionIsDescribed(command: String) throws {
        let dump = try PledgeKitBinary.run([command, "--experimental-dump-help"])
        let json = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as! [String: Any]
        let arguments = (json["command"] as! [String: Any])["arguments"] as! [[String: Any]]
        let names = arguments.compactMap { ($0["preferredName"] as? [String: Any])?["name"] as? String }
        #expect(names.count >= 3)
        let help = try PledgeKitBinary.run([command, "--help"]).stdout
        for name in names { #expect(help.contains("--\(name)"), "--\(name) missing from \(command) --help") }
    }

    /// `--csv-encoding` lists the encodings it writes, and the parser takes no other.
    @Test func csvEncodingValuesAreTheOnesWritten() throws {
        let help = try PledgeKitBinary.run(["merge", "--help"]).stdout
            .replacingOccurrences(of: #"\n +"#, with: "", options: .regularExpression)
        #expect(help.contains("utf-8、utf-8-bom（既定）、cp932"))
        #expect(!help.contains("utf-16"))
        let refused = try PledgeKitBinary.run(["merge", "x", "--plan", "p", "--year", "R2", "--out", "o", "--csv-encoding", "utf-16le"])
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("エラー --csv-encoding は utf-8、utf-8-bom、cp932 のいずれかです。"))
    }
}
