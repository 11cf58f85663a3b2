import FuzzSupport

/// The fuzzer's bytes as the XML inside a well-formed workbook: split at `\n--part--\n` into the
/// sheet, the shared strings, the styles and the workbook part (missing ones take a plain
/// default), zipped with correct CRCs and read like a department's file. This reaches the SAX
/// sheet reader, the shared strings, number formats, dates and the sheet list, which random bytes
/// in `fuzz-xlsx` rarely get past the zip checks to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXParts(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let parts = WorkbookParts.split(Array(UnsafeBufferPointer(start: bytes, count: count)))
    let zip = StoredZip.archive(WorkbookParts.entries(sheet: parts[0], sharedStrings: parts[1], styles: parts[2], workbook: parts[3]))
    let url = zip.withUnsafeBufferPointer { FuzzInput.file(named: "parts.xlsx", holding: $0.baseAddress!, count: $0.count) }
    FuzzInput.readWorkbook(url)
    return 0
}
