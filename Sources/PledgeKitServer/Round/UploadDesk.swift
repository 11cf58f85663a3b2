import Foundation

/// Takes one uploaded file in: keeps its bytes (durably, under the server's name), checks it with
/// the merge's rules, decides whether the round takes it, and records it; in that order, so that
/// a file answered 受け付けました is on disk and in the database before the answer is sent.
struct UploadDesk: Sendable {
    let engine: RoundEngine
    let state: RoundState
    let settings: ServerSettings

    enum Sender: Sendable {
        /// A department through its link: the file must be its own.
        case department(String)
        /// The office (a file received by email): the file's own 部署名 says whose it is.
        case office
    }

    func receive(name rawName: String, data: Data, from sender: Sender) async throws -> UploadRecord {
        guard let fileExtension = UploadName.fileExtension(rawName) else { throw UploadName.unsupported }
        guard !data.isEmpty else { throw UploadName.empty }
        guard data.count <= settings.maxUploadBytes else { throw PageError.tooLarge(limit: settings.maxUploadBytes) }
        let displayName = UploadName.display(rawName)
        let vault = UploadVault(folder: state.folder.uploads)
        let engine = self.engine
        let (storedName, summary) = try await Offload.run {
            let storedName = try vault.store(data, extension: fileExtension)
            return (storedName, engine.check(file: vault.url(of: storedName), displayName: displayName))
        }
        let decided = decide(summary, sender: sender)
        let department = decided.department
        var refusal = decided.refusal
        // An untouched template checks clean (its rows are skipped), but taken in it would replace
        // the department's filled file with nothing.
        if refusal == nil && summary.isClean && summary.activityCount == 0 {
            refusal = "取組が1件も記入されていないため、集計には使いません。提出票に取組事業内容と評価を記入してからアップロードしてください。"
        }
        let outcome: UploadOutcome = refusal != nil || !summary.isClean ? .rejected
            : summary.warningCount > 0 ? .acceptedWithWarnings : .accepted
        let now = settings.now()
        let record = try await state.uploads.insert(UploadRecord(
            id: 0, department: department, originalName: displayName, storedName: storedName, sha256: Secrets.sha256(data),
            size: data.count, uploadedAt: now, uploader: sender.uploader, outcome: outcome,
            refusal: refusal ?? summary.refusal, problems: summary.problems))
        try await state.audit.record(sender.actor, "upload",
                                     "#\(record.id) \(displayName) → \(department.isEmpty ? "部署不明" : department)（\(outcome.japanese)）",
                                     at: now)
        return record
    }

    /// Whose file it is, and why the server refuses it (if it does) before the check's own errors.
    private func decide(_ summary: CheckSummary, sender: Sender) -> (department: String, refusal: String?) {
        switch sender {
        case .department(let own):
            let others = summary.departments.filter { engine.planDepartment($0) != own }
            guard others.isEmpty else {
                return (own, "このファイルの部署名は「\(others.joined(separator: "」「"))」です。\(own)のリンクからは\(own)のファイルだけを受け付けます。"
                    + "部署名を確かめるか、そのファイルの部署に送ってもらってください。")
            }
            return (own, nil)
        case .office:
            let planned = summary.departments.compactMap(engine.planDepartment)
            let distinct = planned.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if distinct.count == 1 && planned.count == summary.departments.count { return (distinct[0], nil) }
            if distinct.count > 1 {
                return ("", "1つのファイルに複数の部署（\(distinct.joined(separator: "、"))）が書かれています。部署ごとのファイルに分けてください。")
            }
            if let unknown = summary.departments.first(where: { engine.planDepartment($0) == nil }) {
                return ("", "部署名「\(unknown)」は計画にありません。ファイルの部署名を確かめてください。")
            }
            return ("", "ファイルから部署名を読み取れません。表の上の「部署名」欄に部署名を記入してください。")
        }
    }
}

extension UploadDesk.Sender {
    var uploader: Uploader {
        if case .department = self { return .department }
        return .office
    }

    var actor: String {
        switch self {
        case .department(let name): "部署:\(name)"
        case .office: "企画担当"
        }
    }
}

/// CPU and disk work off Swift's cooperative threads, so that a long check or merge does not hold
/// up the server's other requests.
enum Offload {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
