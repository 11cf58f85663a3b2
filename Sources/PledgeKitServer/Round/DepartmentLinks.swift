import Foundation

/// Making the departments' links, for the links page and `serve --department-links`.
public enum DepartmentLinks {
    /// `BASE/d/<token>`.
    public static func url(base: String, token: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/d/" + token
    }

    /// A link for every department of the plan that has none: (department, token), plan order.
    public static func createMissing(state: RoundState, departments: [String], actor: String, at time: Date) async throws -> [(String, String)] {
        let made = try await state.links.createMissing(for: departments, at: time)
        for (department, _) in made { try await state.audit.record(actor, "link_created", department, at: time) }
        return made
    }

    /// `部署,リンク` with CRLF, each field quoted when it needs to be (RFC 4180).
    public static func csv(_ links: [(String, String)], base: String) -> String {
        func field(_ text: String) -> String {
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return (["部署,リンク"] + links.map { field($0.0) + "," + field(url(base: base, token: $0.1)) }).joined(separator: "\r\n") + "\r\n"
    }
}
