import Foundation
import TableIO

/// Any text through the open-data CSV writer in every encoding it offers (CP932 character by
/// character, where a whole-string conversion once trapped or looped on U+FEFF and U+00AD), and
/// the UTF-8 output read back by pledgekit's own parser: every field must come back as written.
/// Records are split at U+001E and fields at U+001F, so that a field can hold any other character,
/// line breaks and quotes included.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVWrite(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let records = text.split(separator: "\u{1E}", omittingEmptySubsequences: false)
        .map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
    guard let header = records.first else { return 0 }
    let rows = Array(records.dropFirst())
    for encoding in [CSVEncoding.utf8BOM, .cp932, .utf16LE] {
        _ = try? CSVWriter.encode(header: header, rows: rows, encoding: encoding)
    }
    guard let written = try? CSVWriter.encode(header: header, rows: rows, encoding: .utf8),
          let table = try? CSVReader.parse(String(decoding: written, as: UTF8.self), file: "fuzz.csv") else { return 0 }
    let expected = [header] + rows
    let read = table.rows.map(\.values)
    // A record of one empty field is an empty line, which a CSV reader rightly skips.
    let comparable = expected.filter { $0 != [""] }
    if read.filter({ $0 != [""] }) != comparable {
        fatalError("CSV round trip changed the values: wrote \(comparable.prefix(3)) read \(read.prefix(3))")
    }
    return 0
}
