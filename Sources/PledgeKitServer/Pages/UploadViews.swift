import Foundation

/// The answer page of one upload, for the department and for the office alike.
struct UploadResultView: Sendable {
    struct Line: Sendable { var line: String }
    var chrome: Chrome
    var name: String
    var state: String
    var verdict: String
    var departmentLabel: String
    var sizeLabel: String
    var time: String
    var uploader: String
    var takenIn: String
    var refusal: String?
    var errors: [Line]
    var warnings: [Line]
    var hasErrors: Bool
    var hasWarnings: Bool
    var errorCount: Int
    var warningCount: Int
    /// Whether the warned rows are counted: only when the file is taken in.
    var warningNote: String
    var fileHref: String?
    var backHref: String
    var backLabel: String

    init(_ upload: UploadRecord, chrome: Chrome, fileHref: String?, backHref: String, backLabel: String) {
        self.chrome = chrome
        name = upload.originalName
        state = upload.outcome.rawValue
        switch upload.outcome {
        case .accepted: verdict = "受け付けました。問題はありません。"
        case .acceptedWithWarnings: verdict = "受け付けました。警告を確認してください。"
        case .rejected where upload.refusal != nil && !upload.problems.contains(where: { $0.severity == .error }):
            verdict = "このファイルは集計には使いません（理由は下に）。ファイルは保管しています。"
        case .rejected: verdict = "エラーがあるため、集計には使いません。直してからもう一度アップロードしてください。"
        }
        warningNote = upload.outcome.isAccepted ? "確認してください（集計には使います）" : "確認してください"
        departmentLabel = upload.department.isEmpty ? "（判断できません）" : upload.department
        sizeLabel = JapaneseTime.size(upload.size)
        time = JapaneseTime.format(upload.uploadedAt)
        uploader = upload.uploader.japanese
        takenIn = upload.outcome.isAccepted ? "取り込みます（この部署の以前のファイルと置き換えます）" : "取り込みません（ファイルは保管しています）"
        refusal = upload.refusal
        errors = upload.problems.filter { $0.severity == .error }.map { Line(line: $0.line) }
        warnings = upload.problems.filter { $0.severity == .warning }.map { Line(line: $0.line) }
        hasErrors = !errors.isEmpty
        hasWarnings = !warnings.isEmpty
        errorCount = errors.count
        warningCount = warnings.count
        self.fileHref = fileHref
        self.backHref = backHref
        self.backLabel = backLabel
    }
}

/// One row of an upload history.
struct UploadRow: Sendable {
    var id: Int64
    var time: String
    var name: String
    var stateLabel: String
    var stateClass: String
    var errors: Int
    var warnings: Int
    var uploader: String
    var departmentLabel: String

    init(_ upload: UploadRecord) {
        id = upload.id
        time = JapaneseTime.format(upload.uploadedAt)
        name = upload.originalName
        stateLabel = switch upload.outcome {
        case .accepted: "受付済"
        case .acceptedWithWarnings: "警告あり（受付済）"
        case .rejected: upload.refusal != nil ? "受け付けません" : "エラーあり"
        }
        stateClass = upload.outcome.rawValue
        errors = upload.problems.filter { $0.severity == .error }.count + (upload.refusal != nil ? 1 : 0)
        warnings = upload.problems.filter { $0.severity == .warning }.count
        uploader = upload.uploader.japanese
        departmentLabel = upload.department.isEmpty ? "（判断できません）" : upload.department
    }
}
