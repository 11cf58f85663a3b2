import Foundation

/// The command line's own bytes. `CommandLine.arguments` repairs an argument that is not UTF-8
/// (a file name from a CP932 zip) into U+FFFD, naming a file that does not exist; its bytes name
/// the file that does.
enum RawArguments {
    /// Each argument that was repaired, with the bytes it came from, in the command line's order:
    /// two names that repair to the same text stay two.
    static func nonUTF8(among parsed: [String]) -> [(repaired: String, bytes: [UInt8])] {
        var found: [(repaired: String, bytes: [UInt8])] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(pointer)))
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            let repaired = String(decoding: bytes, as: UTF8.self)
            if parsed.contains(repaired) { found.append((repaired, bytes)) }
        }
        return found
    }
}
