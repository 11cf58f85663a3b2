import ArgumentParser
import Dispatch
import Foundation
import PledgeCore
import PledgeKit
import PledgeKitServer

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "その年度の提出をWebページで受け付けます（各部署のアップロードと確認、企画担当の提出状況・集計）。",
        discussion: """
        はじめにパスワードを設定し、部署のリンクを作ってから起動します:
          pledgekit serve --state 状態/ --set-password                         （標準入力から1行）
          pledgekit serve --state 状態/ --plan plan.csv --department-links --base-url http://サーバー:8080 > リンク.csv
          pledgekit serve 提出/ --plan plan.csv --year 令和2年度 --out 公表/ --state 状態/ --listen 0.0.0.0:8080
        --listen を省くと 127.0.0.1:8080 で待ち受けます（ポート0は空いているポート）。待ち受けたアドレスを1行表示します。
        状態フォルダ（SQLite とアップロードされたファイル）は再起動しても残ります。集計の出力は merge と同じです。

        \(ExitStatus.table)
        """)

    @Argument(help: ArgumentHelp("企画担当の手元にある提出ファイルのフォルダ（メールで届いたものなど。複数可）。", valueName: "提出フォルダ"))
    var inbox: [String] = []

    @Option(name: .long, help: ArgumentHelp("計画（公約体系）のファイル。", valueName: "計画ファイル"))
    var plan: String?

    @Option(name: .long, help: ArgumentHelp("集計する年度: 2020、R2、令和2年度 など。", valueName: "年度"))
    var year: FiscalYear?

    @Option(name: .long, help: ArgumentHelp("layout.yaml を入れたレイアウトのフォルダ（省略時は苫小牧市の様式）。", valueName: "フォルダ"))
    var layout: String?

    @Option(name: .long, help: ArgumentHelp("任期の過去の年度の summary.csv または公表用ブックを入れたフォルダ（くり返して指定できます）。", valueName: "フォルダ"))
    var history: [String] = []

    @Option(name: .long, help: ArgumentHelp("前年度の summary.csv（または公表用ブック）。任期の前の年度も、くり返して指定できます。", valueName: "ファイル"))
    var previous: [String] = []

    @Option(name: .long, help: ArgumentHelp("集計の出力先のフォルダ（merge の --out と同じ）。", valueName: "フォルダ"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("状態フォルダ（データベースとアップロードされたファイル。なければ作ります）。", valueName: "フォルダ"))
    var state: String

    @Option(name: .long, help: ArgumentHelp("待ち受けるアドレス（既定 127.0.0.1:8080）。", valueName: "HOST:PORT"))
    var listen: String?

    @Flag(name: .long, help: "企画担当のパスワードを標準入力から1行読んで設定します。")
    var setPassword = false

    @Flag(name: .long, help: "リンクのない部署のリンクを作り、「部署,リンク」のCSVを表示します（--plan が必要）。")
    var departmentLinks = false

    @Option(name: .long, help: ArgumentHelp("部署のリンクを作り直して表示します（前のリンクは使えなくなります）。", valueName: "部署"))
    var rotateLink: String?

    @Option(name: .long, help: ArgumentHelp("リンクの先頭（例 http://server:8080）。省略時は --listen のアドレス。", valueName: "URL"))
    var baseURL: String?

    func validate() throws {
        let modes = [setPassword, departmentLinks, rotateLink != nil].filter { $0 }.count
        guard modes <= 1 else { throw ValidationError("--set-password、--department-links、--rotate-link は1つずつ指定してください。") }
        if let listen, ListenAddress(parsing: listen) == nil {
            throw ValidationError("--listen の値「\(listen)」を読めません（例: 127.0.0.1:8080、0.0.0.0:8080）。")
        }
        if let plan, !FileManager.default.fileExists(atPath: plan) {
            throw ValidationError("計画ファイル \(plan) が見つかりません（--plan）。ファイルの場所と名前を確かめてください。")
        }
        if departmentLinks || rotateLink != nil {
            guard plan != nil else { throw ValidationError("部署のリンクを作るには --plan で計画ファイルを指定してください。") }
            return
        }
        if setPassword { return }
        guard !inbox.isEmpty else { throw ValidationError("提出ファイルのフォルダを指定してください（例: pledgekit serve 提出/ …）。") }
        guard plan != nil else { throw ValidationError("オプション --plan を指定してください。") }
        guard year != nil else { throw ValidationError("オプション --year を指定してください。") }
        guard let out else { throw ValidationError("オプション --out を指定してください。") }
        for folder in inbox {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("提出フォルダ \(folder) が見つかりません。フォルダの場所と名前を確かめてください。")
            }
            for (name, path) in [("状態フォルダ（--state）", state), ("出力先（--out）", out)] where Self.isInside(path, folder) {
                throw ValidationError("\(name) \(path) が提出フォルダ \(folder) の中にあります。提出フォルダの外を指定してください。")
            }
        }
        for file in previous where !FileManager.default.fileExists(atPath: file) {
            throw ValidationError("前年度のファイル \(file) が見つかりません（--previous）。")
        }
        for folder in history where !FileManager.default.fileExists(atPath: folder) {
            throw ValidationError("過去の年度のフォルダ \(folder) が見つかりません（--history）。")
        }
    }

    func run() throws {
        let stateURL = URL(fileURLWithPath: state)
        let address = listen.flatMap(ListenAddress.init(parsing:)) ?? ListenAddress()
        let base = baseURL ?? "http://\(Self.hostForURL(address.host)):\(address.port)"
        if setPassword {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw Refusal(.usage, "パスワードを標準入力から1行で入力してください（空のパスワードは使えません）。")
            }
            guard line.count >= 8 else { throw Refusal(.usage, "パスワードは8文字以上にしてください。") }
            try Self.blocking { try await StateCommands.setPassword(state: stateURL, password: line) }
            Terminal.problem("パスワードを設定しました（状態フォルダ \(state)）。")
            return
        }
        if departmentLinks, let plan {
            let csv = try Self.blocking {
                try await StateCommands.createMissingLinks(state: stateURL, plan: URL(fileURLWithPath: plan), baseURL: base)
            }
            FileHandle.standardOutput.write(Data(csv.utf8))
            return
        }
        if let rotateLink, let plan {
            let link = try Self.blocking {
                try await StateCommands.rotateLink(state: stateURL, plan: URL(fileURLWithPath: plan), department: rotateLink, baseURL: base)
            }
            Terminal.result(link)
            return
        }
        guard let plan, let year, let out else { return }
        let round = RoundConfiguration(
            inboxes: inbox.map { URL(fileURLWithPath: $0) }, plan: URL(fileURLWithPath: plan), year: year,
            layoutDirectory: layout.map { URL(fileURLWithPath: $0) }, previous: previous.map { URL(fileURLWithPath: $0) },
            history: history.map { URL(fileURLWithPath: $0) }, out: URL(fileURLWithPath: out), state: stateURL)
        let printedHost = Self.hostForURL(address.host)
        try Self.blocking {
            do {
                try await runServer(round: round, listen: address, baseURL: baseURL) { port in
                    // The real port (port 0 picks a free one): scripts and tests read this one line.
                    Terminal.result("待ち受け: http://\(printedHost):\(port)/")
                }
            } catch let error as RoundEngineError {
                throw Refusal(.dataErrors, error.message)
            } catch let error as StateError {
                throw Refusal(.cannotWrite, error.message)
            } catch let error as ListenError {
                throw Refusal(.usage, "\(address.host):\(address.port) で待ち受けできません（\(error.reason)）。"
                              + "ほかのプログラムが使っていないか確かめるか、--listen で別のポートを指定してください。")
            }
        }
    }

    /// Runs async work from the synchronous command; its errors become the CLI's Japanese refusals.
    static func blocking(_ work: @escaping @Sendable () async throws -> Void) throws {
        let box = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await work() } catch { box.error = error }
            done.signal()
        }
        done.wait()
        switch box.error {
        case nil: return
        case let error as StateError: throw Refusal(.cannotWrite, error.message)
        case let error as RoundEngineError: throw Refusal(.dataErrors, error.message)
        case let error?:
            if error is Refusal || error is ExitCode { throw error }
            throw Refusal(.usage, String(describing: error))
        }
    }

    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        try blocking { box.value = try await work() }
        guard let value = box.value else { throw Refusal(.usage, "処理を完了できませんでした。") }
        return value
    }

    static func hostForURL(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        let inner = URL(fileURLWithPath: path).standardizedFileURL.path
        let outer = URL(fileURLWithPath: folder).standardizedFileURL.path
        return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }
}

private final class ErrorBox: @unchecked Sendable {
    var error: (any Error)?
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
