import Foundation
import Testing
@testable import PledgeKitServer

/// `pledgekit serve` as a process: the command line around the server, the one line it prints,
/// and an upload answered before a SIGKILL that is still there after the restart.
@Suite struct ServeCommandTests {
    @Test func passwordLinksServeAndAnAnsweredUploadSurvivesSIGKILL() async throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let state = fixture.stateFolder.path
        let (setStatus, _, setMessage) = try PledgeKitProcess.run(["serve", "--state", state, "--set-password"], input: fixture.password + "\n")
        #expect(setStatus == 0)
        #expect(setMessage.contains("パスワードを設定しました"))
        let (shortStatus, _, shortMessage) = try PledgeKitProcess.run(["serve", "--state", state, "--set-password"], input: "abc\n")
        #expect(shortStatus == 64)
        #expect(shortMessage.contains("8文字以上"))

        let (linkStatus, csv, _) = try PledgeKitProcess.run(["serve", "--state", state, "--plan", fixture.planURL.path, "--department-links"])
        #expect(linkStatus == 0)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "部署,リンク" && rows.count == 4)
        let token = try #require(rows.first { $0.hasPrefix("行政監理室,http://127.0.0.1:8080/d/") }?.components(separatedBy: "/d/").last)
        #expect(try PledgeKitProcess.run(["serve", "--state", state, "--plan", fixture.planURL.path, "--department-links"]).1 == "部署,リンク\r\n")

        let arguments = ["serve", fixture.inbox.path, "--plan", fixture.planURL.path, "--year", "R2", "--out", fixture.out.path,
                         "--state", state, "--listen", "127.0.0.1:0"]
        let first = try ServeProcess(arguments)
        #expect(first.firstLine.range(of: #"^待ち受け: http://127\.0\.0\.1:[0-9]+/$"#, options: .regularExpression) != nil, "\(first.firstLine)")
        #expect(first.port > 0)
        let signIn = try LoopbackHTTP.send(port: first.port, method: "GET", path: "/office/signin")
        #expect(signIn.status == 200)
        #expect(signIn.header("Content-Security-Policy").first?.hasPrefix("default-src 'none'") == true)

        let opened = try LoopbackHTTP.send(port: first.port, method: "GET", path: "/d/\(token)")
        #expect(opened.status == 303)
        let cookie = try #require(opened.header("Set-Cookie").first?.split(separator: ";").first.map(String.init))
        let page = try LoopbackHTTP.send(port: first.port, method: "GET", path: "/department", headers: ["Cookie": cookie])
        let csrf = try #require(page.text.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression)
            .map { String(page.text[$0]).components(separatedBy: "value=\"").last?.dropLast() }.flatMap { $0.map(String.init) })
        let boundary = "pledgekit-boundary"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"行政監理室.csv\"\r\n\r\n".utf8))
        body.append(Data(RoundFixture.gyosei.utf8))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let uploaded = try LoopbackHTTP.send(port: first.port, method: "POST", path: "/department/uploads",
                                             headers: ["Cookie": cookie, "Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
        #expect(uploaded.status == 303)
        let location = try #require(uploaded.header("Location").first)
        _ = first.signal(SIGKILL)

        // Restarted over the same state folder: the answered upload, its file and its session are there.
        let second = try ServeProcess(arguments)
        #expect(second.port > 0)
        let result = try LoopbackHTTP.send(port: second.port, method: "GET", path: location, headers: ["Cookie": cookie])
        #expect(result.status == 200)
        #expect(result.text.contains(#"data-state="accepted""#))
        let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.stateFolder.appendingPathComponent("uploads").path)
        #expect(stored.count == 1 && !stored[0].hasPrefix("."))
        #expect(try Data(contentsOf: fixture.stateFolder.appendingPathComponent("uploads").appendingPathComponent(stored[0]))
                == Data(RoundFixture.gyosei.utf8))
        // SIGTERM ends it cleanly.
        #expect(second.signal(SIGTERM) == 0)
    }

    @Test func aTakenPortOrAnUnusableStateFolderIsRefusedInJapanese() throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let round = ["serve", fixture.inbox.path, "--plan", fixture.planURL.path, "--year", "R2", "--out", fixture.out.path]
        let first = try ServeProcess(round + ["--state", fixture.stateFolder.path, "--listen", "127.0.0.1:0"])
        defer { _ = first.signal(SIGTERM) }
        let (taken, _, takenMessage) = try PledgeKitProcess.run(round + ["--state", fixture.root.appendingPathComponent("state2").path,
                                                                         "--listen", "127.0.0.1:\(first.port)"])
        #expect(taken == 64)
        #expect(takenMessage.contains("127.0.0.1:\(first.port) で待ち受けできません"))
        let file = fixture.root.appendingPathComponent("a-file")
        try Data().write(to: file)
        let (unusable, _, unusableMessage) = try PledgeKitProcess.run(round + ["--state", file.path, "--listen", "127.0.0.1:0"])
        #expect(unusable == 73)
        #expect(unusableMessage.contains("状態フォルダ") && unusableMessage.contains("を使えません"))
    }

    @Test func serveRefusesWhatCannotWork() throws {
        let fixture = try RoundFixture()
        defer { fixture.remove() }
        let (missing, _, message) = try PledgeKitProcess.run(["serve", fixture.inbox.path, "--plan", fixture.planURL.path, "--year", "R2",
                                                              "--out", fixture.out.path])
        #expect(missing == 64)
        #expect(message.contains("--state"))
        let (inside, _, insideMessage) = try PledgeKitProcess.run([
            "serve", fixture.inbox.path, "--plan", fixture.planURL.path, "--year", "R2", "--out", fixture.out.path,
            "--state", fixture.inbox.appendingPathComponent("state").path])
        #expect(inside == 64)
        #expect(insideMessage.contains("提出フォルダ") && insideMessage.contains("の中にあります"))
        let (listen, _, listenMessage) = try PledgeKitProcess.run([
            "serve", fixture.inbox.path, "--plan", fixture.planURL.path, "--year", "R2", "--out", fixture.out.path,
            "--state", fixture.stateFolder.path, "--listen", "nowhere"])
        #expect(listen == 64)
        #expect(listenMessage.contains("--listen"))
    }
}
