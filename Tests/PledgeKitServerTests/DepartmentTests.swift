import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PledgeCore
import PledgeKit
import Testing
@testable import PledgeKitServer

@Suite struct DepartmentTests {
    @Test func aLinkOpensTheDepartmentsPageAndLeavesTheAddressBar() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            let opened = try await browser.open(link: token)
            #expect(opened.status == .seeOther)
            #expect(opened.location == "/department")
            let cookie = opened.headers[values: .setCookie].first ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains(token))
            let page = try await browser.get("/department")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<h1 id="department-name">行政監理室</h1>"#))
            #expect(page.text.contains("まだ受け付けたファイルはありません。"))
            #expect(page.text.contains(#"<a id="download-template" class="button" href="/department/template.xlsx">"#))
            #expect(page.text.contains(#"<form id="upload-form""#))
            #expect(page.text.contains(#"<input type="file" name="file" id="file""#))
            #expect(page.text.contains(#"<button type="submit" id="upload">"#))
            // Its measures, and no other department's.
            #expect(page.text.contains("I-1-1") && page.text.contains("行革プランを実行します"))
            #expect(page.text.contains("I-2-1") && page.text.contains("女性管理職を登用します"))
            #expect(!page.text.contains("財政指標を管理します"))
        }
    }

    @Test func aWrongTokenOpensNothing() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        _ = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            let response = try await browser.get("/d/" + Secrets.token())
            #expect(response.status == .notFound)
            #expect(response.text.contains("このリンクは使えません"))
            #expect(browser.cookies[SessionGate.cookieName] == nil)
            #expect(try await browser.get("/department").status == .unauthorized)
        }
    }

    @Test func aRevokedLinkStopsAtOnceWithItsSessions() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "財政課")
        try await fixture.app().test(.router) { client in
            var department = Browser(client)
            _ = try await department.open(link: token)
            #expect(try await department.get("/department").status == .ok)
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let links = try await office.get("/office/links")
            #expect(links.text.contains(#"<tr data-department="財政課"><th scope="row">財政課</th><td class="link-state">作成済</td>"#))
            let revoked = try await office.post("/office/links/revoke", form: [("csrf", Browser.csrf(in: links) ?? ""), ("department", "財政課")])
            #expect(revoked.status == .ok)
            #expect(revoked.text.contains(#"<td class="link-state">失効</td>"#))
            // The open session dies with the link, and the link opens nothing.
            let after = try await department.get("/department")
            #expect(after.status == .unauthorized)
            #expect(after.text.contains("部署のリンクから開いてください"))
            var stranger = Browser(client)
            #expect(try await stranger.get("/d/\(token)").status == .notFound)
        }
    }

    @Test func theTemplateIsTheOneTemplateWrites() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        let written = fixture.root.appendingPathComponent("templates")
        let outcome = TemplatePipeline.run(TemplateOptions(plan: fixture.planURL, year: FiscalYear(2020), out: written))
        #expect(outcome.succeeded)
        let expected = try Data(contentsOf: written.appendingPathComponent("行政監理室.xlsx"))
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let response = try await browser.get("/department/template.xlsx")
            #expect(response.status == .ok)
            #expect(Data(buffer: response.body) == expected)
            #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''%E8%A1%8C%E6%94%BF") == true)
        }
    }

    @Test func aBadRatingNamesTheCellAndIsNotTakenIn() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let sent = try await browser.uploadFromDepartmentPage("行政監理室.csv", Data(RoundFixture.gyoseiBadRating.utf8))
            #expect(sent.status == .seeOther)
            let location = try #require(sent.location)
            #expect(location.hasPrefix("/department/uploads/"))
            let result = try await browser.get(location)
            #expect(result.text.contains(#"<div id="upload-result" data-state="rejected""#))
            #expect(result.text.contains(#"<li class="problem" data-severity="error">エラー 行政監理室.csv!D6: 評価は0〜10の整数で入力してください（入力値: 11）</li>"#))
            #expect(result.text.contains("取り込みません"))
            #expect(result.text.contains(#"<a id="back" href="/department">"#))
            // Kept, in the history, but the round does not take it.
            let history = try await browser.get("/department")
            #expect(history.text.contains("行政監理室.csv") && history.text.contains("エラーあり"))
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let status = try await office.get("/office")
            #expect(status.text.contains(#"<tr data-department="行政監理室" class="errors">"#))
            #expect(status.text.contains(#"<td class="state errors">エラーあり</td>"#))
            let state = try RoundState(folder: fixture.stateFolder)
            #expect(try await state.uploads.latestAccepted().isEmpty)
            #expect(try await state.uploads.all().count == 1)
        }
    }

    @Test func aCleanUploadIsTakenInAndShownAccepted() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let sent = try await browser.uploadFromDepartmentPage("行政監理室.csv", Data(RoundFixture.gyosei.utf8))
            let result = try await browser.get(try #require(sent.location))
            #expect(result.text.contains(#"data-state="accepted""#))
            #expect(result.text.contains("受け付けました"))
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let status = try await office.get("/office")
            #expect(status.text.contains(#"<table id="status">"#))
            #expect(status.text.contains(#"<tr data-department="行政監理室" class="accepted">"#))
            #expect(status.text.contains(#"<td class="state accepted">受付済</td>"#))
            // The inbox's file counts too; the department that sent nothing is 未提出.
            #expect(status.text.contains(#"<tr data-department="こども育成課" class="accepted">"#))
            #expect(status.text.contains(#"<tr data-department="財政課" class="not-submitted">"#))
            #expect(status.text.contains(#"<td class="state not-submitted">未提出</td>"#))
        }
    }

    @Test func anUntouchedTemplateIsKeptButNotTakenIn() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "財政課")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let page = try await browser.get("/department")
            let filled = try await browser.upload("/department/uploads", fields: [("csrf", Browser.csrf(in: page) ?? "")],
                                                  files: [("file", "財政課.csv", Data(RoundFixture.zaisei.utf8))])
            #expect(try await browser.get(try #require(filled.location)).text.contains(#"data-state="accepted""#))
            let template = try await browser.get("/department/template.xlsx")
            let blank = try await browser.upload("/department/uploads", fields: [("csrf", Browser.csrf(in: page) ?? "")],
                                                 files: [("file", "財政課.xlsx", Data(buffer: template.body))])
            let result = try await browser.get(try #require(blank.location))
            #expect(result.text.contains(#"data-state="rejected""#))
            #expect(result.text.contains("取組が1件も記入されていないため、集計には使いません。"))
            // No errors to fix: the page says why it is not used, and never that its warnings count.
            #expect(result.text.contains("このファイルは集計には使いません（理由は下に）。"))
            #expect(!result.text.contains("エラーがあるため") && !result.text.contains("集計には使います"))
            let own = try await browser.get("/department")
            #expect(own.text.contains(#"<p class="notice success" id="current-file">集計に使うファイル: <a href="/department/uploads/1">財政課.csv</a>"#))
            // The filled file stays in the round.
            let state = try RoundState(folder: fixture.stateFolder)
            #expect(try await state.uploads.latestAccepted().map(\.originalName) == ["財政課.csv"])
        }
    }

    @Test func anotherDepartmentsFileIsRefusedClearly() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let sent = try await browser.uploadFromDepartmentPage("財政課.csv", Data(RoundFixture.zaisei.utf8))
            let result = try await browser.get(try #require(sent.location))
            #expect(result.text.contains(#"data-state="rejected""#))
            #expect(result.text.contains("このファイルの部署名は「財政課」です。行政監理室のリンクからは行政監理室のファイルだけを受け付けます。"))
            let state = try RoundState(folder: fixture.stateFolder)
            #expect(try await state.uploads.latestAccepted().isEmpty)
        }
    }

    @Test func anotherDepartmentsUploadIsNotFound() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let own = try await fixture.link(for: "行政監理室")
        let other = try await fixture.link(for: "財政課")
        try await fixture.app().test(.router) { client in
            var gyosei = Browser(client)
            _ = try await gyosei.open(link: own)
            let sent = try await gyosei.uploadFromDepartmentPage("行政監理室.csv", Data(RoundFixture.gyosei.utf8))
            let location = try #require(sent.location)
            var zaisei = Browser(client)
            _ = try await zaisei.open(link: other)
            let peek = try await zaisei.get(location)
            #expect(peek.status == .notFound)
            #expect(!peek.text.contains("行政監理室.csv"))
            #expect(!(try await zaisei.get("/department")).text.contains("行政監理室.csv"))
            #expect(try await zaisei.get("/department/uploads/not-a-number").status == .notFound)
        }
    }

    @Test func anUploadWithoutOrWithAWrongFormTokenIsForbidden() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let file = [("file", "行政監理室.csv", Data(RoundFixture.gyosei.utf8))]
            let missing = try await browser.upload("/department/uploads", fields: [], files: file)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("送信を受け付けられません"))
            let wrong = try await browser.upload("/department/uploads", fields: [("csrf", Secrets.token())], files: file)
            #expect(wrong.status == .forbidden)
            let state = try RoundState(folder: fixture.stateFolder)
            #expect(try await state.uploads.all().isEmpty)
        }
    }

    @Test func anOversizeUploadIsRefusedWith413() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app(settings: RoundFixture.settings(maxUpload: 1 << 20)).test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let big = Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 200_000)
            let response = try await browser.uploadFromDepartmentPage("行政監理室.csv", big)
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("ファイルが大きすぎます"))
            #expect(response.text.contains("1 MBまで"))
        }
    }

    @Test func onlyWorkbooksAndCSVAreAccepted() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let response = try await browser.uploadFromDepartmentPage("report.exe", Data("MZ".utf8))
            #expect(response.status == .unsupportedMediaType)
            #expect(response.text.contains(".xlsx"))
        }
    }

    @Test func aPathLikeNameIsStoredUnderTheServersNameAndOnlyShown() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let sent = try await browser.uploadFromDepartmentPage("../../x.xlsx", Data(RoundFixture.gyosei.utf8))
            let result = try await browser.get(try #require(sent.location))
            #expect(result.text.contains("確認結果: ../../x.xlsx"))
            // Nothing was written beside the state folder or the test's folder.
            #expect(!FileManager.default.fileExists(atPath: fixture.stateFolder.appendingPathComponent("../../x.xlsx").standardizedFileURL.path))
            #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("x.xlsx").path))
            let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.stateFolder.appendingPathComponent("uploads").path)
            #expect(stored.count == 1)
            #expect(stored[0].range(of: #"^[0-9a-f-]{36}\.xlsx$"#, options: .regularExpression) != nil)
        }
    }

    @Test func textFromAFileIsEscapedEverywhere() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        let script = "<script>alert(1)</script>"
        let file = RoundFixture.submission("行政監理室", rows: [("1-1-1", script, "8"), ("1-2-1", "女性管理職を増やしました", "6")],
                                           extraColumn: script)
        try await fixture.app().test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.open(link: token)
            let sent = try await browser.uploadFromDepartmentPage("\(script).csv", Data(file.utf8))
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let pages = [try await browser.get(try #require(sent.location)), try await browser.get("/department"),
                         try await office.get("/office"), try await office.get("/office/reconciliation"),
                         try await office.get("/office/uploads/1")]
            for shown in pages {
                #expect(!shown.text.contains(script))
                #expect(shown.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
