import Foundation
import Hummingbird

/// `/`, the office's sign-in and sign-out, and a department link's exchange for a session.
enum SignInRoutes {
    static func add(to router: Router<ServerContext>, server: RoundServer) {
        router.get("/") { request, _ -> Response in
            let session = try await SessionGate.session(request, server: server)
            switch session?.kind {
            case .office: return .redirect(to: "/office", type: .normal)
            case .department: return .redirect(to: "/department", type: .normal)
            case nil: return .redirect(to: "/office/signin", type: .normal)
            }
        }

        router.get("/office/signin") { _, _ -> Response in
            try await signInPage(server: server, message: nil, status: .ok)
        }

        router.post("/office/signin") { request, context -> Response in
            let form = try await FormFields.read(request)
            guard let cookie = request.cookies[SessionGate.signInCookieName]?.value, !cookie.isEmpty,
                  let sent = form["csrf"], Secrets.constantTimeEqual(sent, cookie) else {
                throw PageError.csrf
            }
            let client = context.clientAddress
            let now = server.now
            if await server.limiter.isBlocked(client, at: now) {
                try await server.state.audit.record("不明（\(client)）", "signin_blocked", "", at: now)
                return try await signInPage(server: server, message: "サインインの失敗が続いたため、しばらく受け付けません。1分ほど待ってからやり直してください。",
                                            status: .tooManyRequests)
            }
            guard try await server.state.settings.verifyPassword(form["password"] ?? "") else {
                await server.limiter.failed(client, at: now)
                try await server.state.audit.record("不明（\(client)）", "signin_failed", "", at: now)
                return try await signInPage(server: server, message: "パスワードが違います。", status: .unauthorized)
            }
            await server.limiter.succeeded(client)
            let token = try await server.state.sessions.create(.office, at: now, lifetime: server.settings.officeSessionLifetime)
            try await server.state.audit.record("企画担当", "signin", client, at: now)
            var response = Response.redirect(to: "/office", type: .normal)
            response.setCookie(SessionGate.cookie(SessionGate.cookieName, token))
            response.setCookie(SessionGate.expired(SessionGate.signInCookieName))
            return response
        }

        for path in ["/office/signout", "/department/signout"] {
            router.post(RouterPath(path)) { request, _ -> Response in
                if let session = try await SessionGate.session(request, server: server), let token = SessionGate.token(request) {
                    let form = try await FormFields.read(request)
                    try SessionGate.checkCSRF(form["csrf"], session: session)
                    try await server.state.sessions.delete(token: token)
                }
                var response = Response.redirect(to: path.hasPrefix("/office") ? "/office/signin" : "/", type: .normal)
                response.setCookie(SessionGate.expired(SessionGate.cookieName))
                return response
            }
        }

        // The link's token is exchanged for a session and leaves the address bar (303): it is not
        // kept in the history, nor sent on as a Referer (Referrer-Policy: no-referrer besides).
        router.get("/d/:token") { request, context -> Response in
            let token = context.parameters.get("token") ?? ""
            guard !token.isEmpty, token.count <= 128, let link = try await server.state.links.live(token: token) else {
                throw PageError(.notFound, "このリンクは使えません",
                                "リンクが正しくないか、無効になっています。企画担当から届いた最新のリンクを開いてください。分からないときは企画担当にお問い合わせください。")
            }
            let now = server.now
            let session = try await server.state.sessions.create(.department, department: link.department, linkID: link.id, at: now,
                                                                 lifetime: server.settings.departmentSessionLifetime)
            try await server.state.audit.record("部署:\(link.department)", "link_opened", context.clientAddress, at: now)
            var response = Response.redirect(to: "/department", type: .normal)
            response.setCookie(SessionGate.cookie(SessionGate.cookieName, session))
            return response
        }
    }

    private static func signInPage(server: RoundServer, message: String?, status: HTTPResponse.Status) async throws -> Response {
        let csrf = Secrets.token()
        let view = SignInView(chrome: server.pages.chrome("サインイン"), message: message,
                              noPassword: !(try await server.state.settings.hasPassword()), csrf: csrf)
        var response = server.pages.render(.signIn, view, status: status)
        response.setCookie(SessionGate.cookie(SessionGate.signInCookieName, csrf))
        return response
    }
}

struct SignInView: Sendable {
    var chrome: Chrome
    var message: String?
    var noPassword: Bool
    var csrf: String
}
