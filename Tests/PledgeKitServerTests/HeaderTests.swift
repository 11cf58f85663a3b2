import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PledgeKitServer

@Suite struct HeaderTests {
    static let csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func checkHeaders(_ response: TestResponse, _ page: String, dynamic: Bool = true) {
        #expect(response.headers[.contentSecurityPolicy] == csp, "\(page)")
        #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(page)")
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(page)")
        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(page)")
        if dynamic { #expect(response.headers[.cacheControl] == "no-store", "\(page)") }
    }

    @Test func everyPageSendsTheSecurityHeaders() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var anonymous = Browser(client)
            for page in ["/", "/office/signin", "/office", "/no-such-page", "/d/wrong-token", "/department"] {
                Self.checkHeaders(try await anonymous.get(page), page)
            }
            for asset in ["/static/app.css", "/static/upload.js", "/static/run.js"] {
                let response = try await anonymous.get(asset)
                #expect(response.status == .ok)
                Self.checkHeaders(response, asset, dynamic: false)
            }
            var office = Browser(client)
            Self.checkHeaders(try await office.signIn(password: fixture.password), "signin POST")
            for page in ["/office", "/office/figures", "/office/reconciliation", "/office/runs", "/office/links", "/office/runs/99"] {
                Self.checkHeaders(try await office.get(page), page)
            }
            var department = Browser(client)
            Self.checkHeaders(try await department.open(link: token), "/d/token")
            for page in ["/department", "/department/template.xlsx", "/department/uploads/12345"] {
                Self.checkHeaders(try await department.get(page), page)
            }
        }
    }

    @Test func unknownPagesAreJapanese404s() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/nothing/here")
            #expect(response.status == .notFound)
            #expect(response.text.contains("ページが見つかりません"))
        }
    }

    @Test func noPageCarriesInlineScriptOrStyle() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            var department = Browser(client)
            _ = try await department.open(link: token)
            var pages = [try await department.get("/department")]
            for page in ["/office", "/office/figures", "/office/reconciliation", "/office/runs", "/office/links"] {
                pages.append(try await office.get(page))
            }
            for page in pages {
                #expect(!page.text.contains("<script>"))
                #expect(!page.text.contains("style="))
                #expect(!page.text.contains("http://") || page.text.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            }
        }
    }
}
