import Foundation
import PledgeCore
import TableIO

/// Reads every department file of the inboxes into submissions, reporting unreadable files and
/// anything a reader noticed, and going on with the other files.
public enum InboxReader {
    /// `evaluationColumns`: a layout's own evaluator headings, which mark a header row (SubmissionReader).
    /// `progress` hears of each file read; once `cancellation` is set, the files not yet started
    /// are skipped (the caller sees the cancellation and discards the result).
    public static func read(_ paths: [URL], evaluationColumns: [ColumnSpec] = [], diagnostics: inout Diagnostics,
                            progress: ProgressSink? = nil, cancellation: Cancellation? = nil) -> [Submission] {
        read(InboxListing(paths), evaluationColumns: evaluationColumns, diagnostics: &diagnostics, progress: progress,
             cancellation: cancellation)
    }

    /// The same, from inboxes already listed (by the check before the run).
    public static func read(_ listing: InboxListing, evaluationColumns: [ColumnSpec] = [], diagnostics: inout Diagnostics,
                            progress: ProgressSink? = nil, cancellation: Cancellation? = nil) -> [Submission] {
        let paths = listing.paths
        let files = InputFiles.collect(listing, diagnostics: &diagnostics)
        let roots = rootIndex(paths)
        let names = files.map { displayName(of: $0, rootIndex: roots) }
        // The files are independent: read on every core, each into its own diagnostics, then put
        // together in file order, so that the outcome is byte for byte that of a sequential run.
        let counter = FilesDone(total: files.count, progress: progress)
        progress?(PipelineProgress(stage: .reading, done: 0, total: files.count))
        let results = Concurrently.map(files.indices) { index in
            if cancellation?.isCancelled == true { return FileResult() }
            let result = readFile(files[index], name: names[index], evaluationColumns: evaluationColumns)
            counter.finished(names[index])
            return result
        }
        var submissions: [Submission] = []
        for result in results {
            diagnostics.add(contentsOf: result.diagnostics.all)
            if let submission = result.submission { submissions.append(submission) }
        }
        return submissions
    }

    /// One file's submission and everything noticed while reading it.
    private struct FileResult: Sendable {
        var diagnostics = Diagnostics()
        var submission: Submission?
    }

    private static func readFile(_ file: URL, name: String, evaluationColumns: [ColumnSpec]) -> FileResult {
        var result = FileResult()
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
            result.diagnostics.add(renamed)
            return result
        }
        for notice in tables.flatMap(\.notices) {
            var location = notice.location
            location.file = name
            switch notice.kind {
            case .readPast: result.diagnostics.warning(.cellsOutsideHeader, at: location, notice.message)
            case .mixedEncoding: result.diagnostics.info(.mixedEncoding, at: location, notice.message)
            }
        }
        result.submission = SubmissionReader.read(tables, file: name, evaluationColumns: evaluationColumns,
                                                  diagnostics: &result.diagnostics)
        return result
    }

    /// The file's path relative to the inbox it was found in (`総務課.csv`, `2回目/総務課.csv`).
    static func displayName(of file: URL, roots: [URL]) -> String {
        displayName(of: file, rootIndex: rootIndex(roots))
    }

    /// Each inbox's standardised path and its place in the list, worked out once: `check` may be
    /// given a thousand files, and comparing every file with every root made that quadratic.
    static func rootIndex(_ roots: [URL]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, root) in roots.enumerated() where index[root.standardizedFileURL.path] == nil {
            index[root.standardizedFileURL.path] = position
        }
        return index
    }

    /// Looks up the file's folders (not every root): of the inboxes holding the file, the first given.
    static func displayName(of file: URL, rootIndex: [String: Int]) -> String {
        let path = file.standardizedFileURL.path
        var found: (position: Int, length: Int)?
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if let position = rootIndex[String(folder)], position < (found?.position ?? Int.max) {
                found = (position, folder.utf8.count)
            }
        }
        guard let found else { return file.lastPathComponent }
        return String(decoding: path.utf8.dropFirst(found.length + 1), as: UTF8.self)
    }
}

/// Counts the files read so far for the progress sink, whichever thread finishes one.
private final class FilesDone: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let progress: ProgressSink?

    init(total: Int, progress: ProgressSink?) {
        self.total = total
        self.progress = progress
    }

    func finished(_ name: String) {
        guard let progress else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        progress(PipelineProgress(stage: .reading, done: done, total: total, item: name))
    }
}
