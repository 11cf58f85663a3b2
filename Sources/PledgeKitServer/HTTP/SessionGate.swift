import Foundation
import Hummingbird

/// Sessions in a cookie (HttpOnly, SameSite=Strict, Path=/), and the checks every protected
/// route makes: who is signed in, and the form's CSRF token.
enum SessionGate {
    static let cookieName = "pledgekit_session"
    /// The sign-in form's own CSRF token (no session exists yet): the same random value in a
    /// cookie and in the form, compared on POST.
    static let signInCookieName = "pledgekit_signin"

    static func cookie(_ name: String, _ value: String) -> Cookie {
        Cookie(name: name, value: value, path: "/", httpOnly: true, sameSite: .strict)
    }

    static func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }

    static func token(_ request: Request) -> String? {
        request.cookies[cookieName]?.value.nonEmptyValue
    }

    static func session(_ request: Request, server: RoundServer) async throws -> Session? {
        guard let token = token(request) else { return nil }
        return try await server.state.sessions.find(token: token, at: server.now)
    }

    /// The office's session, or the sign-in page (a browser's GET) / 401 (anything else).
    static func office(_ request: Request, server: RoundServer) async throws -> Session {
        guard let session = try await session(request, server: server), session.kind == .office else {
            if request.method == .get || request.method == .head { throw Redirect(to: "/office/signin") }
            throw PageError.signInRequired
        }
        return session
    }

    /// A department's session (from its link), or 401: the link must be opened again.
    static func department(_ request: Request, server: RoundServer) async throws -> (Session, String) {
        guard let session = try await session(request, server: server), session.kind == .department,
              let department = session.department else {
            // Right after a link opened from another site (webmail), a browser may hold back the
            // SameSite=Strict cookie on the redirect; a click from this page sends it.
            throw PageError(.unauthorized, "部署のリンクから開いてください",
                            "メールのリンクを開いた直後にこの画面が出たときは、下の「最初のページへ戻る」を押してください。"
                            + "それでも開かないときは、企画担当から届いた部署専用のリンクを開き直してください。リンクが無効になったときは企画担当にお問い合わせください。")
        }
        return (session, department)
    }

    /// The form's token against the session's, in constant time; 403 when missing or wrong.
    static func checkCSRF(_ sent: String?, session: Session) throws {
        guard let sent, Secrets.constantTimeEqual(sent, session.csrfToken) else { throw PageError.csrf }
    }
}

extension String {
    var nonEmptyValue: String? { isEmpty ? nil : self }
}

/// Sends the browser elsewhere (303) instead of answering: thrown where a page needs a sign-in.
struct Redirect: Error, Sendable {
    var to: String
}
