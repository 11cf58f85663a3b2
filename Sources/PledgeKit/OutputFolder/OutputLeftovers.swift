import Foundation

/// The sibling folders a commit makes beside the out folder `N`, named so that the next run can
/// tell them from anything else:
/// - `.N.pledgekit-new-<run>`: the new outputs being written; after the swap, the old ones being removed;
/// - `.N.pledgekit-old-<run>`: the old outputs set aside (only where the file system cannot swap);
/// - `.N.pledgekit-<pid>`: what versions before whole-folder replacement left.
/// `<run>` is the lock's run identifier (a UUID), so that two runs in one process never share a
/// name; earlier versions used the process number, which is still recognised.
/// The next run into `N` removes them, under the lock, so no live run is using them.
enum OutputLeftovers {
    static func staging(for folder: URL, run: String) -> URL { sibling(folder, "new-" + run) }
    static func aside(for folder: URL, run: String) -> URL { sibling(folder, "old-" + run) }

    private static func sibling(_ folder: URL, _ suffix: String) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).pledgekit-\(suffix)")
    }

    static func isLeftover(_ name: String, of folderName: String) -> Bool {
        let prefix = ".\(folderName).pledgekit-"
        guard name.hasPrefix(prefix) else { return false }
        var rest = name.dropFirst(prefix.count)
        for kind in ["new-", "old-"] where rest.hasPrefix(kind) { rest = rest.dropFirst(kind.count) }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && ($0.isHexDigit || $0 == "-") }
    }

    /// A write check of `OutputLocation.checkOut` cut short by a kill.
    static func isWriteCheck(_ name: String) -> Bool { name.hasPrefix(".pledgekit-write-check-") }

    static func clean(beside folder: URL) throws {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let leftovers = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { isLeftover($0, of: folder.lastPathComponent) }.sorted()
        // Killed between setting the old outputs aside and moving the new ones in: the old go back.
        if !manager.fileExists(atPath: folder.path),
           let aside = leftovers.first(where: { $0.hasPrefix(".\(folder.lastPathComponent).pledgekit-old-") }) {
            try manager.moveItem(at: parent.appendingPathComponent(aside), to: folder)
        }
        for name in leftovers where manager.fileExists(atPath: parent.appendingPathComponent(name).path) {
            try manager.removeItem(at: parent.appendingPathComponent(name))
        }
        for place in [parent, folder] {
            for name in ((try? manager.contentsOfDirectory(atPath: place.path)) ?? []) where isWriteCheck(name) {
                rmdir(place.appendingPathComponent(name).path)
            }
        }
    }
}
