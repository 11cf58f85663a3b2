import PledgeKit

/// The one place where a run's outcome becomes the process's exit status (README's table).
enum ExitStatus {
    static func code(for status: OutcomeStatus) -> Int32 {
        switch status {
        case .success: 0
        case .dataErrors: 1
        case .usage: 64        // EX_USAGE
        case .cannotWrite: 73  // EX_CANTCREAT
        case .invalidLayout: 78  // EX_CONFIG
        case .cancelled: 130  // as a shell reports a run stopped by Ctrl-C
        }
    }

    /// Shown in every command's help.
    static let table = """
    終了ステータス: 0 成功（警告は残ることがあります）／1 データにエラー（--strict では警告も）。何も書き出しません／
    64 使い方の誤り（オプション、見つからないパス、空の提出フォルダ、年度の書き方）／73 出力先に書き出せない／
    78 レイアウトファイル（layout.yaml）の誤り／130 中止
    """
}
