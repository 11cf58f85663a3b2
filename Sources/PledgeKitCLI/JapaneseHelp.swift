import ArgumentParser
import Foundation

/// The help a clerk reads: wholly Japanese and aligned on a terminal. swift-argument-parser's own
/// help has a fixed English frame (OVERVIEW, USAGE, OPTIONS, "Show help information.", "See
/// 'pledgekit help …'", "(values: …; default: …)") and counts a full-width character as one column.
/// This one is printed from the parser's own description of the commands (`_dumpHelp()`), so the
/// options it lists are always the ones the parser takes; the parser still does all the parsing.
enum JapaneseHelp {
    static let width = 80

    /// The help of `pledgekit` (no subcommand) or of one subcommand.
    static func text(subcommand: String?) -> String {
        let root = self.root
        guard let subcommand, let command = root.subcommands.first(where: { $0.commandName == subcommand }) else {
            return rootHelp(root)
        }
        return commandHelp(command)
    }

    /// `pledgekit` and its commands as the parser describes them, decoded once (help, the command
    /// names of a usage error, the options a misspelt one is compared with).
    static let root = description(of: PledgeKitCommand.self)

    static func description(of command: ParsableCommand.Type) -> CommandDescription {
        // The dump is the parser's own; failing to decode it is a programming error caught by the tests.
        let dump = try! JSONDecoder().decode(HelpDump.self, from: Data(command._dumpHelp().utf8))
        return dump.command
    }

    private static func rootHelp(_ root: CommandDescription) -> String {
        var lines = wrap(root.abstract ?? "", first: "pledgekit: ", rest: "")
        lines += ["", "使い方: pledgekit <コマンド> [オプション]", "", "コマンド:"]
        let commands = root.subcommands.filter { $0.commandName != "help" }
        lines += table(commands.map { ($0.commandName, $0.abstract ?? "") })
        lines += [""] + wrap("各コマンドの説明は pledgekit <コマンド> --help（または pledgekit help <コマンド>）で表示します。",
                             first: "", rest: "")
        lines += ["", "オプション:"]
        lines += table(root.arguments.filter(\.shouldDisplay).map { ($0.label, $0.help) })
        lines += paragraphs(root.discussion)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func commandHelp(_ command: CommandDescription) -> String {
        let shown = command.arguments.filter(\.shouldDisplay)
        let positionals = shown.filter { $0.kind == "positional" }
        let options = shown.filter { $0.kind != "positional" }
        // An option and its value stay on one line (a no-break space, printed as a space).
        var usage = ["pledgekit", command.commandName] + positionals.map(\.usage)
        usage += options.filter { !$0.isOptional }.map { $0.label.replacingOccurrences(of: " ", with: "\u{00A0}") }
        if options.contains(where: \.isOptional) { usage.append("[オプション]") }
        var lines = wrap(command.abstract ?? "", first: "pledgekit \(command.commandName): ", rest: "") + [""]
        lines += wrap(usage.joined(separator: " "), first: "使い方: ", rest: "        ")
        lines += paragraphs(command.discussion)
        if !positionals.isEmpty {
            lines += ["", "引数:"] + table(positionals.map { ($0.usage, $0.help) })
        }
        lines += ["", "オプション:"] + table(options.map { ($0.label, $0.help) })
        return lines.joined(separator: "\n") + "\n"
    }

    /// A command's discussion rewrapped: the source breaks its lines mid-sentence, so a line that
    /// does not end a sentence runs on into the next; an indented line (an example command), an
    /// empty one and one starting `例:` stand alone.
    private static func paragraphs(_ discussion: String?) -> [String] {
        guard let discussion, !discussion.isEmpty else { return [] }
        var paragraphs: [String] = []
        var runsOn = false
        for line in discussion.components(separatedBy: "\n") {
            let standsAlone = line.isEmpty || line.hasPrefix("  ") || line.hasPrefix("例:")
            if runsOn && !standsAlone { paragraphs[paragraphs.count - 1] += line } else { paragraphs.append(line) }
            runsOn = !standsAlone && !line.hasSuffix("。") && !line.hasSuffix(":")
        }
        return [""] + paragraphs.flatMap { $0.isEmpty || $0.hasPrefix("  ") ? [$0] : wrap($0, first: "", rest: "") }
    }

    /// Two columns: the names, then the descriptions starting at one column (by display width),
    /// wrapped at `width`; a name too long for the column has its description on the next line.
    static func table(_ rows: [(name: String, help: String)]) -> [String] {
        let longest = rows.map { DisplayWidth.of($0.name) }.filter { $0 <= 30 }.max() ?? 0
        let column = 2 + longest + 2
        var lines: [String] = []
        for row in rows {
            let name = "  " + row.name
            let nameWidth = DisplayWidth.of(name)
            let indent = String(repeating: " ", count: column)
            if nameWidth + 2 <= column {
                lines += wrap(row.help, first: name + String(repeating: " ", count: column - nameWidth), rest: indent)
            } else {
                lines.append(name)
                lines += wrap(row.help, first: indent, rest: indent)
            }
        }
        return lines
    }

    /// `text` after `first`, continued after `rest`, each line at most `width` columns. Lines break
    /// between any two Japanese characters, never inside an ASCII word, never before 、。）」, ー or a small kana, and never after （「.
    static func wrap(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = DisplayWidth.of(first)
        var lineHasText = false
        for token in tokens(text) {
            let tokenWidth = DisplayWidth.of(token)
            if lineHasText && lineWidth + tokenWidth > width && token != " " {
                lines.append(trimmedTrailingSpace(line))
                line = rest
                lineWidth = DisplayWidth.of(rest)
                lineHasText = false
            }
            if !lineHasText && token == " " { continue }
            line += token
            lineWidth += tokenWidth
            lineHasText = true
        }
        lines.append(trimmedTrailingSpace(line))
        return lines
    }

    /// ASCII words (with their punctuation) and `<placeholders>` whole, spaces, and every other character on its own.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        var inPlaceholder = false
        for character in text {
            // `<コマンド>` is one word, whatever it is written in.
            if character == "<" { inPlaceholder = true }
            if inPlaceholder {
                word.append(character)
                if character == ">" { inPlaceholder = false }
            } else if character == "\u{00A0}" {
                word.append(" ")
            } else if character == " " {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(" ")
            } else if character.isASCII {
                word.append(character)
            } else {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(character))
            }
        }
        if !word.isEmpty { tokens.append(word) }
        // An opening bracket never ends a line and a closing one (or 、。) never starts one: each
        // goes with its neighbour.
        var glued: [String] = []
        for token in tokens {
            if let last = glued.last, last != " ", ["（", "「", "『", "("].contains(last.suffix(1)) || closes(token) {
                glued[glued.count - 1] += token
            } else {
                glued.append(token)
            }
        }
        return glued
    }

    private static func closes(_ token: String) -> Bool {
        // Closing marks, and the long-vowel mark and small kana, which never start a Japanese line.
        ["、", "。", "）", "」", "』", "・", "，", "．", ")", "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ",
         "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ"].contains(token)
    }

    private static func trimmedTrailingSpace(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}

