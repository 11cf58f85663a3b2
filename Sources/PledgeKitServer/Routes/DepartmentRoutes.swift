import Foundation
import Hummingbird

/// A department's own pages: its measures and template, its uploads and their answers. Every
/// upload id is checked against the session's department: another's is "not found".
enum DepartmentRoutes {
    static func add(to router: Router<ServerContext>, server: RoundServer) {
        router.get("/department") { request, _ -> Response in
            let (session, department) = try await SessionGate.department(request, server: server)
            let info = server.engine.departments.first { $0.name == department }
            let uploads = try await server.state.uploads.of(department: department)
            let view = DepartmentView(
                chrome: departmentChrome(server, department, session: session, scripts: ["/static/upload.js"]),
                department: department, templateName: server.engine.templateFileName(for: department),
                measures: info?.measures ?? [], measureCount: info?.measures.count ?? 0, csrf: session.csrfToken,
                maxMB: server.settings.maxUploadBytes >> 20, uploads: uploads.map(UploadRow.init), hasUploads: !uploads.isEmpty,
                current: uploads.first { $0.outcome.isAccepted }.map(UploadRow.init))
            return server.pages.render(.department, view)
        }

        router.get("/department/template.xlsx") { request, _ -> Response in
            let (_, department) = try await SessionGate.department(request, server: server)
            let engine = server.engine
            let data = try await Offload.run { try engine.template(for: department) }
            return Download.response(data, name: engine.templateFileName(for: department), contentType: Download.contentType(of: "x.xlsx"))
        }

        router.post("/department/uploads") { request, _ -> Response in
            let (session, department) = try await SessionGate.department(request, server: server)
            let form = try await MultipartForm.read(request, limit: server.settings.maxUploadBytes)
            try SessionGate.checkCSRF(form.field("csrf"), session: session)
            guard let file = form.files("file").first else { throw UploadName.empty }
            let record = try await server.desk.receive(name: file.fileName ?? "", data: file.data, from: .department(department))
            // Answered only now: the file is on disk and its row committed.
            return .redirect(to: "/department/uploads/\(record.id)", type: .normal)
        }

        router.get("/department/uploads/:id") { request, context -> Response in
            let (session, department) = try await SessionGate.department(request, server: server)
            guard let id = context.parameters.get("id", as: Int64.self), let upload = try await server.state.uploads.find(id),
                  upload.department == department else {
                throw PageError.notFound
            }
            let view = UploadResultView(upload, chrome: departmentChrome(server, department, session: session, title: "確認結果"),
                                        fileHref: nil, backHref: "/department", backLabel: "部署のページへ戻る")
            return server.pages.render(.uploadResult, view)
        }
    }

    static func departmentChrome(_ server: RoundServer, _ department: String, session: Session, title: String? = nil,
                                 scripts: [String] = []) -> Chrome {
        var chrome = server.pages.chrome(title ?? department, scripts: scripts)
        chrome.csrf = session.csrfToken
        return chrome
    }
}

struct DepartmentView: Sendable {
    var chrome: Chrome
    var department: String
    var templateName: String
    var measures: [MeasureInfo]
    var measureCount: Int
    var csrf: String
    var maxMB: Int
    var uploads: [UploadRow]
    var hasUploads: Bool
    /// The upload the round takes (the latest accepted), if any.
    var current: UploadRow?
}
