import Foundation
import Testing
import ZIPFoundation

/// The XML parts of a workbook, by their path in the zip: golden tests compare these, never the
/// zip bytes (which a zip library may lay out differently without changing the workbook).
enum WorkbookParts {
    static func read(_ path: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }

    /// Golden parts live in `Tests/EndToEndTests/Golden/<name>/`, one file per part, pretty-printed
    /// (`PrettyXML`: one element per line, docProps/core.xml's dates stripped) so that a failing
    /// test shows the changed lines. After a deliberate change to the workbook,
    /// `PLEDGEKIT_RECORD_GOLDEN=1 swift test --filter Golden` writes them anew (review `git diff`).
    static func goldenDirectory(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["PLEDGEKIT_RECORD_GOLDEN"] == "1" }

    /// Elements whose text changes from run to run in a workbook in general (libxlsxwriter's tests
    /// strip the same): compared as `…`. The creation date pledgekit sets has a test of its own.
    static let volatileElements: [String: Set<String>] = [
        "docProps/core.xml": ["dcterms:created", "dcterms:modified"],
    ]

    /// Every part pretty-printed, as the golden files hold them.
    static func pretty(_ parts: [String: Data]) -> [String: String] {
        parts.reduce(into: [:]) { result, part in
            result[part.key] = PrettyXML.format(String(decoding: part.value, as: UTF8.self),
                                                stripping: volatileElements[part.key] ?? [])
        }
    }

    static func record(_ parts: [String: String], as name: String) throws {
        let directory = goldenDirectory(name)
        try? FileManager.default.removeItem(at: directory)
        for (path, text) in parts {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    static func golden(_ name: String) throws -> [String: String] {
        let directory = goldenDirectory(name)
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [:] }
        var parts: [String: String] = [:]
        for case let file as URL in enumerator where !file.hasDirectoryPath {
            let path = String(file.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
            parts[path] = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        }
        return parts
    }

    /// The workbook at `path` against the golden parts `name` (recorded first under
    /// PLEDGEKIT_RECORD_GOLDEN=1): one issue per differing part, with the differing lines.
    static func expectMatchesGolden(_ path: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parts = pretty(try read(path))
        if recording { try record(parts, as: name) }
        let golden = try golden(name)
        #expect(Set(parts.keys) == Set(golden.keys), sourceLocation: sourceLocation)
        for (part, expected) in golden.sorted(by: { $0.key < $1.key }) {
            guard let diff = PrettyXML.diff(golden: expected, actual: parts[part] ?? "") else { continue }
            let message = "part \(part) differs from Golden/\(name)/\(part) "
                + "(PLEDGEKIT_RECORD_GOLDEN=1 swift test --filter Golden records it anew):\n\(diff)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
