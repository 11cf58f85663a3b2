import Foundation
import PledgeKit

/// A one-line progress display on stderr, shown only when stderr is a terminal: the CLI's view of
/// the library's progress sink.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    /// The sink to hand to a pipeline; nil when nothing would be shown.
    var sink: ProgressSink? {
        guard enabled else { return nil }
        return { [self] progress in self.show(progress) }
    }

    private func show(_ progress: PipelineProgress) {
        let text: String
        switch progress.stage {
        case .reading: text = "読み込み中 \(progress.done)/\(progress.total) \(progress.item ?? "")"
        case .reconciling: text = "照合中…"
        case .computing: text = "集計中…"
        case .rendering: text = "出力を作成中…"
        case .writing: text = progress.done == progress.total ? "" : "書き出し中…"
        }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + TerminalText.escaped(text)).utf8))
    }

    /// Clears the line before the results are printed.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
