import Foundation
import PledgeCore
import PledgeKit

/// The Tomakomai sample as a merge's options, and scratch folders, for the in-process API tests.
enum PipelineFixtures {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples")
    static let tomakomai = samples.appendingPathComponent("tomakomai")
    static let year = FiscalYear(parsing: "令和2年度")!

    static func tomakomaiMerge(out: URL) -> MergeOptions {
        MergeOptions(inboxes: [tomakomai.appendingPathComponent("inbox")], plan: tomakomai.appendingPathComponent("plan.csv"),
                     year: year, out: out, previous: tomakomai.appendingPathComponent("previous/summary.csv"))
    }

    /// A fresh folder under the system's temporary folder, removed by the caller's `defer`.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under a folder with its bytes, by relative path: equal snapshots mean untouched.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in walker {
            if let data = try? Data(contentsOf: url) {
                files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = data
            }
        }
        return files
    }

    /// A department's CSV submission (the layout of Samples/tomakomai/inbox) with the given rows.
    static func submission(department: String, rows: [[String]]) -> String {
        "部署名,\(department)\n年度,令和2年度\n提出日,2021-04-21\n\n施策ID,施策内容,取組事業内容,評価,備考\n"
            + rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

/// Collects what a sink hears, from whichever thread.
final class ProgressRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var heard: [PipelineProgress] = []

    var sink: ProgressSink { { [self] progress in lock.lock(); heard.append(progress); lock.unlock() } }
    var all: [PipelineProgress] { lock.lock(); defer { lock.unlock() }; return heard }
}
