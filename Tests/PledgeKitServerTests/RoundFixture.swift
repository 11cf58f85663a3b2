import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PledgeCore
@testable import PledgeKitServer

/// A small round on disk: a plan of three departments, an inbox holding one department's file
/// (as if received by email), and empty out and state folders. Each test gets its own.
struct RoundFixture {
    let root: URL
    let password = "round-password-2020"

    static let plan = """
    基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署
    Ⅰ,行政改革を進めます,1,行財政改革,1,行革プランを実行します,行政監理室
    Ⅰ,行政改革を進めます,1,行財政改革,2,財政指標を管理します,財政課
    Ⅰ,行政改革を進めます,2,女性活躍,1,女性管理職を登用します,行政監理室
    Ⅱ,子育てを支えます,1,保育,1,保育所を整備します,こども育成課
    Ⅱ,子育てを支えます,1,保育,2,多子世帯を応援します,こども育成課

    """

    /// A department's CSV as Excel saves it: labels above the header, one row per activity.
    static func submission(_ department: String, rows: [(String, String, String)], extraColumn: String? = nil) -> String {
        var text = "部署名,\(department)\n年度,令和2年度\n提出日,2021/4/20\n\n施策ID,施策内容,取組事業内容,評価,備考\n"
        for (id, activity, rating) in rows {
            text += "\(id),,\(activity),\(rating),\(extraColumn.map { ",\($0)" } ?? "")\n"
        }
        return text
    }

    static let gyosei = submission("行政監理室", rows: [("1-1-1", "行革プランNEXTを実行しました", "8"), ("1-2-1", "女性管理職を増やしました", "6")])
    static let gyoseiBadRating = submission("行政監理室", rows: [("1-1-1", "行革プランNEXTを実行しました", "11"), ("1-2-1", "女性管理職を増やしました", "6")])
    static let zaisei = submission("財政課", rows: [("1-1-2", "財政シミュレーションを更新しました", "7")])
    static let kodomo = submission("こども育成課", rows: [("2-1-1", "保育園を開園しました", "10"), ("2-1-2", "第3子の副食費を無償化しました", "8")])

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pledgekit-server-\(UUID().uuidString)")
        for folder in ["inbox", "out", "state"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(Self.plan.utf8).write(to: planURL)
        try Data(Self.kodomo.utf8).write(to: inbox.appendingPathComponent("こども育成課.csv"))
    }

    var planURL: URL { root.appendingPathComponent("plan.csv") }
    var inbox: URL { root.appendingPathComponent("inbox") }
    var out: URL { root.appendingPathComponent("out") }
    var stateFolder: URL { root.appendingPathComponent("state") }

    var round: RoundConfiguration {
        RoundConfiguration(inboxes: [inbox], plan: planURL, year: FiscalYear(2020), out: out, state: stateFolder)
    }

    static func settings(maxUpload: Int = 20 << 20) -> ServerSettings {
        var settings = ServerSettings()
        settings.passwordCost = 4  // bcrypt's least: the tests sign in many times
        settings.maxUploadBytes = maxUpload
        return settings
    }

    func app(settings: ServerSettings = RoundFixture.settings()) async throws -> some ApplicationProtocol {
        try await StateCommands.setPassword(state: stateFolder, password: password, settings: settings)
        return try await buildApplication(round: round, settings: settings, baseURL: "http://intranet.example:8080")
    }

    /// A live link for the department (the token).
    func link(for department: String) async throws -> String {
        let state = try RoundState(folder: stateFolder)
        return try await state.links.create(department: department, at: Date())
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The browser's side of a conversation: cookies kept between requests, forms sent.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    var cookieHeader: HTTPFields {
        cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
    }

    mutating func get(_ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: cookieHeader)
        keepCookies(response)
        return response
    }

    mutating func post(_ uri: String, form: [(String, String)]) async throws -> TestResponse {
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keepCookies(response)
        return response
    }

    mutating func upload(_ uri: String, fields: [(String, String)], files: [(field: String, name: String, data: Data)]) async throws -> TestResponse {
        let boundary = "----pledgekit-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        keepCookies(response)
        return response
    }

    /// Signs the office in; the office's CSRF token.
    @discardableResult
    mutating func signIn(password: String) async throws -> TestResponse {
        let page = try await get("/office/signin")
        return try await post("/office/signin", form: [("csrf", Self.csrf(in: page) ?? ""), ("password", password)])
    }

    /// Uploads one file as a department does: its page for the form token, then the upload form.
    mutating func uploadFromDepartmentPage(_ name: String, _ data: Data) async throws -> TestResponse {
        let page = try await get("/department")
        return try await upload("/department/uploads", fields: [("csrf", Self.csrf(in: page) ?? "")],
                                files: [("file", name, data)])
    }

    /// Opens a department link (the session cookie is kept).
    mutating func open(link token: String) async throws -> TestResponse {
        try await get("/d/\(token)")
    }

    mutating func keepCookies(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    /// The value of the first `name="csrf"` field on the page.
    static func csrf(in response: TestResponse) -> String? {
        let html = String(buffer: response.body)
        guard let range = html.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        let match = String(html[range])
        return match.components(separatedBy: "value=\"").last.map { String($0.dropLast()) }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
