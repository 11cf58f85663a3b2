import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PledgeKitServer

@Suite struct RoundInboxTests {
    @Test func aCleanUploadReplacesTheInboxFileOfItsDepartment() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "こども育成課")
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            // From the inbox's file: II-1 = (10 + 8) / 2 × 10 = 90.
            #expect(try await office.get("/office/figures").text.contains(#"<tr data-id="II" class="policy"><td class="id">Ⅱ</td><td>子育てを支えます</td><td class="figure">90</td></tr>"#))
            var department = Browser(client)
            _ = try await department.open(link: token)
            let page = try await department.get("/department")
            let fixed = RoundFixture.submission("こども育成課", rows: [("2-1-1", "保育園を開園しました", "5"), ("2-1-2", "副食費を無償化しました", "5")])
            _ = try await department.upload("/department/uploads", fields: [("csrf", Browser.csrf(in: page) ?? "")],
                                            files: [("file", "こども育成課.csv", Data(fixed.utf8))])
            // The upload replaces the inbox's file (not a second submission of the same date, which is an error).
            let figures = try await office.get("/office/figures")
            #expect(!figures.text.contains("figures-refusal"))
            #expect(figures.text.contains(#"<tr data-id="II" class="policy"><td class="id">Ⅱ</td><td>子育てを支えます</td><td class="figure">50</td></tr>"#))
            let errors = try await office.get("/office/reconciliation?severity=error")
            #expect(errors.text.contains(#"<p id="problem-count">0件"#))
        }
    }

    @Test func manyUploadsAtOnceAreAllRecorded() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let tokens = [try await fixture.link(for: "行政監理室"), try await fixture.link(for: "財政課")]
        try await fixture.app().test(.router) { client in
            var browsers: [Browser] = []
            var tokensByBrowser: [String] = []
            for index in 0..<30 {
                var browser = Browser(client)
                _ = try await browser.open(link: tokens[index % 2])
                browsers.append(browser)
                tokensByBrowser.append(Browser.csrf(in: try await browser.get("/department")) ?? "")
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<30 {
                    var browser = browsers[index]
                    let csrf = tokensByBrowser[index]
                    let content = index % 2 == 0 ? RoundFixture.gyosei : RoundFixture.zaisei
                    group.addTask {
                        try await browser.upload("/department/uploads", fields: [("csrf", csrf)],
                                                 files: [("file", "file\(index).csv", Data(content.utf8))]).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.count == 30 && statuses.allSatisfy { $0 == .seeOther })
            let state = try RoundState(folder: fixture.stateFolder)
            let uploads = try await state.uploads.all()
            #expect(uploads.count == 30)
            #expect(Set(uploads.map(\.storedName)).count == 30)
            #expect(uploads.allSatisfy { $0.outcome == .accepted })
            let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.stateFolder.appendingPathComponent("uploads").path)
            #expect(stored.count == 30 && stored.allSatisfy { !$0.hasPrefix(".") })
            #expect(Set(try await state.uploads.latestAccepted().map(\.department)) == ["行政監理室", "財政課"])
        }
    }
}
