import Foundation
import Testing
@testable import PledgeKit

/// A write that fails is told with the path and the system's reason in Japanese, never with
/// Foundation's error text.
@Suite struct OutputLocationTests {
    @Test func writeFailuresAreJapanese() {
        let permission = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/srv/out/summary.csv"])
        let refusal = OutputLocation.writeFailure(permission, out: URL(fileURLWithPath: "/srv/out"))
        #expect(refusal.status == .cannotWrite)
        #expect(refusal.message == "出力先 /srv/out に書き出せませんでした（書き込みの権限がありません: /srv/out/summary.csv）。出力フォルダは変更していません。")
        let full = NSError(domain: NSCocoaErrorDomain, code: 512, userInfo: [
            NSFilePathErrorKey: "/srv/out", NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(OutputLocation.reason(of: full) == "ディスクの空きがありません: /srv/out")
        #expect(!OutputLocation.reason(of: CocoaError(.fileWriteUnknown)).contains("Domain"))
    }

    @Test func nearestNames() {
        #expect(NearestNames.nearest(to: "担当部所", among: ["担当部署", "担当課", "施策"]) == ["担当部署"])
        #expect(NearestNames.nearest(to: "titel", among: ["title", "lead"]) == ["title"])
        #expect(NearestNames.nearest(to: "まったく別", among: ["title", "lead"]).isEmpty)
    }
}
