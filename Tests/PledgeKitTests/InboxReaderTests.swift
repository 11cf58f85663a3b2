import Foundation
import PledgeCore
@testable import PledgeKit
import TableIO
import Testing

/// The inbox is read on all cores; what comes out must be what reading one file after another
/// gives, in the same order, whatever the threads' timing.
@Suite struct InboxReaderTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    /// One file at a time, in the order `InputFiles` lists them.
    static func sequential(_ inbox: URL) -> ([Submission], [Diagnostic]) {
        var diagnostics = Diagnostics()
        var submissions: [Submission] = []
        for file in InputFiles.collect([inbox], diagnostics: &diagnostics) {
            submissions += InboxReader.read([file], diagnostics: &diagnostics)
        }
        return (submissions, diagnostics.all)
    }

    static func summary(_ submissions: [Submission]) -> [String] {
        submissions.map { submission in
            "\(submission.file)|\(submission.sender ?? "-")|" + submission.sheets.map { "\($0.table.sheet ?? ""):\($0.rows.count)" }.joined(separator: ",")
        }
    }

    @Test(arguments: ["messy/inbox", "tomakomai/inbox", "ageo/inbox"])
    func parallelReadingGivesTheSequentialResult(_ inbox: String) {
        let folder = Self.samples.appendingPathComponent(inbox)
        let (expectedSubmissions, expectedDiagnostics) = Self.sequential(folder)
        #expect(!expectedSubmissions.isEmpty)
        for _ in 0..<5 {
            var diagnostics = Diagnostics()
            let submissions = InboxReader.read([folder], diagnostics: &diagnostics)
            #expect(Self.summary(submissions) == Self.summary(expectedSubmissions))
            #expect(submissions.map { $0.sheets.flatMap(\.rows) } == expectedSubmissions.map { $0.sheets.flatMap(\.rows) })
            #expect(diagnostics.all == expectedDiagnostics)
        }
    }
}
