import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two folders in one step, so that whoever looks (or a kill at any moment) sees either the
/// old folder or the new one under the name, never a mixture and never nothing: Linux's
/// `renameat2(RENAME_EXCHANGE)`, macOS's `renamex_np(RENAME_SWAP)`.
enum FolderSwap {
    /// Whether the two were exchanged; false when the system or the file system cannot exchange
    /// (the caller then falls back to rename-aside-and-rename). Throws for any other failure.
    static func exchange(_ first: String, _ second: String) throws -> Bool {
        #if os(Linux)
        guard let renameat2 = renameat2 else { return false }
        if renameat2(atCurrentDirectory, first, atCurrentDirectory, second, renameExchange) == 0 { return true }
        #elseif os(macOS)
        if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return true }
        #else
        return false
        #endif
        let code = errno
        if [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(code) { return false }
        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    #if os(Linux)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    static let atCurrentDirectory: Int32 = -100  // AT_FDCWD
    static let renameExchange: UInt32 = 2         // RENAME_EXCHANGE (linux/fs.h)
    /// glibc ≥ 2.28 has renameat2, but Swift's Glibc module does not declare it (it is a GNU extension).
    static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif
}
