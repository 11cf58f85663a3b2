import FuzzSupport

/// Any bytes as a workbook: open it (zip guard, relationships, shared strings, styles) and stream
/// every sheet, hidden ones included. A refusal is a correct outcome; a crash, a leak of memory past
/// libFuzzer's limit or a hang is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let url = FuzzInput.file(named: "input.xlsx", holding: bytes, count: count)
    FuzzInput.readWorkbook(url)
    return 0
}
