import Foundation
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

    /// Golden parts live in `Tests/EndToEndTests/Golden/<name>/`, one file per part.
    /// `PLEDGEKIT_RECORD_GOLDEN=1 swift test --filter Golden` writes them anew.
    static func goldenDirectory(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["PLEDGEKIT_RECORD_GOLDEN"] == "1" }

    static func record(_ parts: [String: Data], as name: String) throws {
        let directory = goldenDirectory(name)
        try? FileManager.default.removeItem(at: directory)
        for (path, data) in parts {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
    }

    static func golden(_ name: String) throws -> [String: Data] {
        let directory = goldenDirectory(name)
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [:] }
        var parts: [String: Data] = [:]
        for case let file as URL in enumerator where !file.hasDirectoryPath {
            let path = String(file.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
            parts[path] = try Data(contentsOf: file)
        }
        return parts
    }
}
