import Foundation
import FuzzSupport
import PledgeKit

/// Any bytes through what `pledgekit check` does with a department's file against the Tomakomai
/// plan: reading, the label rows and the header, measure matching, ratings, years and dates,
/// supersession, and every diagnostic's text. The first byte picks a workbook or a CSV.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let workbook = count >= 2 && bytes[0] == 0x50 && bytes[1] == 0x4B  // "PK": a zip
    let url = FuzzInput.file(named: workbook ? "提出.xlsx" : "提出.csv", holding: bytes, count: count)
    let outcome = CheckPipeline.run(CheckOptions(files: [url], plan: plan))
    for diagnostic in outcome.diagnostics { _ = diagnostic.line }
    return 0
}

private let plan = FuzzInput.repositoryRoot.appendingPathComponent("Samples/tomakomai/plan.csv")
