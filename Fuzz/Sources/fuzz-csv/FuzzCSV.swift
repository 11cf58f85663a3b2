import FuzzSupport
import TableIO

/// Any bytes as a department's CSV: encoding detection (BOMs, UTF-8, CP932, UTF-16, binary) and
/// the RFC 4180 parser. The first byte picks `.csv` or `.tsv`, so both delimiters are explored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let name = count > 0 && bytes[0] & 1 == 1 ? "input.tsv" : "input.csv"
    let url = FuzzInput.file(named: name, holding: bytes, count: count)
    do {
        let (table, _) = try CSVReader.read(contentsOf: url)
        _ = table.rows.count
    } catch {
        _ = error.description
    }
    return 0
}
