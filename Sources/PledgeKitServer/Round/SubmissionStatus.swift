import Foundation

/// 提出状況: each department of the plan with where its round stands.
struct DepartmentStatus: Sendable {
    enum State: String, Sendable {
        case notSubmitted = "not-submitted", errors, warnings, accepted

        var japanese: String {
            switch self {
            case .notSubmitted: "未提出"
            case .errors: "エラーあり"
            case .warnings: "警告あり"
            case .accepted: "受付済"
            }
        }
    }

    var department: String
    var state: State
    var lastTime: Date?
    var fileName: String
    /// The latest upload, when the state comes from one (else from a file in the inbox folder).
    var uploadID: Int64?
    var fromInbox: Bool
    var problems: [Problem]
    /// What the round still takes while the latest upload has errors: an earlier clean upload,
    /// else the department's files in the inbox folder (`行政監理室.xlsx、2026/12/07 14:05`).
    var stillTaken: String?

    /// The state from the department's latest upload, else from its files already in the inbox.
    static func compute(departments: [String], uploads: [UploadRecord], inboxFiles: [String: CheckSummary],
                        inboxTimes: [String: Date]) -> [DepartmentStatus] {
        var byDepartment: [String: [UploadRecord]] = [:]
        for upload in uploads { byDepartment[upload.department, default: []].append(upload) }  // newest first
        return departments.map { department in
            let own = byDepartment[department] ?? []
            if let latest = own.first {
                let state: State = switch latest.outcome {
                case .rejected: .errors
                case .acceptedWithWarnings: .warnings
                case .accepted: .accepted
                }
                var problems = latest.problems.filter { $0.severity != .info }
                if let refusal = latest.refusal {
                    problems.insert(Problem(severity: .error, code: "upload.refused", file: latest.originalName, sheet: "", cell: "",
                                            measureID: "", department: department, message: refusal), at: 0)
                }
                var stillTaken: String?
                if latest.outcome == .rejected {
                    if let earlier = own.first(where: { $0.outcome.isAccepted }) {
                        stillTaken = "\(earlier.originalName)、\(JapaneseTime.format(earlier.uploadedAt))"
                    } else {
                        let files = inboxFiles.filter { $0.value.departments.contains(department) }.keys.sorted()
                        if !files.isEmpty { stillTaken = "提出フォルダの" + files.joined(separator: "、") }
                    }
                }
                return DepartmentStatus(department: department, state: state, lastTime: latest.uploadedAt,
                                        fileName: latest.originalName, uploadID: latest.id, fromInbox: false,
                                        problems: problems, stillTaken: stillTaken)
            }
            let files = inboxFiles.filter { $0.value.departments.contains(department) }.sorted { $0.key < $1.key }
            guard !files.isEmpty else {
                return DepartmentStatus(department: department, state: .notSubmitted, lastTime: nil, fileName: "", uploadID: nil,
                                        fromInbox: false, problems: [], stillTaken: nil)
            }
            let problems = files.flatMap { $0.value.problems }.filter { $0.severity != .info }
            let state: State = problems.contains { $0.severity == .error } ? .errors
                : problems.contains { $0.severity == .warning } ? .warnings : .accepted
            return DepartmentStatus(department: department, state: state, lastTime: files.compactMap { inboxTimes[$0.key] }.max(),
                                    fileName: files.map(\.key).joined(separator: "、"), uploadID: nil, fromInbox: true,
                                    problems: problems, stillTaken: nil)
        }
    }
}
