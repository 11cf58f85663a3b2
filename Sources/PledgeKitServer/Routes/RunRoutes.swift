import Foundation
import Hummingbird

/// 集計: start a run, watch it, download its outputs.
enum RunRoutes {
    static func add(to router: Router<ServerContext>, server: RoundServer) {
        router.get("/office/runs") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let runs = try await server.state.runs.all()
            let view = RunsView(chrome: server.pages.chrome("集計", office: session), csrf: session.csrfToken,
                                out: server.engine.round.out.path, running: runs.first { $0.state == .running }?.id,
                                runs: runs.map(RunsView.Row.init), hasRuns: !runs.isEmpty)
            return server.pages.render(.runs, view)
        }

        router.post("/office/runs") { request, _ -> Response in
            let session = try await SessionGate.office(request, server: server)
            let form = try await FormFields.read(request)
            try SessionGate.checkCSRF(form["csrf"], session: session)
            let id = try await server.runs.start()
            return .redirect(to: "/office/runs/\(id)", type: .normal)
        }

        router.post("/office/runs/:id/cancel") { request, context -> Response in
            let session = try await SessionGate.office(request, server: server)
            let form = try await FormFields.read(request)
            try SessionGate.checkCSRF(form["csrf"], session: session)
            let run = try await findRun(context, server: server)
            guard try await server.runs.cancel(run.id) else {
                throw PageError(.conflict, "この集計は実行中ではありません", "集計 #\(run.id) はすでに終わっています。結果は集計のページで確かめてください。")
            }
            return .redirect(to: "/office/runs/\(run.id)", type: .normal)
        }

        router.get("/office/runs/:id") { request, context -> Response in
            let session = try await SessionGate.office(request, server: server)
            let run = try await findRun(context, server: server)
            let progress = await progress(of: run, server: server)
            let result = run.result
            let files = (result?.succeeded == true ? result?.written ?? [] : []).map {
                RunView.File(name: $0, href: "/office/runs/\(run.id)/files/\($0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0)")
            }
            let problems = (result?.problems ?? []).filter { $0.severity != .info }
            let ordered = problems.filter { $0.severity == .error } + problems.filter { $0.severity == .warning }
            let view = RunView(
                chrome: server.pages.chrome("集計 #\(run.id)", office: session, scripts: run.state == .running ? ["/static/run.js"] : []),
                id: run.id, csrf: session.csrfToken, stateKey: run.state.rawValue, stateLabel: run.state.japanese, progressValue: progress.percent,
                progressMax: 100, stage: progress.stage, running: run.state == .running, headline: result?.headline,
                notice: result?.notice, refusal: result?.refusal, files: files, hasFiles: !files.isEmpty,
                problems: ordered.map { RunView.Line(severity: $0.severity.rawValue, line: $0.line) }, hasProblems: !ordered.isEmpty)
            return server.pages.render(.run, view)
        }

        router.get("/office/runs/:id/progress.json") { request, context -> Response in
            _ = try await SessionGate.office(request, server: server)
            let run = try await findRun(context, server: server)
            let progress = await progress(of: run, server: server)
            let json = RunProgressJSON(state: run.state.rawValue, stateLabel: run.state.japanese, stage: progress.stage,
                                       done: progress.percent, total: 100)
            let data = try JSONEncoder().encode(json)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }

        router.get("/office/runs/:id/files/:name") { request, context -> Response in
            _ = try await SessionGate.office(request, server: server)
            let run = try await findRun(context, server: server)
            // Only a name the run itself wrote: never a path from the address.
            guard let name = context.parameters.get("name")?.removingPercentEncoding,
                  run.result?.succeeded == true, run.result?.written.contains(name) == true else { throw PageError.notFound }
            let data = try Data(contentsOf: RunFiles.output(name, run: server.state.folder.run(run.id)))
            return Download.response(data, name: name, contentType: Download.contentType(of: name))
        }

        router.get("/office/runs/:id/outputs.zip") { request, context -> Response in
            _ = try await SessionGate.office(request, server: server)
            let run = try await findRun(context, server: server)
            guard run.result?.succeeded == true else { throw PageError.notFound }
            let data = try Data(contentsOf: server.state.folder.run(run.id).appendingPathComponent(RunFiles.zipName))
            return Download.response(data, name: "集計\(run.id)-\(server.engine.round.year.year).zip", contentType: "application/zip")
        }
    }

    private static func findRun(_ context: ServerContext, server: RoundServer) async throws -> RunRecord {
        guard let id = context.parameters.get("id", as: Int64.self), let run = try await server.state.runs.find(id) else {
            throw PageError.notFound
        }
        return run
    }

    private static func progress(of run: RunRecord, server: RoundServer) async -> RunProgress {
        switch run.state {
        case .running: await server.runs.progress(of: run.id) ?? .preparing
        case .succeeded: .done
        case .failed, .interrupted: RunProgress(stage: "終了（エラー）", percent: 100)
        }
    }
}

/// `/office/runs/<id>/progress.json`: for scripts and other clients (the page reloads itself).
struct RunProgressJSON: Codable, Sendable {
    var state: String
    var stateLabel: String
    var stage: String
    var done: Int
    var total: Int
}

struct RunsView: Sendable {
    struct Row: Sendable {
        var id: Int64
        var started: String
        var finished: String
        var stateLabel: String
        var stateClass: String
        var summary: String

        init(_ run: RunRecord) {
            id = run.id
            started = JapaneseTime.format(run.startedAt)
            finished = JapaneseTime.format(run.finishedAt)
            stateLabel = run.state.japanese
            stateClass = run.state.rawValue
            summary = run.result.map { $0.succeeded ? ($0.headline ?? "\($0.written.count)ファイルを書き出しました") : ($0.refusal ?? "") } ?? ""
        }
    }
    var chrome: Chrome
    var csrf: String
    var out: String
    var running: Int64?
    var runs: [Row]
    var hasRuns: Bool
}

struct RunView: Sendable {
    struct File: Sendable { var name: String; var href: String }
    struct Line: Sendable { var severity: String; var line: String }
    var chrome: Chrome
    var id: Int64
    var csrf: String
    var stateKey: String
    var stateLabel: String
    var progressValue: Int
    var progressMax: Int
    var stage: String
    var running: Bool
    var headline: String?
    var notice: String?
    var refusal: String?
    var files: [File]
    var hasFiles: Bool
    var problems: [Line]
    var hasProblems: Bool
}
