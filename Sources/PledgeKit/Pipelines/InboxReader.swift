import Foundation
import PledgeCore
import TableIO

/// Reads every department file of the inboxes into submissions, reporting unreadable files and
/// anything a reader noticed, and going on with the other files.
public enum InboxReader {
    public static func read(_ paths: [URL], evaluationColumns: [ColumnSpec] = [], diagnostics: inout Diagnostics,
                            progress: ProgressLine? = nil) -> [Submission] {
        let files = InputFiles.collect(paths, diagnostics: &diagnostics)
        var submissions: [Submission] = []
        for (index, file) in files.enumerated() {
            let name = displayName(of: file, roots: paths)
            progress?.update("読み込み中 \(index + 1)/\(files.count) \(name)")
            let tables: [Table]
            do throws(TableReadError) {
                tables = try TableLoader.tables(at: file).map { table in
                    var renamed = table
                    renamed.file = name
                    return renamed
                }
            } catch {
                var renamed = error
                renamed.location.file = name
                diagnostics.add(renamed)
                continue
            }
            for notice in tables.flatMap(\.notices) {
                diagnostics.warning(.cellsOutsideHeader, at: notice.location, notice.message)
            }
            if let submission = SubmissionReader.read(tables, file: name, evaluationColumns: evaluationColumns, diagnostics: &diagnostics) {
                submissions.append(submission)
            }
        }
        progress?.finish()
        return submissions
    }

    /// The file's path relative to the inbox it was found in (`総務課.csv`, `2回目/総務課.csv`).
    static func displayName(of file: URL, roots: [URL]) -> String {
        let path = file.standardizedFileURL.path
        for root in roots {
            let rootPath = root.standardizedFileURL.path
            if path.hasPrefix(rootPath + "/") { return String(path.dropFirst(rootPath.count + 1)) }
        }
        return file.lastPathComponent
    }
}

/// A one-line progress display on stderr, shown only when stderr is a terminal.
public final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    public init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    public func update(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + TerminalText.escaped(text)).utf8))
    }

    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
