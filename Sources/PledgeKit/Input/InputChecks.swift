import Foundation

/// Checks made on the inputs before a run reads anything, so that a wrong path costs nothing:
/// each named file or folder exists and an inbox folder holds something to read.
public enum InputChecks {
    /// Inboxes (folders or files) for `merge`: each must exist and, as a folder, hold a readable file.
    public static func checkInboxes(_ listing: InboxListing) -> Refusal? {
        for (index, inbox) in listing.paths.enumerated() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDirectory) else {
                return Refusal(.usage, "提出フォルダ \(inbox.relativePath) が見つかりません。フォルダの場所と名前を確かめてください。")
            }
            if isDirectory.boolValue && !holdsReadableFile(listing.entries(at: index)) {
                return Refusal(.usage, "提出フォルダ \(inbox.relativePath) に読み込めるファイル（.xlsx・.csv・.tsv）がありません。"
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
            InputFiles.readableExtensions.contains(entry.pathExtension) && !entry.isHidden && !entry.isExcelLock
        }
    }
}
