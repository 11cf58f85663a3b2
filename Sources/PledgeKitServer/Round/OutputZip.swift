import Foundation
import ZIPFoundation

/// One zip of a run's outputs: entries in name order, each dated the same fixed day, so that the
/// same outputs always give the same zip.
enum OutputZip {
    static func write(files: [URL], to target: URL) throws {
        let archive = try Archive(url: target, accessMode: .create)
        var components = DateComponents()
        (components.year, components.month, components.day) = (2000, 1, 1)
        let fixedDate = Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 946_684_800)
        for file in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            let data = try Data(contentsOf: file)
            try archive.addEntry(with: file.lastPathComponent, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }
}
