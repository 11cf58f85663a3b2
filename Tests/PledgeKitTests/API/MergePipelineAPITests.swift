import Foundation
import PledgeCore
import PledgeKit
import Testing

/// The merge as a server calls it: in-process, value in, one outcome out; previewed without writing;
/// two at once in one process; cancelled with the out folder untouched.
@Suite struct MergePipelineAPITests {
    @Test func mergeInProcessReproducesThePublishedSummary() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outcome = MergePipeline.run(PipelineFixtures.tomakomaiMerge(out: scratch.appendingPathComponent("out")))
        #expect(outcome.status == .success, "\(outcome.refusal ?? "")")
        let rows = try #require(outcome.report.summaryTable).rows
        let overall = rows.last { $0[3] == "all" && $0[0] == "2020" }
        #expect(overall?[7] == "74.8")
        #expect(rows.first { $0[3] == "III" && $0[0] == "2020" }?[7] == "89")
        #expect(outcome.report.written.map(\.lastPathComponent).contains("summary.csv"))
        #expect(outcome.report.reconciliation?.activities.count == 102)
    }

    @Test func prepareComputesTheFiguresAndWritesNothing() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let recorder = ProgressRecorder()
        let outcome = MergePipeline.prepare(PipelineFixtures.tomakomaiMerge(out: out), progress: recorder.sink)
        #expect(outcome.status == .success)
        #expect(outcome.report.model?.progress.overall?.formatted(digits: 1) == "74.8")
        #expect(outcome.report.written.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "no lock file, no staging folder")
        #expect(recorder.all.filter { $0.stage == .reading }.last?.done == 40)
    }

    @Test func renderGivesTheBytesRunWrites() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let options = PipelineFixtures.tomakomaiMerge(out: out)
        let model = try #require(MergePipeline.prepare(options).report.model)
        let rendered = try MergePipeline.render(model).get()
        #expect(MergePipeline.run(options).status == .success)
        for file in rendered.files {
            #expect(try Data(contentsOf: out.appendingPathComponent(file.name)) == file.data, "\(file.name)")
        }
        #expect(Set(rendered.files.map(\.name)) == Set(try FileManager.default.contentsOfDirectory(atPath: out.path)))
    }

    @Test func progressGoesThroughEveryStageInOrder() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let recorder = ProgressRecorder()
        #expect(MergePipeline.run(PipelineFixtures.tomakomaiMerge(out: scratch.appendingPathComponent("out")), progress: recorder.sink).succeeded)
        var stages: [PipelineProgress.Stage] = []
        for progress in recorder.all where stages.last != progress.stage { stages.append(progress.stage) }
        #expect(stages == PipelineProgress.Stage.allCases)
        let reading = recorder.all.filter { $0.stage == .reading }
        #expect(reading.first?.done == 0 && reading.map(\.done).sorted() == Array(0...40))
        #expect(Set(reading.compactMap(\.item)).contains("財政課.csv"))
    }

    @Test func twoMergesInOneProcessAtOnceBothSucceed() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outs = [scratch.appendingPathComponent("a/out"), scratch.appendingPathComponent("b/out")]
        let outcomes = Locked<[Int: MergeOutcome]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let outcome = MergePipeline.run(PipelineFixtures.tomakomaiMerge(out: outs[index]))
            outcomes.with { $0[index] = outcome }
        }
        for index in 0..<2 { #expect(outcomes.value[index]?.status == .success, "\(outcomes.value[index]?.refusal ?? "")") }
        #expect(PipelineFixtures.snapshot(outs[0]) == PipelineFixtures.snapshot(outs[1]))
        #expect(PipelineFixtures.snapshot(outs[0]).count == 8)
    }

    @Test func twoTasksMergingAtOnceBothSucceed() async throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        async let first = MergePipeline.run(PipelineFixtures.tomakomaiMerge(out: scratch.appendingPathComponent("one")))
        async let second = MergePipeline.run(PipelineFixtures.tomakomaiMerge(out: scratch.appendingPathComponent("two")))
        let (a, b) = await (first, second)
        #expect(a.status == .success && b.status == .success)
    }

    @Test func aMergeCancelledWhileReadingLeavesTheOutFolderUntouched() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let options = PipelineFixtures.tomakomaiMerge(out: out)
        #expect(MergePipeline.run(options).succeeded)
        try Data("手で置いたメモ".utf8).write(to: out.appendingPathComponent("メモ.txt"))
        let before = PipelineFixtures.snapshot(scratch)
        let cancellation = Cancellation()
        // Cancelled as the third file is read: the files not yet started are skipped.
        let outcome = MergePipeline.run(options, progress: { if $0.stage == .reading && $0.done == 3 { cancellation.cancel() } },
                                        cancellation: cancellation)
        #expect(outcome.status == .cancelled)
        #expect(outcome.report.written.isEmpty)
        #expect(PipelineFixtures.snapshot(scratch) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains("pledgekit-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aMergeCancelledAfterRenderingWritesNothing() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let cancellation = Cancellation()
        let outcome = MergePipeline.run(PipelineFixtures.tomakomaiMerge(out: out),
                                        progress: { if $0.stage == .rendering { cancellation.cancel() } }, cancellation: cancellation)
        #expect(outcome.status == .cancelled)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func cancellingTheTaskCancelsTheMerge() async throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let firstFileRead = DispatchSemaphore(value: 0), goOn = DispatchSemaphore(value: 0)
        let task = Task {
            await MergePipeline.run(PipelineFixtures.tomakomaiMerge(out: out), progress: { progress in
                // The first file read holds its thread until the task is cancelled: the run cannot end before.
                if progress.stage == .reading && progress.done == 1 {
                    firstFileRead.signal()
                    goOn.wait()
                }
            })
        }
        await Task.detached { firstFileRead.wait() }.value
        task.cancel()
        goOn.signal()
        let outcome = await task.value
        #expect(outcome.status == .cancelled)
        #expect(outcome.refusal == "中止しました。何も書き出していません。")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aTextThatOutgrowsTheWorkbooksCellIsADataErrorAtItsCell() throws {
        let scratch = try PipelineFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inbox = scratch.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        // Exactly Excel's limit: read without complaint, but the detail sheet puts "・" in front of it.
        let text = String(repeating: "あ", count: 32_767)
        try Data(PipelineFixtures.submission(department: "財政課", rows: [["Ⅰ-1-2", "", text, "9", ""]]).utf8)
            .write(to: inbox.appendingPathComponent("財政課.csv"))
        var options = PipelineFixtures.tomakomaiMerge(out: scratch.appendingPathComponent("out"))
        options.inboxes = [inbox]
        options.previous = nil
        let outcome = MergePipeline.run(options)
        #expect(outcome.status == .dataErrors)
        let error = try #require(outcome.diagnostics.first { $0.code == .textTooLongForCell })
        #expect(error.severity == .error)
        #expect(error.location?.description == "財政課.csv!C6")
        #expect(error.measureID == "I-1-2" && error.department == "財政課")
        #expect(error.message.contains("32767文字") && error.message.contains("32766文字以内"))
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out").path))
    }

    @Test func aMissingPlanIsAUsageRefusalNamingTheFile() {
        var options = PipelineFixtures.tomakomaiMerge(out: URL(fileURLWithPath: "/nonexistent/out"))
        options.plan = URL(fileURLWithPath: "計画.csv")
        let outcome = MergePipeline.run(options)
        #expect(outcome.status == .usage)
        #expect(outcome.refusal == "計画ファイル 計画.csv が見つかりません。ファイルの場所と名前を確かめてください。")
    }
}

/// A value shared between threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func with(_ body: (inout Value) -> Void) { lock.lock(); body(&stored); lock.unlock() }
}
