import PledgeCore
import TableIO

/// Two files from one department for one year: the later 提出日 replaces the earlier as a whole.
/// Without dates to decide, neither is chosen: that is an error naming both files.
enum SupersessionRule {
    static func resolve(_ submissions: [Submission], diagnostics: inout Diagnostics) -> (kept: [Submission], superseded: [String]) {
        var groups: [String: [Submission]] = [:]
        var order: [String] = []
        for submission in submissions {
            // A file without one sending department cannot be superseded: it stands alone.
            let key = submission.sender.map(Departments.key) ?? "file:" + submission.file
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(submission)
        }
        var kept: [Submission] = []
        var superseded: [String] = []
        for key in order {
            let group = groups[key]!
            guard group.count > 1 else { kept.append(group[0]); continue }
            let dated = group.map { submission -> (Submission, SubmissionDate?) in
                (submission, submission.submitted.flatMap { SubmissionDate(parsing: $0.value) })
            }
            let department = group[0].sender ?? ""
            let files = group.map(\.file).sorted().joined(separator: "、")
            // A 提出日 that cannot be read is reported where the file is read (SubmissionReader).
            guard dated.allSatisfy({ $0.1 != nil }) else {
                diagnostics.error(.submissionUndated, at: SourceLocation(file: group[0].file), department: department,
                                  "\(department)の提出ファイルが複数あり（\(files)）、提出日がないためどれを使うか決められません。提出日を記入するか、古いファイルを取り除いてください。")
                continue
            }
            let ordered = dated.sorted { $0.1! < $1.1! }
            let latest = ordered.last!
            if ordered.count > 1 && ordered[ordered.count - 2].1 == latest.1 {
                diagnostics.error(.submissionSameDate, at: SourceLocation(file: latest.0.file), department: department,
                                  "\(department)の提出ファイルが複数あり（\(files)）、提出日が同じ(\(latest.1!))のためどれを使うか決められません。")
                continue
            }
            kept.append(latest.0)
            for (older, date) in ordered.dropLast() {
                superseded.append(older.file)
                diagnostics.info(.submissionSuperseded, at: SourceLocation(file: older.file), department: department,
                                 "\(older.file)（提出日 \(date!)）は \(latest.0.file)（提出日 \(latest.1!)）に置き換えられました。")
            }
        }
        return (kept, superseded)
    }
}
