import FuzzSupport
import XLSXReader

/// Any bytes as a workbook: open it (zip guard, relationships, shared strings, styles) and stream
/// every sheet, hidden ones included. A refusal is a correct outcome; a crash, a leak of memory past
/// libFuzzer's limit or a hang is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let url = FuzzInput.file(named: "input.xlsx", holding: bytes, count: count)
    do {
        let workbook = try XLSXWorkbook.open(url: url)
        _ = try workbook.readTables(includeHidden: true)
    } catch {
        _ = error.description
    }
    return 0
}
