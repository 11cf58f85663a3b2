import Foundation

/// Checks made on the inputs before a run reads anything, so that a wrong path costs nothing:
/// each named file or folder exists and an inbox folder holds something to read.
public enum InputChecks {
    /// Inboxes (folders or files) for `merge`: each must exist and, as a folder, hold a readable file.
    public static func checkInboxes(_ listing: InboxListing) -> Refusal? {
        if let refusal = listing.oversizedRefusal(role: "提出フォルダ") { return refusal }
        for (index, inbox) in listing.paths.enumerated() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDirectory) else {
                return Refusal(.usage, "提出フォルダ \(inbox.relativePath) が見つかりません。フォルダの場所と名前を確かめてください。")
            }
            let entries = listing.entries(at: index)
            if isDirectory.boolValue && !holdsReadableFile(entries) {
                return Refusal(.usage, "提出フォルダ \(inbox.relativePath) に読み込めるファイル（.xlsx・.csv・.tsv）がありません。"
                               + found(entries, root: inbox)
                               + "各課の提出ファイルを入れてから実行してください（前回の出力はそのまま残しています）。")
            }
        }
        return nil
    }

    /// Files or folders: each must exist. `kind` names them in the message (`前年度のファイル`).
    public static func checkInputsExist(_ paths: [URL], kind: String = "") -> Refusal? {
        for path in paths where !FileManager.default.fileExists(atPath: path.path) {
            return Refusal(.usage, "\(kind.isEmpty ? "" : kind + " ")\(path.relativePath) が見つかりません。ファイルの場所と名前を確かめてください。")
        }
        return nil
    }

    /// The plan file must exist (its contents are checked when it is read).
    public static func checkPlan(_ plan: URL) -> Refusal? {
        checkInputsExist([plan], kind: "計画ファイル")
    }

    /// Whether the folder holds anything named like a submission, of whatever kind: a FIFO, a link
    /// or a name that is not UTF-8 is then read or reported by `InputFiles`, not taken for an empty inbox.
    private static func holdsReadableFile(_ entries: [InboxEntry]) -> Bool {
        entries.contains { entry in
            InputFiles.readableExtensions.contains(entry.pathExtension) && entry.systemFile == nil
        }
    }

    /// What a folder with nothing to read holds, each entry with the reason it is not read, so that
    /// a clerk looking at a folder with a `.xls` in it is told about that file.
    private static func found(_ entries: [InboxEntry], root: URL) -> String {
        var notes = Diagnostics()
        for entry in entries { _ = InputFiles.accept(entry, root: root, diagnostics: &notes) }
        let shown = 10
        guard !notes.all.isEmpty else { return "フォルダは空です。" }
        let named = notes.all.prefix(shown).map { "\($0.location?.file ?? "")（\($0.message)）" }
        let more = notes.all.count > shown ? "ほか\(notes.all.count - shown)件" : ""
        return "見つかったもの: " + named.joined(separator: "、") + more + "。"
    }
}
