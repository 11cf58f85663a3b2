import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The out folder is replaced as a whole: a merge killed at any moment leaves all the old files or
/// all the new ones, the next run removes what the killed one left beside it, two runs never write
/// one folder at once, and "出力フォルダは変更していません" is said only when it is true.
@Suite(.serialized) struct OutputReplacementTests {
    /// The Tomakomai sample, written in one encoding or the other: the same names, other bytes.
    static func arguments(_ out: String, encoding: String, inbox: String = PledgeKitBinary.sample("tomakomai/inbox")) -> [String] {
        ["merge", inbox, "--plan", PledgeKitBinary.sample("tomakomai/plan.csv"), "--year", "R2",
         "--layout", PledgeKitBinary.repositoryRoot.appendingPathComponent("templates/tomakomai").path,
         "--csv-encoding", encoding, "--out", out]
    }

    /// Every file under a folder (names relative to it) with its bytes; nil when there is no folder.
    static func snapshot(_ folder: String) -> [String: Data]? {
        guard FileManager.default.fileExists(atPath: folder) else { return nil }
        var files: [String: Data] = [:]
        let found = FileManager.default.enumerator(atPath: folder)
        while let name = found?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// What lies beside the out folder `out` apart from the folder itself.
    static func siblings(_ scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0 != "out" && $0 != "inbox" }.sorted()
    }

