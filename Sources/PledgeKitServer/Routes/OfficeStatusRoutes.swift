import Foundation
import Hummingbird

/// 提出状況, and the files the office received by email (several at once, each assigned to the
/// department its own 部署名 names).
enum OfficeStatusRoutes {
    static func add(to router: Router<ServerContext>, server: RoundServer) {
        router.get("/office") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let uploads = try await server.state.uploads.all()
            var inboxFiles: [String: CheckSummary] = [:]
            var inboxTimes: [String: Date] = [:]
            for root in server.engine.round.inboxes {
                for (name, summary) in try await server.scans.scan(root) {
                    inboxFiles[name] = summary
                    let date = try? root.appendingPathComponent(name).resourceValues(forKeys: [.contentModificationDateKey])
                        .contentModificationDate
                    inboxTimes[name] = date
                }
            }
            let statuses = DepartmentStatus.compute(departments: server.engine.departments.map(\.name), uploads: uploads,
                                                    inboxFiles: inboxFiles, inboxTimes: inboxTimes)
            let unassigned = uploads.filter { $0.department.isEmpty }.map {
                UnassignedRow(id: $0.id, name: $0.originalName, time: JapaneseTime.format($0.uploadedAt), reason: $0.refusal ?? "")
            }
            func count(_ state: DepartmentStatus.State) -> Int { statuses.filter { $0.state == state }.count }
            let view = OfficeStatusView(
                chrome: server.pages.chrome("提出状況", office: session, scripts: ["/static/upload.js"]),
                total: statuses.count, accepted: count(.accepted), warnings: count(.warnings), errors: count(.errors),
                notSubmitted: count(.notSubmitted), rows: statuses.map(StatusRow.init), unassigned: unassigned,
                hasUnassigned: !unassigned.isEmpty, csrf: session.csrfToken, maxMB: server.settings.maxUploadBytes >> 20)
            return server.pages.render(.officeStatus, view)
        }

        router.post("/office/uploads") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            // Several files: the limit is per file, the body may hold a few.
            let form = try await MultipartForm.read(request, limit: server.settings.maxUploadBytes * 5)
            try SessionGate.checkCSRF(form.field("csrf"), session: session)
            let files = form.files("files")
            guard !files.isEmpty else { throw UploadName.empty }
            var results: [UploadRow] = []
            for file in files {
                let record = try await server.desk.receive(name: file.fileName ?? "", data: file.data, from: .office)
                results.append(UploadRow(record))
            }
            return server.pages.render(.officeUploads, OfficeUploadsView(chrome: server.pages.chrome("登録の結果", office: session),
                                                                         results: results))
        }

        router.get("/office/uploads/:id") { request, context -> Response in
            let session = try await SessionGate.office(request, server: server)
            guard let id = context.parameters.get("id", as: Int64.self), let upload = try await server.state.uploads.find(id) else {
                throw PageError.notFound
            }
            let view = UploadResultView(upload, chrome: server.pages.chrome("確認結果", office: session),
                                        fileHref: "/office/uploads/\(upload.id)/file", backHref: "/office", backLabel: "提出状況へ戻る")
            return server.pages.render(.uploadResult, view)
        }

        router.get("/office/uploads/:id/file") { request, context -> Response in
            _ = try await SessionGate.office(request, server: server)
            guard let id = context.parameters.get("id", as: Int64.self), let upload = try await server.state.uploads.find(id) else {
                throw PageError.notFound
            }
            let data = try Data(contentsOf: server.state.folder.uploads.appendingPathComponent(upload.storedName))
            // The clerk's name, reduced to its last component: a download is never named with a path.
            let name = upload.originalName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? upload.storedName
            return Download.response(data, name: name, contentType: Download.contentType(of: upload.storedName))
        }
    }
}

struct StatusRow: Sendable {
    struct Line: Sendable { var severity: String; var line: String }
    var department: String
    var stateLabel: String
    var stateClass: String
    var time: String
    var fileName: String
    var uploadHref: String?
    var fromInbox: Bool
    var earlier: String?
    var problems: [Line]
    var more: Int?

    init(_ status: DepartmentStatus) {
        department = status.department
        stateLabel = status.state.japanese
        stateClass = status.state.rawValue
        time = JapaneseTime.format(status.lastTime)
        fileName = status.fileName
        uploadHref = status.uploadID.map { "/office/uploads/\($0)" }
        fromInbox = status.fromInbox
        earlier = status.stillTaken
        let sorted = status.problems.filter { $0.severity == .error } + status.problems.filter { $0.severity == .warning }
        problems = sorted.prefix(5).map { Line(severity: $0.severity.rawValue, line: $0.line) }
        more = sorted.count > 5 ? sorted.count - 5 : nil
    }
}

struct UnassignedRow: Sendable {
    var id: Int64
    var name: String
    var time: String
    var reason: String
}

struct OfficeStatusView: Sendable {
    var chrome: Chrome
    var total: Int
    var accepted: Int
    var warnings: Int
    var errors: Int
    var notSubmitted: Int
    var rows: [StatusRow]
    var unassigned: [UnassignedRow]
    var hasUnassigned: Bool
    var csrf: String
    var maxMB: Int
}

struct OfficeUploadsView: Sendable {
    var chrome: Chrome
    var results: [UploadRow]
}
