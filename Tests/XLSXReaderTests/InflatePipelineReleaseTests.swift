import Foundation
import Testing
@testable import XLSXReader

/// A sheet's inflate pipeline and its thread must let go of each other once the sheet is read:
/// while they held each other, every workbook a merge read stayed in memory with its whole file
/// and its zlib state (found by fuzz-xlsx under LeakSanitizer).
@Suite struct InflatePipelineReleaseTests {
    @Test func aDrainedPipelineIsReleasedWithTheFileItRead() throws {
        weak var pipeline: InflatePipeline?
        weak var file: ZipFileBytes?
        do {
            let archive = try ZipArchiveGuard(url: Fixture.url("types-openpyxl.xlsx"))
            let reading = InflatePipeline(try archive.stream(#require(archive.entry("xl/worksheets/sheet1.xml"))))
            pipeline = reading
            file = archive.file
            var bytes = 0
            while let chunk = try reading.next() { bytes += chunk.count }
            #expect(bytes > 0)
        }
        // The producer thread drops its reference when it returns, a moment after the last chunk.
        for _ in 0..<500 where pipeline != nil || file != nil { usleep(10_000) }
        #expect(pipeline == nil)
        #expect(file == nil)
    }
}
