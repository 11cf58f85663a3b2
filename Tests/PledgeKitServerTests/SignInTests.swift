import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PledgeKitServer

@Suite struct SignInTests {
    @Test func rootSendsTheBrowserToSignInThenToTheOffice() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            let first = try await browser.get("/")
            #expect(first.status == .seeOther)
            #expect(first.location == "/office/signin")
            let page = try await browser.get("/office/signin")
            #expect(page.status == .ok)
            for id in [#"<form id="signin-form""#, #"<input type="password" name="password" id="password""#, #"<button type="submit" id="signin">"#] {
                #expect(page.text.contains(id))
            }
            let signedIn = try await browser.signIn(password: fixture.password)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/office")
            let cookie = signedIn.headers[values: .setCookie].first { $0.hasPrefix(SessionGate.cookieName + "=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(try await browser.get("/").location == "/office")
            let office = try await browser.get("/office")
            #expect(office.status == .ok)
            for id in ["nav-status", "nav-figures", "nav-reconciliation", "nav-runs", "nav-links"] {
                #expect(office.text.contains(#"id="\#(id)""#))
            }
        }
    }

    @Test func aWrongPasswordIsRefusedInJapanese() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.signIn(password: "wrong")
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("パスワードが違います"))
            #expect(browser.cookies[SessionGate.cookieName] == nil)
            #expect(try await browser.get("/office").location == "/office/signin")
        }
    }

    @Test func signInIsRateLimitedAfterFiveFailures() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            for _ in 0..<5 { #expect(try await browser.signIn(password: "guess").status == .unauthorized) }
            // Even the right password waits now.
            let blocked = try await browser.signIn(password: fixture.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("しばらく受け付けません"))
            #expect(browser.cookies[SessionGate.cookieName] == nil)
        }
    }

    @Test func signInWithoutItsFormTokenIsForbidden() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            let missing = try await browser.post("/office/signin", form: [("password", fixture.password)])
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("送信を受け付けられません"))
            _ = try await browser.get("/office/signin")
            let wrong = try await browser.post("/office/signin", form: [("csrf", "not-the-token"), ("password", fixture.password)])
            #expect(wrong.status == .forbidden)
        }
    }

    @Test func officePagesNeedTheOfficesSession() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "財政課")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            for page in ["/office", "/office/figures", "/office/reconciliation", "/office/runs", "/office/links"] {
                #expect(try await browser.get(page).location == "/office/signin", "\(page)")
            }
            #expect(try await browser.post("/office/runs", form: []).status == .unauthorized)
            // A department's session is not the office's.
            _ = try await browser.open(link: token)
            #expect(try await browser.get("/office").location == "/office/signin")
            #expect(try await browser.get("/office/uploads/1/file").location == "/office/signin")
        }
    }

    @Test func signOutEndsTheSession() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            try await browser.signIn(password: fixture.password)
            let office = try await browser.get("/office")
            let session = browser.cookies[SessionGate.cookieName]
            let out = try await browser.post("/office/signout", form: [("csrf", Browser.csrf(in: office) ?? "")])
            #expect(out.location == "/office/signin")
            // The old cookie, replayed, opens nothing.
            var replay = Browser(client)
            replay.cookies[SessionGate.cookieName] = session
            #expect(try await replay.get("/office").location == "/office/signin")
        }
    }
}