/// Columns a text takes on a terminal: East Asian wide and full-width characters take two.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}

/// The part of the parser's `--experimental-dump-help` JSON the help needs.
struct HelpDump: Decodable {
    var command: CommandDescription
}

struct CommandDescription: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var subcommands: [CommandDescription]
    var arguments: [ArgumentDescription]

    private enum CodingKeys: String, CodingKey { case commandName, abstract, discussion, subcommands, arguments }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        commandName = try c.decode(String.self, forKey: .commandName)
        abstract = try c.decodeIfPresent(String.self, forKey: .abstract)
        discussion = try c.decodeIfPresent(String.self, forKey: .discussion)
        subcommands = try c.decodeIfPresent([CommandDescription].self, forKey: .subcommands) ?? []
        arguments = try c.decodeIfPresent([ArgumentDescription].self, forKey: .arguments) ?? []
    }
}

struct ArgumentDescription: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String
        var spelled: String { kind == "short" ? "-" + name : "--" + name }
    }

    var kind: String
    var shouldDisplay: Bool
    var isOptional: Bool
    var isRepeating: Bool
    var names: [Name]?
    var valueName: String?
    var defaultValue: String?
    var abstract: String?

    /// `-h, --help`, `--plan <計画ファイル>`, `<提出フォルダ>...`.
    var label: String {
        guard kind != "positional" else { return usage }
        let spelled = (names ?? []).map(\.spelled).joined(separator: ", ")
        return kind == "option" ? "\(spelled) <\(valueName ?? "値")>" : spelled
    }

    /// How the argument is written in the usage line.
    var usage: String {
        guard kind == "positional" else { return label }
        let name = "<\(valueName ?? "引数")>" + (isRepeating ? "..." : "")
        return isOptional && !isRepeating ? "[\(name)]" : name
    }

    /// The description, with the parser's English one for `--help` replaced and a default the
    /// text does not already give appended.
    var help: String {
        if names?.contains(where: { $0.name == "help" }) == true { return "この説明を表示します。" }
        var text = abstract ?? ""
        if kind == "option", let defaultValue, !defaultValue.isEmpty, !text.contains("既定") {
            text += "（既定: \(defaultValue)）"
        }
        return text
    }
}
