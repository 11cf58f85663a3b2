import Foundation
import Hummingbird
import Logging
import NIOCore

/// Where `serve` listens.
public struct ListenAddress: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`, `[::1]:PORT` or `:PORT`; nil when it cannot be read.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.init(host: host.isEmpty ? "127.0.0.1" : host, port: port)
    }
}

/// The round's web application: routes, pages and state, ready to run or to test in process
/// (`app.test(.router)`). Opens (or creates) the state folder and marks runs a killed server left
/// unfinished as interrupted.
public func buildApplication(
    round: RoundConfiguration, settings: ServerSettings = ServerSettings(), listen: ListenAddress = ListenAddress(),
    baseURL: String? = nil, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let engine = try RoundEngine(round: round)
    let state = try RoundState(folder: round.state, clearingScratch: true)
    try await state.runs.markInterrupted(at: settings.now())
    let server = try RoundServer(engine: engine, state: state, settings: settings, baseURL: baseURL)
    let router = Router(context: ServerContext.self)
    router.add(middleware: SecurityHeaders(pages: server.pages))
    StaticRoutes.add(to: router)
    SignInRoutes.add(to: router, server: server)
    DepartmentRoutes.add(to: router, server: server)
    OfficeStatusRoutes.add(to: router, server: server)
    FiguresRoutes.add(to: router, server: server)
    RunRoutes.add(to: router, server: server)
    LinkRoutes.add(to: router, server: server)
    var logger = Logger(label: "pledgekit-serve")
    logger.logLevel = .warning
    return Application(router: router, configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "pledgekit"),
                       onServerRunning: onServerRunning, logger: logger)
}

/// Builds the application and serves until SIGTERM or SIGINT (then ends cleanly). `onListening`
/// gets the port actually bound (port 0 picks a free one). A failure to open the state folder or
/// read the plan is thrown as is; a failure to listen as ListenError.
public func runServer(round: RoundConfiguration, settings: ServerSettings = ServerSettings(), listen: ListenAddress,
                      baseURL: String?, onListening: @escaping @Sendable (Int) -> Void) async throws {
    let app = try await buildApplication(round: round, settings: settings, listen: listen, baseURL: baseURL) { channel in
        onListening(channel.localAddress?.port ?? listen.port)
    }
    do {
        try await app.runService()
    } catch {
        throw ListenError(reason: String(describing: error))
    }
}

/// The server could not listen (the port is taken, the address is not this machine's).
public struct ListenError: Error, Sendable {
    public var reason: String
}

/// The command line's other uses of the state folder (no server runs).
public enum StateCommands {
    /// Stores the office password's slow salted hash.
    public static func setPassword(state folder: URL, password: String, settings: ServerSettings = ServerSettings()) async throws {
        let state = try RoundState(folder: folder)
        try await state.settings.setPassword(password, cost: settings.passwordCost)
        try await state.audit.record("コマンドライン", "password_set", "", at: settings.now())
    }

    /// Links for the plan's departments that have none: `部署,リンク` CSV.
    public static func createMissingLinks(state folder: URL, plan: URL, baseURL: String) async throws -> String {
        let departments = try RoundEngine.departments(plan: plan)
        let state = try RoundState(folder: folder)
        let made = try await DepartmentLinks.createMissing(state: state, departments: departments, actor: "コマンドライン", at: Date())
        return DepartmentLinks.csv(made, base: baseURL)
    }

    /// Replaces one department's link: the new link.
    public static func rotateLink(state folder: URL, plan: URL, department name: String, baseURL: String) async throws -> String {
        let departments = try RoundEngine.departments(plan: plan)
        guard let department = departments.first(where: { RoundEngine.sameDepartment($0, name) }) else {
            throw StateError("部署「\(name)」は計画にありません（計画の部署: \(departments.prefix(5).joined(separator: "、"))\(departments.count > 5 ? "…" : "")）。")
        }
        let state = try RoundState(folder: folder)
        let token = try await state.links.rotate(department: department, at: Date())
        try await state.audit.record("コマンドライン", "link_rotated", department, at: Date())
        return DepartmentLinks.url(base: baseURL, token: token)
    }
}
