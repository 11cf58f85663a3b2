import Foundation
import Hummingbird
import Mustache

/// The pages' templates (Templates/*.mustache.swift, compiled into the binary: nothing to find at
/// run time) and the HTML responses made from them.
struct PageRenderer: Sendable {
    enum Page: String, CaseIterable, Sendable {
        case signIn, error, department, uploadResult, officeStatus, officeUploads, figures, reconciliation, runs, run, links, auditLog

        var template: String {
            switch self {
            case .signIn: SignInTemplate.text
            case .error: ErrorPageTemplate.text
            case .department: DepartmentTemplate.text
            case .uploadResult: UploadResultTemplate.text
            case .officeStatus: OfficeStatusTemplate.text
            case .officeUploads: OfficeUploadsTemplate.text
            case .figures: FiguresTemplate.text
            case .reconciliation: ReconciliationTemplate.text
            case .runs: RunsTemplate.text
            case .run: RunTemplate.text
            case .links: LinksTemplate.text
            case .auditLog: AuditLogTemplate.text
            }
        }
    }

    private let library: MustacheLibrary
    let yearLabel: String

    init(yearLabel: String) throws {
        var library = MustacheLibrary()
        try library.register(LayoutTemplates.header, named: "header")
        try library.register(LayoutTemplates.footer, named: "footer")
        for page in Page.allCases { try library.register(page.template, named: page.rawValue) }
        self.library = library
        self.yearLabel = yearLabel
    }

    func render(_ page: Page, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view, withTemplate: page.rawValue) ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    func chrome(_ title: String, office: Session? = nil, scripts: [String] = []) -> Chrome {
        Chrome(title: title, yearLabel: yearLabel, office: office?.kind == .office, csrf: office?.csrfToken ?? "",
               scripts: scripts.map { Chrome.Script(src: $0) })
    }

    func error(_ error: PageError) -> Response {
        render(.error, ErrorView(chrome: chrome(error.title), heading: error.title, message: error.message, status: error.status.code),
               status: error.status)
    }
}

/// What every page's frame shows.
struct Chrome: Sendable {
    struct Script: Sendable { var src: String }
    var title: String
    var yearLabel: String
    var office: Bool
    var csrf: String
    var scripts: [Script]
}

struct ErrorView: Sendable {
    var chrome: Chrome
    var heading: String
    var message: String
    var status: Int
}

/// Dates as a clerk in Japan reads them: `2026/12/07 14:05` (Japan has one time zone and no DST).
enum JapaneseTime {
    static func format(_ date: Date?) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 9 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d/%02d/%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `1.2 MB`, `35 KB`, `120 バイト`.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) バイト"
    }
}
