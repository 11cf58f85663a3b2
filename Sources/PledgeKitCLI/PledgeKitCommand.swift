import ArgumentParser

struct PledgeKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledgekit",
        abstract: "市長公約の取組状況を各課の提出ファイルから集計し、公表用のブックとオープンデータCSVを作ります。",
        discussion: """
        コマンド:
          template  各課に送る提出票（部署名.xlsx）を作ります。
          check     各課が提出前に自部署のファイルを確認します。
          merge     提出ファイルを集計し、公表用のブックとCSVを書き出します。
          audit     公表済みの報告書の数値の食い違いを点検します。
          serve     その年度の提出をWebページで受け付けます（部署のアップロード、提出状況、集計）。
        各コマンドの説明は pledgekit <コマンド> --help で表示します。

        \(ExitStatus.table)
        """,
        subcommands: [Merge.self, Template.self, Check.self, Audit.self, Serve.self],
        helpNames: [.short, .long])

    // Our own flag rather than the parser's, whose help line is English and shows on every command.
    @Flag(name: .long, help: "バージョンを表示します。")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        Terminal.result(PledgeKitVersion.current)
    }
}

enum PledgeKitVersion {
    static let current = "pledgekit 0.2.0"
}