    /// The binary with extra environment variables; `killAfter` sends SIGKILL after that many seconds
    /// (counted from when `watch` first holds, if given: e.g. once the run's new folder appears).
    static func launch(_ arguments: [String], environment: [String: String] = [:], killAfter: Double? = nil,
                       watch: (() -> Bool)? = nil) throws -> PledgeKitBinary.Result {
        let process = Process()
        process.executableURL = PledgeKitBinary.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        if let killAfter {
            if let watch { while process.isRunning && !watch() { usleep(200) } }
            usleep(useconds_t(killAfter * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return PledgeKitBinary.Result(status: status, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
    }

    /// An out folder holding the "old" outputs (UTF-8) and a file of the user's, and the "new"
    /// outputs (UTF-8 with BOM) with the same file, as a finished run leaves them.
    static func prepare(_ scratch: Scratch) throws -> (old: [String: Data], new: [String: Data]) {
        let out = scratch.path("out"), reference = scratch.url.appendingPathComponent("reference").path
        #expect(try PledgeKitBinary.run(arguments(reference, encoding: "utf-8-bom")).status == 0)
        #expect(try PledgeKitBinary.run(arguments(out, encoding: "utf-8")).status == 0)
        for folder in [out, reference] { try Data("公開前に確認\n".utf8).write(to: URL(fileURLWithPath: folder + "/README.txt")) }
        let new = try #require(snapshot(reference))
        try FileManager.default.removeItem(atPath: reference)
        try? FileManager.default.removeItem(atPath: scratch.path(".reference.pledgekit.lock"))
        let old = try #require(snapshot(out))
        #expect(old.keys.sorted() == new.keys.sorted() && old != new && old.count == 9)
        return (old, new)
    }

    @Test func killedAtRandomMomentsTheFolderHoldsAllOldOrAllNewFiles() throws {
        let scratch = try Scratch()
        let (old, new) = try Self.prepare(scratch)
        let out = scratch.path("out")
        // How long an uninterrupted run takes here, to spread the kills over all of it.
        let start = Date()
        #expect(try Self.launch(Self.arguments(out, encoding: "utf-8-bom")).status == 0)
        let duration = Date().timeIntervalSince(start)
        #expect(Self.snapshot(out) == new)
        var random = SystemRandomNumberGenerator()
        var outcomes = (unchanged: 0, replaced: 0, finished: 0, insideCommit: 0)
        let runs = 60
        for run in 0..<runs {
            let before = Self.snapshot(out)
            let target = before == old ? "utf-8-bom" : "utf-8"
            // A third of the kills anywhere in the run; two thirds within 300 ms of the moment the run's new
            // folder appears beside the out folder, where the commit happens (a shared machine's load
            // would otherwise move the commit out of a fixed window).
            let anywhere = run % 3 == 0
            let delay = anywhere ? Double.random(in: 0...(duration * 1.1), using: &random) : Double.random(in: 0...0.3, using: &random)
            let staging: () -> Bool = { ((try? Self.siblings(scratch)) ?? []).contains { $0.hasPrefix(".out.pledgekit-new-") } }
            let result = try Self.launch(Self.arguments(out, encoding: target), killAfter: delay, watch: anywhere ? nil : staging)
            let after = Self.snapshot(out)
            #expect(after == old || after == new, "run \(run): killed after \(delay) s, the folder holds a mixture: \(after?.keys.sorted() ?? [])")
            if result.status == 0 { outcomes.finished += 1 }
            if after == before { outcomes.unchanged += 1 } else if after == old || after == new { outcomes.replaced += 1 }
            // Only the lock file and clearly named leftovers of the killed run lie beside the folder.
            let siblings = try Self.siblings(scratch)
            #expect(siblings.allSatisfy { $0 == ".out.pledgekit.lock" || $0.hasPrefix(".out.pledgekit-") || $0.hasPrefix(".pledgekit-write-check-") },
                    "\(siblings)")
            if siblings.contains(where: { $0.hasPrefix(".out.pledgekit-new-") }) { outcomes.insideCommit += 1 }
        }
        #expect(try Self.launch(Self.arguments(out, encoding: "utf-8")).status == 0)
        #expect(Self.snapshot(out) == old)
        #expect(try Self.siblings(scratch) == [".out.pledgekit.lock"], "the next run removes every leftover")
        print("kill test: \(runs) runs killed at random (\(runs / 3) in 0–\(String(format: "%.2f", duration * 1.1)) s, "
              + "\(runs - runs / 3) within 0–300 ms of the new folder appearing): "
              + "\(outcomes.unchanged) left all the old files, \(outcomes.replaced) all the new ones (\(outcomes.finished) had finished), "
              + "\(outcomes.insideCommit) were killed inside the commit (a sibling folder left), 0 mixtures")
    }

    /// Kills at each step of the commit, also where folders cannot be swapped (rename aside, then in):
    /// after each the folder is whole, or (between the two renames) the next run puts the old one back.
    @Test(arguments: [("staged", false), ("carried", false), ("swapped", false), ("staged", true), ("aside", true)])
    func killedAtEachStepOfTheCommit(point: String, withoutExchange: Bool) throws {
        let scratch = try Scratch()
        let (old, new) = try Self.prepare(scratch)
        let out = scratch.path("out")
        var environment = ["PLEDGEKIT_TEST_KILL_AT": point]
        if withoutExchange { environment["PLEDGEKIT_TEST_NO_EXCHANGE"] = "1" }
        let killed = try Self.launch(Self.arguments(out, encoding: "utf-8-bom"), environment: environment)
        #expect(killed.status == 128 + SIGKILL, "\(killed.stderr)")
        let after = Self.snapshot(out)
        switch point {
        case "swapped": #expect(after == new)
        case "aside": #expect(after == nil, "between the two renames the folder is missing until the next run")
        default: #expect(after == old)
        }
        #expect(try Self.siblings(scratch).contains { $0.hasPrefix(".out.pledgekit-") }, "the killed run left its folder")
        // The next run, even one that stops on a data error, repairs and removes what was left.
        let inbox = scratch.path("inbox")
        try FileManager.default.copyItem(atPath: PledgeKitBinary.sample("tomakomai/inbox"), toPath: inbox)
        try "部署名,財政課\n年度,令和2年度\n提出日,2021-04-22\n\n施策ID,取組事業内容,評価\nI-1-1,講座,11\n"
            .write(toFile: inbox + "/財政課-再提出.csv", atomically: true, encoding: .utf8)
        let next = try Self.launch(Self.arguments(out, encoding: "utf-8", inbox: inbox))
        #expect(next.status == 1, "\(next.stderr)")
        #expect(Self.snapshot(out) == (point == "swapped" ? new : old))
        #expect(try Self.siblings(scratch) == [".out.pledgekit.lock"])
    }

    @Test func aFailedSwapSaysTheFolderIsUnchangedOnlyWhenItIs() throws {
        let scratch = try Scratch()
        let (old, _) = try Self.prepare(scratch)
        let out = scratch.path("out")
        for environment in [["PLEDGEKIT_TEST_FAIL_AT": "swap"],
                            ["PLEDGEKIT_TEST_FAIL_AT": "rename-in", "PLEDGEKIT_TEST_NO_EXCHANGE": "1"]] {
            let result = try Self.launch(Self.arguments(out, encoding: "utf-8-bom"), environment: environment)
            #expect(result.status == 73)
            #expect(result.stderr.contains("出力先 \(out) に書き出せませんでした（") && result.stderr.contains("出力フォルダは変更していません。"),
                    "\(result.stderr)")
            #expect(Self.snapshot(out) == old)
            #expect(try Self.siblings(scratch) == [".out.pledgekit.lock"])
        }
        // The new folder cannot be renamed in, nor the old one back: the message says where the old outputs are.
        let lost = try Self.launch(Self.arguments(out, encoding: "utf-8-bom"),
                                   environment: ["PLEDGEKIT_TEST_FAIL_AT": "rename-in,restore", "PLEDGEKIT_TEST_NO_EXCHANGE": "1"])
        #expect(lost.status == 73)
        #expect(!lost.stderr.contains("変更していません"), "\(lost.stderr)")
        #expect(lost.stderr.contains("前回の出力を元に戻せませんでした。前回の出力は \(scratch.url.path)/.out.pledgekit-old-"), "\(lost.stderr)")
        #expect(lost.stderr.contains("にすべて残っています。次の実行で元の場所に戻します。"))
        let aside = try #require(try Self.siblings(scratch).first { $0.hasPrefix(".out.pledgekit-old-") })
        #expect(Self.snapshot(scratch.path(aside)) == old)
        #expect(try Self.launch(Self.arguments(out, encoding: "utf-8")).status == 0)
        #expect(Self.snapshot(out) == old)
        #expect(try Self.siblings(scratch) == [".out.pledgekit.lock"])
    }

    /// A second run into a folder another run holds stops at once, says who holds it, and leaves the folder alone.
    @Test func aSecondRunIntoTheSameFolderStopsWith73() throws {
        let scratch = try Scratch()
        let (old, _) = try Self.prepare(scratch)
        let out = scratch.path("out")
        let lockPath = scratch.path(".out.pledgekit.lock")
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = ftruncate(descriptor, 0)
        _ = "\(getpid())\n".withCString { write(descriptor, $0, strlen($0)) }
        let merge = try Self.launch(Self.arguments(out, encoding: "utf-8-bom"))
        #expect(merge.status == 73)
        #expect(merge.stderr == "エラー 出力先 \(out) には、別の pledgekit（プロセス番号 \(getpid())）が書き出し中です。"
                + "同じ出力先への実行は一度に一つです。終わってから実行し直すか、別の出力先を指定してください。\n", "\(merge.stderr)")
        let template = try Self.launch(["template", "--plan", PledgeKitBinary.sample("tomakomai/plan.csv"), "--year", "R2", "--out", out])
        #expect(template.status == 73 && template.stderr.contains("別の pledgekit"), "\(template.stderr)")
        #expect(Self.snapshot(out) == old)
        flock(descriptor, LOCK_UN)
        #expect(try Self.launch(Self.arguments(out, encoding: "utf-8-bom")).status == 0)
    }

    /// Two merges started together into one folder: one writes, the other stops with 73; never a mixture.
    @Test func twoMergesAtOnceNeverInterleave() throws {
        let scratch = try Scratch()
        let (old, new) = try Self.prepare(scratch)
        let out = scratch.path("out")
        let results = try [("utf-8-bom"), ("utf-8")].map { encoding -> Process in
            let process = Process()
            process.executableURL = PledgeKitBinary.executable
            process.arguments = Self.arguments(out, encoding: encoding)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        results.forEach { $0.waitUntilExit() }
        let statuses = results.map(\.terminationStatus).sorted()
        #expect(statuses == [0, 0] || statuses == [0, 73], "\(statuses)")
        #expect(Self.snapshot(out) == old || Self.snapshot(out) == new)
    }

    /// Left by versions that renamed file by file (`.out.pledgekit-<pid>`): removed by the next run.
    /// An out folder given through a symbolic link stays a link; the folder it points to is replaced.
    @Test func oldLeftoversGoAndALinkedOutFolderStaysALink() throws {
        let scratch = try Scratch()
        let real = scratch.path("real")
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("out"), withDestinationPath: real)
        try FileManager.default.createDirectory(atPath: scratch.path(".real.pledgekit-4242/x"), withIntermediateDirectories: true)
        #expect(try Self.launch(Self.arguments(scratch.path("out"), encoding: "utf-8-bom")).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("out")) == real)
        #expect(Self.snapshot(real)?.count == 8)
        #expect(try Self.siblings(scratch) == [".real.pledgekit.lock", "real"])
    }
}
