import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PledgeKitServer

@Suite struct OfficeTests {
    @Test func filesReceivedByEmailAreAssignedFromTheirOwnDepartmentName() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let status = try await office.get("/office")
            let response = try await office.upload("/office/uploads", fields: [("csrf", Browser.csrf(in: status) ?? "")], files: [
                ("files", "メール添付1.csv", Data(RoundFixture.zaisei.utf8)),
                ("files", "メール添付2.csv", Data(RoundFixture.gyoseiBadRating.utf8)),
                ("files", "部署なし.csv", Data("施策ID,取組事業内容,評価\n1-1-1,何か,5\n".utf8)),
            ])
            #expect(response.status == .ok)
            #expect(response.text.contains("<td>財政課</td>"))
            #expect(response.text.contains("<td>行政監理室</td>"))
            #expect(response.text.contains("（判断できません）"))
            let after = try await office.get("/office")
            #expect(after.text.contains(#"<tr data-department="財政課" class="accepted">"#))
            #expect(after.text.contains(#"<tr data-department="行政監理室" class="errors">"#))
            #expect(after.text.contains("メール添付2.csv!D6"))
            #expect(after.text.contains(#"<ul id="unassigned">"#))
            // The office sees each file's answer and can download the file as sent.
            let detail = try await office.get("/office/uploads/1")
            #expect(detail.text.contains(#"data-state="accepted""#))
            let file = try await office.get("/office/uploads/1/file")
            #expect(Data(buffer: file.body) == Data(RoundFixture.zaisei.utf8))
        }
    }

    @Test func figuresShowTheSummaryTableAndTheChart() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let status = try await office.get("/office")
            _ = try await office.upload("/office/uploads", fields: [("csrf", Browser.csrf(in: status) ?? "")], files: [
                ("files", "a.csv", Data(RoundFixture.zaisei.utf8)), ("files", "b.csv", Data(RoundFixture.gyosei.utf8)),
            ])
            let figures = try await office.get("/office/figures")
            #expect(figures.status == .ok)
            #expect(figures.text.contains(#"<table id="summary-table">"#))
            // I-1: (8×10 + 7×10) / 2 = 75; I-2: 60; I: (75+60)/2 = 67.5 → 68; II-1: (100+80)/2 = 90; II: 90; 全体 (68+90)/2 = 79.0.
            #expect(figures.text.contains(#"<tr data-id="I" class="policy"><td class="id">Ⅰ</td><td>行政改革を進めます</td><td class="figure">68</td></tr>"#))
            #expect(figures.text.contains(#"<tr data-id="I-1" class="pledge">"#) && figures.text.contains(#"<td class="figure">75</td>"#))
            #expect(figures.text.contains(#"<tr data-id="II" class="policy">"#) && figures.text.contains(#"<td class="figure">90</td>"#))
            #expect(figures.text.contains(#"<tr data-id="overall" class="overall"><td class="id"></td><td>全体</td><td class="figure">79.0</td></tr>"#))
            #expect(figures.text.contains(#"<svg id="policy-chart""#))
            #expect(figures.text.contains(#"<rect class="bar year-0""#))
        }
    }

    @Test func figuresSayWhyWhenTheRoundHasNothingYet() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.inbox.appendingPathComponent("こども育成課.csv"))
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let figures = try await office.get("/office/figures")
            #expect(figures.status == .ok)
            #expect(figures.text.contains("提出ファイルがまだありません"))
        }
    }

    @Test func reconciliationIsFilteredByLevelDepartmentAndCode() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let all = try await office.get("/office/reconciliation")
            #expect(all.status == .ok)
            // Only こども育成課's file so far: 行政監理室 and 財政課 sent nothing.
            #expect(all.text.contains("department.no_submission"))
            #expect(all.text.contains("財政課から提出がありません。"))
            let filtered = try await office.get("/office/reconciliation?severity=warning&department=%E8%B2%A1%E6%94%BF%E8%AA%B2&code=department.no_submission")
            #expect(filtered.text.contains("財政課から提出がありません。"))
            #expect(!filtered.text.contains("行政監理室から提出がありません。"))
            #expect(filtered.text.contains(#"<option value="warning" selected>警告</option>"#))
            let errors = try await office.get("/office/reconciliation?severity=error")
            #expect(errors.text.contains(#"<p id="problem-count">0件"#))
        }
    }

    @Test func linksPageCreatesMissingLinksAsCSVAndRotatesOnce() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let existing = try await fixture.link(for: "財政課")
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let page = try await office.get("/office/links")
            #expect(page.text.contains(#"<tr data-department="行政監理室"><th scope="row">行政監理室</th><td class="link-state">なし</td>"#))
            let csrf = Browser.csrf(in: page) ?? ""
            let csv = try await office.post("/office/links/create-missing", form: [("csrf", csrf)])
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "部署,リンク")
            #expect(lines.count == 3)  // 財政課 had one already: only the two made are shown
            #expect(lines.contains { $0.hasPrefix("行政監理室,http://intranet.example:8080/d/") })
            #expect(!lines.contains { $0.hasPrefix("財政課,") })
            // A made link works.
            let madeToken = try #require(lines.first { $0.hasPrefix("こども育成課,") }?.components(separatedBy: "/d/").last)
            var department = Browser(client)
            #expect(try await department.open(link: madeToken).location == "/department")
            // Rotating shows the new link once; the old one stops.
            let rotated = try await office.post("/office/links/rotate", form: [("csrf", csrf), ("department", "財政課")])
            #expect(rotated.text.contains(#"<code id="new-link-url">http://intranet.example:8080/d/"#))
            var stale = Browser(client)
            #expect(try await stale.open(link: existing).status == .notFound)
            #expect(!(try await office.get("/office/links")).text.contains("new-link-url"))
            // Without the form's token nothing is made.
            #expect(try await office.post("/office/links/create-missing", form: []).status == .forbidden)
            #expect(try await office.post("/office/links/revoke", form: [("csrf", "x"), ("department", "財政課")]).status == .forbidden)
        }
    }

    @Test func theAuditLogSaysWhoDidWhat() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            _ = try await office.signIn(password: "wrong-password")
            try await office.signIn(password: fixture.password)
            var department = Browser(client)
            _ = try await department.open(link: token)
            let page = try await department.get("/department")
            _ = try await department.upload("/department/uploads", fields: [("csrf", Browser.csrf(in: page) ?? "")],
                                            files: [("file", "<b>名前</b>.csv", Data(RoundFixture.gyosei.utf8))])
            let log = try await office.get("/office/audit")
            #expect(log.status == .ok)
            #expect(log.text.contains(#"<table id="audit-log">"#))
            for action in ["パスワード設定", "サインイン失敗", "サインイン", "リンクを開いた", "アップロード"] {
                #expect(log.text.contains("<td>\(action)</td>"), "\(action)")
            }
            #expect(log.text.contains("&lt;b&gt;名前&lt;/b&gt;.csv") && !log.text.contains("<b>名前</b>"))
            #expect(!log.text.contains("(accepted") && !log.text.contains("（accepted") && !log.text.contains("rejected）"))
        }
    }

    @Test func theLinkCommandsShowALinkOnlyWhenTheyMakeIt() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let first = try await StateCommands.createMissingLinks(state: fixture.stateFolder, plan: fixture.planURL, baseURL: "http://h:1/")
        let lines = first.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "部署,リンク")
        #expect(lines[1].hasPrefix("行政監理室,http://h:1/d/"))
        let token = try #require(lines[1].components(separatedBy: "/d/").last)
        #expect(token.count >= 22)  // ≥ 128 bits in base64url
        let again = try await StateCommands.createMissingLinks(state: fixture.stateFolder, plan: fixture.planURL, baseURL: "http://h:1/")
        #expect(again == "部署,リンク\r\n")
        // Stored hashed: the token is nowhere in the database file.
        let database = try Data(contentsOf: fixture.stateFolder.appendingPathComponent("pledgekit.sqlite"))
        #expect(database.range(of: Data(token.utf8)) == nil)
        let rotated = try await StateCommands.rotateLink(state: fixture.stateFolder, plan: fixture.planURL, department: "行政監理室", baseURL: "http://h:1")
        #expect(rotated.hasPrefix("http://h:1/d/") && !rotated.hasSuffix(token))
        await #expect(throws: StateError.self) {
            _ = try await StateCommands.rotateLink(state: fixture.stateFolder, plan: fixture.planURL, department: "存在しない課", baseURL: "http://h:1")
        }
    }
}
