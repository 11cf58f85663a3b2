import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks made before a run reads anything, so that a wrong path costs nothing and never leaves a
/// half-finished state: the inboxes exist and hold something to read, the out folder is a folder
/// that can be written, and the two do not contain each other (an out folder inside an inbox would
/// be read back as a submission next time).
public enum OutputLocation {
    /// The out folder: not a file, not inside an inbox nor holding one, and writable (its nearest
    /// existing folder, since it may not exist yet).
    public static func checkOut(_ out: URL, inboxes: [URL] = []) -> Refusal? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return Refusal(.cannotWrite, "出力先 \(out.path) はファイルです。出力先には出力用のフォルダ（まだないフォルダでも可）を指定してください。")
        }
        let outPath = PathContainment.canonical(out)
        for inbox in inboxes {
            let inboxPath = PathContainment.canonical(inbox)
            if PathContainment.contains(inboxPath, outPath) {
                return Refusal(.usage, "出力先 \(out.path) が提出フォルダ \(inbox.path) の中にあります。次の実行で出力が提出ファイルとして読まれるため、出力先には提出フォルダの外を指定してください。")
            }
            if PathContainment.contains(outPath, inboxPath) {
                return Refusal(.usage, "提出フォルダ \(inbox.path) が出力先 \(out.path) の中にあります。出力先は書き換えられるため、出力先には別のフォルダを指定してください。")
            }
        }
        // The nearest folder that exists must be a folder we can write into (the out folder itself
        // when it exists, and its parent, where the new outputs are prepared).
        var probe = out.standardizedFileURL
        if FileManager.default.fileExists(atPath: probe.path) { probe = probe.deletingLastPathComponent() }
        while !FileManager.default.fileExists(atPath: probe.path, isDirectory: &isDirectory) && probe.path != "/" {
            probe = probe.deletingLastPathComponent()
        }
        if !isDirectory.boolValue {
            return Refusal(.cannotWrite, "出力先 \(out.path) に書き出せません（\(probe.path) がフォルダではなくファイルです）。出力先を確かめてください。")
        }
        // A real attempt (a folder made and removed at once), since permissions alone do not tell
        // (root, read-only mounts, network shares).
        for folder in [probe, out] where FileManager.default.fileExists(atPath: folder.path) {
            let trial = folder.appendingPathComponent(".pledgekit-write-check-" + UUID().uuidString.lowercased()).path
            if mkdir(trial, 0o700) != 0 {
                return Refusal(.cannotWrite, "出力先 \(out.path) に書き出せません（\(folder.path): \(reason(errno: errno))）。出力先には書き込めるフォルダを指定してください。")
            }
            rmdir(trial)
        }
        return nil
    }

    /// The refusal for an output that failed while being written: the path and the system's
    /// reason in Japanese, never Foundation's error text.
    /// "出力フォルダは変更していません" only when it is true: a commit that set the old outputs aside
    /// and could not put them back says where they are.
    public static func writeFailure(_ error: Error, out: URL) -> Refusal {
        switch error {
        case let OutputDirectory.CommitError.setAside(cause, aside):
            return Refusal(.cannotWrite, "出力先 \(out.path) の出力を入れ替えられず（\(reason(of: cause))）、前回の出力を元に戻せませんでした。"
                           + "前回の出力は \(aside.path) にすべて残っています。次の実行で元の場所に戻します。")
        case let OutputDirectory.CommitError.unchanged(cause):
            return writeFailure(cause, out: out)
        default:
            return Refusal(.cannotWrite, "出力先 \(out.path) に書き出せませんでした（\(reason(of: error))）。出力フォルダは変更していません。")
        }
    }

    /// The system's reason, in Japanese.
    public static func reason(of error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code)) + path(of: nsError)
        }
        if nsError.domain == NSPOSIXErrorDomain { return reason(errno: Int32(nsError.code)) + path(of: nsError) }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileWriteOutOfSpace: return "ディスクの空きがありません" + path(of: nsError)
        case .fileWriteNoPermission: return "書き込みの権限がありません" + path(of: nsError)
        case .fileWriteVolumeReadOnly: return "読み取り専用の場所です" + path(of: nsError)
        case .fileWriteFileExists: return "同じ名前のファイルがあります" + path(of: nsError)
        default:
            if nsError.domain != NSCocoaErrorDomain { return "\(error)" }
            return "書き込みに失敗しました" + path(of: nsError)
        }
    }

    public static func reason(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "書き込みの権限がありません"
        case ENOSPC: "ディスクの空きがありません"
        case EDQUOT: "ディスクの使用量の上限に達しています"
        case EROFS: "読み取り専用の場所です"
        case ENOTDIR: "途中にフォルダではなくファイルがあります"
        case EISDIR: "同じ名前のフォルダがあります"
        case EEXIST: "同じ名前のファイルがあります"
        case ENOENT: "フォルダが見つかりません"
        case ENAMETOOLONG: "パスが長すぎます"
        case EIO: "ディスクの読み書きに失敗しました"
        case EBUSY, ETXTBSY: "ほかのプログラムが使用中です"
        default: "書き込みに失敗しました（エラー番号 \(code)）"
        }
    }

    private static func path(of error: NSError) -> String {
        (error.userInfo[NSFilePathErrorKey] as? String).map { ": \($0)" } ?? ""
    }

}
