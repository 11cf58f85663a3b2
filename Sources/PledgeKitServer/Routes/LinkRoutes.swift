import Foundation
import Hummingbird

/// The departments' links: state, revoke, rotate (the new link shown once), and a CSV of the
/// links made for every department that had none.
enum LinkRoutes {
    static func add(to router: Router<ServerContext>, server: RoundServer) {
        router.get("/office/links") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            return try await page(server: server, session: session, newLink: nil, message: nil)
        }

        router.get("/office/audit") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let entries = try await server.state.audit.recent(500).map { entry in
                AuditLogView.Entry(time: JapaneseTime.format(entry.time), actor: entry.actor, action: AuditLogView.japanese(entry.action),
                                   detail: entry.detail)
            }
            return server.pages.render(.auditLog, AuditLogView(chrome: server.pages.chrome("操作の記録", office: session),
                                                               count: 500, entries: entries))
        }

        router.post("/office/links/revoke") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let form = try await FormFields.read(request)
            try SessionGate.checkCSRF(form["csrf"], session: session)
            let department = try planDepartment(form, server: server)
            let count = try await server.state.links.revoke(department: department, at: server.now)
            try await server.state.audit.record("企画担当", "link_revoked", department, at: server.now)
            return try await page(server: server, session: session, newLink: nil,
                                  message: count > 0 ? "\(department)のリンクを失効させました。" : "\(department)に有効なリンクはありません。")
        }

        router.post("/office/links/rotate") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let form = try await FormFields.read(request)
            try SessionGate.checkCSRF(form["csrf"], session: session)
            let department = try planDepartment(form, server: server)
            let token = try await server.state.links.rotate(department: department, at: server.now)
            try await server.state.audit.record("企画担当", "link_rotated", department, at: server.now)
            let link = LinksView.NewLink(department: department, url: DepartmentLinks.url(base: base(request, server), token: token))
            return try await page(server: server, session: session, newLink: link, message: nil)
        }

        router.post("/office/links/create-missing") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let form = try await FormFields.read(request)
            try SessionGate.checkCSRF(form["csrf"], session: session)
            let made = try await DepartmentLinks.createMissing(state: server.state, departments: server.engine.departments.map(\.name), actor: "企画担当", at: server.now)
            let csv = DepartmentLinks.csv(made, base: base(request, server))
            return Download.response(Data(csv.utf8), name: "部署リンク.csv", contentType: "text/csv; charset=utf-8")
        }
    }

    private static func page(server: RoundServer, session: Session, newLink: LinksView.NewLink?, message: String?) async throws -> Response {
        let links = try await server.state.links.all()
        let rows = server.engine.departments.map { info -> LinksView.Row in
            let own = links.filter { $0.department == info.name }
            let live = own.last { $0.revokedAt == nil }
            let latest = own.last
            return LinksView.Row(department: info.name,
                                 stateLabel: live != nil ? "作成済" : latest != nil ? "失効" : "なし", live: live != nil,
                                 created: JapaneseTime.format(latest?.createdAt), revoked: JapaneseTime.format(live == nil ? latest?.revokedAt : nil))
        }
        return server.pages.render(.links, LinksView(chrome: server.pages.chrome("部署のリンク", office: session), csrf: session.csrfToken,
                                                     newLink: newLink, message: message, rows: rows))
    }

    private static func planDepartment(_ form: FormFields, server: RoundServer) throws -> String {
        guard let name = form["department"], let department = server.engine.planDepartment(name) else {
            throw PageError(.badRequest, "部署が分かりません", "計画にある部署を選んでください。")
        }
        return department
    }

    /// `--base-url`, else the address the office's browser used.
    private static func base(_ request: Request, _ server: RoundServer) -> String {
        if let base = server.baseURL { return base }
        return "http://" + (request.head.authority ?? "127.0.0.1:8080")
    }
}

struct LinksView: Sendable {
    struct NewLink: Sendable { var department: String; var url: String }
    struct Row: Sendable {
        var department: String
        var stateLabel: String
        var live: Bool
        var created: String
        var revoked: String
    }
    var chrome: Chrome
    var csrf: String
    var newLink: NewLink?
    var message: String?
    var rows: [Row]
}

struct AuditLogView: Sendable {
    struct Entry: Sendable { var time: String; var actor: String; var action: String; var detail: String }
    var chrome: Chrome
    var count: Int
    var entries: [Entry]

    static func japanese(_ action: String) -> String {
        switch action {
        case "signin": "サインイン"
        case "signin_failed": "サインイン失敗"
        case "signin_blocked": "サインイン拒否（回数制限）"
        case "upload": "アップロード"
        case "link_created": "リンク作成"
        case "link_revoked": "リンク失効"
        case "link_rotated": "リンク作り直し"
        case "link_opened": "リンクを開いた"
        case "run_started": "集計開始"
        case "run_finished": "集計終了"
        case "password_set": "パスワード設定"
        default: action
        }
    }
}
