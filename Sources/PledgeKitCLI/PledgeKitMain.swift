import ArgumentParser
import Foundation
import PledgeKit

/// Runs a command and turns every way it can end into a Japanese message and one exit status:
/// swift-argument-parser's own (English) parse errors become a Japanese usage message with 64.
@main
enum PledgeKitMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let help = HelpRequest(arguments) {
            if let unknown = help.unknown {
                Terminal.problem("エラー コマンド「\(unknown)」はありません（コマンドは \(HelpRequest.subcommands.joined(separator: "・"))）。")
                Terminal.problem("使い方は pledgekit --help で表示します。")
                exit(ExitStatus.code(for: .usage))
            }
            Terminal.result(JapaneseHelp.text(subcommand: help.subcommand), newline: false)
            exit(0)
        }
        var command: ParsableCommand
        do {
            command = try PledgeKitCommand.parseAsRoot(arguments)
        } catch {
            end(error, arguments: arguments)
        }
        do {
            try command.run()
            exit(0)
        } catch {
            end(error, arguments: arguments)
        }
    }

    static func end(_ error: Error, arguments: [String]) -> Never {
        if let refusal = error as? Refusal {
            Terminal.problem("エラー " + refusal.message)
            exit(ExitStatus.code(for: refusal.status))
        }
        if let code = error as? ExitCode { exit(code.rawValue) }
        // The parser's own clean exits (`--experimental-dump-help`, completion scripts) print what they print.
        if PledgeKitCommand.exitCode(for: error) == .success { PledgeKitCommand.exit(withError: error) }
        let subcommand = arguments.first { HelpRequest.subcommands.contains($0) }
        // A misspelt option is the mistake to name: the parser would first say that the option meant
        // is missing (`--plann` gave 「オプション --plan を指定してください」).
        let message = UnknownOption.message(in: arguments, subcommand: subcommand)
            ?? UsageMessage.japanese(PledgeKitCommand.message(for: error))
        Terminal.problem("エラー " + message)
        Terminal.problem("使い方は pledgekit \(subcommand.map { $0 + " " } ?? "")--help で表示します。")
        exit(ExitStatus.code(for: .usage))
    }
}

/// swift-argument-parser's usage errors, in Japanese (the parser's texts are English and fixed).
enum UsageMessage {
    static func japanese(_ english: String) -> String {
        let text = english.trimmingCharacters(in: .whitespacesAndNewlines)
        let rules: [(pattern: String, make: ([String]) -> String)] = [
            (#"^Missing expected argument '(--[^ ']+)[^']*'"#, { "オプション \($0[0]) を指定してください。" }),
            (#"^Missing expected argument '<([^>]+)>[^']*'"#, { "\(argumentName($0[0]))を指定してください。" }),
            (#"^Missing value for '(--?[^ ']+)[^']*'"#, { "オプション \($0[0]) の値がありません。" }),
            (#"^The value '([^']*)' is invalid for '(--year)[^']*'"#,
             { "--year の値「\($0[0])」を年度として読めません（例: 2020、FY2020、R2、令和2年度）。" }),
            (#"^The value '([^']*)' is invalid for '(--[^ ']+)[^']*'"#, { "\($0[1]) の値「\($0[0])」は使えません。" }),
            (#"^Unknown option '([^']+)'"#, { "不明なオプション \($0[0]) があります。" }),
            (#"^Unexpected arguments? '([^']+)'"#, { "余分な引数「\($0[0])」があります（コマンドは merge・check・template・audit・serve）。" }),
            (#"^Unexpected argument '([^']+)'"#, { "余分な引数「\($0[0])」があります。" }),
        ]
        for rule in rules {
            if let groups = match(rule.pattern, in: text) { return rule.make(groups) }
        }
        // Our own validation messages are already Japanese.
        if text.unicodeScalars.contains(where: { $0.value >= 0x3040 && $0.value <= 0x9FFF }) { return text }
        return "コマンドラインを読めません（\(text.split(separator: "\n").first ?? "")）。"
    }

    static func argumentName(_ name: String) -> String {
        switch name {
        case "inbox": "提出ファイルのフォルダ"
        case "files": "確認するファイル"
        default: "引数 <\(name)> "
        }
    }

    static func match(_ pattern: String, in text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<found.numberOfRanges).compactMap { Range(found.range(at: $0), in: text).map { String(text[$0]) } }
    }
}

/// `-h`, `--help`, `help [コマンド]` or nothing at all: the Japanese help (`JapaneseHelp`), printed
/// before the parser sees the line, whose own help is English.
struct HelpRequest {
    /// The commands as the parser names them (from `JapaneseHelp.root`, decoded only when a run needs it).
    static var subcommands: [String] {
        JapaneseHelp.root.subcommands.map(\.commandName).filter { $0 != "help" }
    }

    var subcommand: String?
    /// `help` followed by a word that is no command.
    var unknown: String?

    init?(_ arguments: [String]) {
        let beforeTerminator = arguments.prefix { $0 != "--" }
        guard arguments.isEmpty || arguments.first == "help" || beforeTerminator.contains("-h")
            || beforeTerminator.contains("--help") else { return nil }
        let known = Self.subcommands
        subcommand = beforeTerminator.first { known.contains($0) }
        if arguments.first == "help", arguments.count > 1, subcommand == nil { unknown = arguments[1] }
    }
}

/// The first `--option` of the command line that the command does not take, with the closest ones it does.
enum UnknownOption {
    static func message(in arguments: [String], subcommand: String?) -> String? {
        let root = JapaneseHelp.root
        let command = subcommand.flatMap { name in root.subcommands.first { $0.commandName == name } } ?? root
        let known = command.arguments.flatMap { $0.names ?? [] }.filter { $0.kind == "long" }.map { "--" + $0.name }
        guard let unknown = arguments.prefix(while: { $0 != "--" }).first(where: { argument in
            argument.hasPrefix("--") && !known.contains(String(argument.split(separator: "=", maxSplits: 1)[0]))
        }) else { return nil }
        let name = String(unknown.split(separator: "=", maxSplits: 1)[0])
        let near = NearestNames.nearest(to: name, among: known)
        return "不明なオプション \(name) があります" + (near.isEmpty ? "。" : "（もしかして: \(near.joined(separator: "、"))）。")
    }
}
