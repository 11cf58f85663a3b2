import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PledgeCore
import PledgeKit
import Testing
import ZIPFoundation
@testable import PledgeKitServer

@Suite struct RunTests {
    /// Starts a run through the page and waits (bounded) for it to end; the run's page.
    static func runMerge(_ office: inout Browser) async throws -> TestResponse {
        let runs = try await office.get("/office/runs")
        #expect(runs.text.contains(#"<form id="run-form" method="post""#) && runs.text.contains(#"id="run-merge""#))
        let started = try await office.post("/office/runs", form: [("csrf", Browser.csrf(in: runs) ?? "")])
        #expect(started.status == .seeOther)
        let location = try #require(started.location)
        for _ in 0..<600 {
            let progress = try await office.get(location + "/progress.json")
            let json = try JSONDecoder().decode(RunProgressJSON.self, from: Data(buffer: progress.body))
            if json.state != "running" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await office.get(location)
    }

    @Test func aRunWritesWhatMergeWritesByteForByte() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        try await fixture.app().test(.router) { client in
            var department = Browser(client)
            _ = try await department.open(link: token)
            let page = try await department.get("/department")
            // A first file with an error, then the fixed one: the round takes the fixed one.
            for content in [RoundFixture.gyoseiBadRating, RoundFixture.gyosei] {
                _ = try await department.upload("/department/uploads", fields: [("csrf", Browser.csrf(in: page) ?? "")],
                                                files: [("file", "提出票.csv", Data(content.utf8))])
            }
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let status = try await office.get("/office")
            _ = try await office.upload("/office/uploads", fields: [("csrf", Browser.csrf(in: status) ?? "")],
                                        files: [("files", "zaisei.csv", Data(RoundFixture.zaisei.utf8))])
            let run = try await Self.runMerge(&office)
            #expect(run.text.contains(#"<span id="run-state" data-state="succeeded">完了</span>"#))
            #expect(run.text.contains(#"<progress id="run-progress" value="100" max="100""#))
            #expect(run.text.contains(#"<a id="download-zip""#))
            // The round's layout names no municipality: the office is told before it publishes, as merge tells a clerk.
            #expect(run.text.contains(#"<p class="notice warning" id="run-notice">オープンデータに自治体コード"#))

            // The same round given to merge directly: the inbox's file, and each department's
            // latest clean upload named after the department.
            let direct = fixture.root.appendingPathComponent("direct")
            let uploads = direct.appendingPathComponent("uploads")
            try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
            try Data(RoundFixture.gyosei.utf8).write(to: uploads.appendingPathComponent("行政監理室.csv"))
            try Data(RoundFixture.zaisei.utf8).write(to: uploads.appendingPathComponent("財政課.csv"))
            let expectedOut = direct.appendingPathComponent("out")
            let outcome = await MergePipeline.run(MergeOptions(inboxes: [fixture.inbox, uploads], plan: fixture.planURL,
                                                         year: FiscalYear(2020), out: expectedOut))
            #expect(outcome.succeeded)
            let names = outcome.report.written.map(\.lastPathComponent)
            #expect(names.contains("市長公約取組状況.xlsx") && names.contains("summary.csv") && names.contains("datapackage.json"))
            for name in names {
                let expected = try Data(contentsOf: expectedOut.appendingPathComponent(name))
                #expect(try Data(contentsOf: fixture.out.appendingPathComponent(name)) == expected, "\(name) in --out")
                #expect(run.text.contains(#"<a class="download" data-name="\#(name)""#), "\(name) link")
                let href = "/office/runs/1/files/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)
                let downloaded = try await office.get(href)
                #expect(Data(buffer: downloaded.body) == expected, "\(name) download")
            }
            // One zip of them all, entries in name order, the same bytes each time.
            let zip = try await office.get("/office/runs/1/outputs.zip")
            #expect(zip.headers[.contentType] == "application/zip")
            let archive = try Archive(data: Data(buffer: zip.body), accessMode: .read)
            let entries = archive.map(\.path)
            #expect(entries == names.sorted())
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                #expect(data == (try Data(contentsOf: expectedOut.appendingPathComponent(entry.path))), "\(entry.path) in zip")
            }
            // Only a name the run wrote is served.
            #expect(try await office.get("/office/runs/1/files/..%2F..%2Fplan.csv").status == .notFound)
            #expect(try await office.get("/office/runs/1/files/pledgekit.sqlite").status == .notFound)
            let list = try await office.get("/office/runs")
            #expect(list.text.contains(#"<tr data-run="1">"#) && list.text.contains("全体の進捗"))
        }
    }

    @Test func aCancelledMergeWritesNothing() throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let engine = try RoundEngine(round: fixture.round)
        let cancellation = Cancellation()
        cancellation.cancel()
        let result = engine.merge(inboxes: [fixture.inbox], cancellation: cancellation) { _ in }
        #expect(!result.succeeded)
        #expect(result.refusal == "中止しました。何も書き出していません。")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.out.path).isEmpty)
    }

    @Test func onlyARunningMergeCanBeCancelledAndOnlyWithTheFormToken() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let finished = try await Self.runMerge(&office)
            #expect(finished.text.contains(#"<span id="run-state" data-state="succeeded">完了</span>"#))
            // Once finished, the page offers no 中止.
            #expect(!finished.text.contains(#"id="cancel-run""#))
            let runs = try await office.get("/office/runs")
            let csrf = Browser.csrf(in: runs) ?? ""
            #expect(try await office.post("/office/runs/1/cancel", form: []).status == .forbidden)
            let late = try await office.post("/office/runs/1/cancel", form: [("csrf", csrf)])
            #expect(late.status == .conflict)
            #expect(late.text.contains("この集計は実行中ではありません"))
            #expect(try await office.post("/office/runs/99/cancel", form: [("csrf", csrf)]).status == .notFound)
        }
    }

    @Test func aRunWithErrorsWritesNothingAndSaysWhy() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        try Data(RoundFixture.gyoseiBadRating.utf8).write(to: fixture.inbox.appendingPathComponent("行政監理室.csv"))
        try await fixture.app().test(.router) { client in
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            let run = try await Self.runMerge(&office)
            #expect(run.text.contains(#"<span id="run-state" data-state="failed">エラー</span>"#))
            #expect(run.text.contains("何も書き出していません"))
            #expect(run.text.contains("行政監理室.csv!D6"))
            #expect(!run.text.contains(#"id="download-zip""#))
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.out.path).isEmpty)
            let status = try await office.get("/office")
            #expect(status.text.contains(#"<tr data-department="行政監理室" class="errors">"#))
            #expect(status.text.contains(#"<span class="tag">提出フォルダ</span>"#))
        }
    }

    @Test func theStateSurvivesARestart() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let token = try await fixture.link(for: "行政監理室")
        let (cookies, officeCookies) = try await fixture.app().test(.router) { client in
            var department = Browser(client)
            _ = try await department.open(link: token)
            let page = try await department.get("/department")
            _ = try await department.upload("/department/uploads", fields: [("csrf", Browser.csrf(in: page) ?? "")],
                                            files: [("file", "行政監理室.csv", Data(RoundFixture.gyosei.utf8))])
            var office = Browser(client)
            try await office.signIn(password: fixture.password)
            _ = try await Self.runMerge(&office)
            return (department.cookies, office.cookies)
        }
        // A kill during an upload leaves a temporary file, never answered: the restart removes it.
        let leftover = fixture.stateFolder.appendingPathComponent("uploads/.incoming-cut-short.csv")
        try Data("部署名,行政".utf8).write(to: leftover)
        // A new server over the same state folder.
        let restarted = try await buildApplication(round: fixture.round, settings: RoundFixture.settings())
        try await restarted.test(.router) { client in
            var department = Browser(client)
            department.cookies = cookies
            let page = try await department.get("/department")
            #expect(page.status == .ok)
            #expect(page.text.contains("行政監理室.csv"))
            #expect(!FileManager.default.fileExists(atPath: leftover.path))
            var office = Browser(client)
            office.cookies = officeCookies
            let status = try await office.get("/office")
            #expect(status.text.contains(#"<tr data-department="行政監理室" class="accepted">"#))
            #expect(try await office.get("/office/runs").text.contains(#"<tr data-run="1">"#))
            #expect(try await office.get("/office/runs/1/outputs.zip").status == .ok)
            // The password too.
            var again = Browser(client)
            #expect(try await again.signIn(password: fixture.password).location == "/office")
        }
    }

    @Test func aRunLeftRunningByAKilledServerIsMarkedInterrupted() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let state = try RoundState(folder: fixture.stateFolder)
        let id = try await state.runs.start(at: Date()) { "\($0)" }
        _ = try await fixture.app()
        let run = try #require(try await state.runs.find(id))
        #expect(run.state == .interrupted)
        #expect(run.result?.refusal?.contains("中断") == true)
    }
}
