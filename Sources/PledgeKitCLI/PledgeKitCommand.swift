import ArgumentParser

@main
struct PledgeKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pledgekit",
        abstract: "市長公約の取組状況を各課の提出ファイルから集計し、公表用のブックとオープンデータCSVを作ります。",
        discussion: """
        Exit status: 0 success; 1 the data has errors (all listed, nothing written); 64 usage error.
        """,
        subcommands: [Merge.self, Template.self, Check.self, Audit.self])
}
