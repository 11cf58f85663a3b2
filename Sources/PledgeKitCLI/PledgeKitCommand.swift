import ArgumentParser

struct PledgeKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledgekit",
        abstract: "市長公約の取組状況を各課の提出ファイルから集計し、公表用のブックとオープンデータCSVを作ります。",
        discussion: ExitStatus.table,
        subcommands: [Merge.self, Template.self, Check.self, Audit.self, Serve.self],
        helpNames: [.short, .long])

    // Our own flag rather than the parser's, whose help line is English and shows on every command.
    @Flag(name: .long, help: "バージョンを表示します。")
    var version = false

    func run() throws {
        guard version else {
            // A bare `pledgekit`: the commands, as `pledgekit --help` lists them.
            Terminal.result(JapaneseHelp.text(subcommand: nil), newline: false)
            return
        }
        Terminal.result(PledgeKitVersion.current)
    }
}

enum PledgeKitVersion {
    static let current = "pledgekit 0.2.0"
}
