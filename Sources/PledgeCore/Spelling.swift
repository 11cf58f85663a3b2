/// A text hashed and compared by its UTF-8 bytes, to memoise what a cell's spelling means. Swift
/// hashes and compares a non-ASCII `String` through its normalised form; on a 200,000-row file
/// that made the memo lookups of department names cost more than the work they save. One file
/// spells a repeated name with the same bytes, and two spellings that differ only in their bytes
/// are simply worked out twice, to the same result.
public struct Spelling: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (lhs: Spelling, rhs: Spelling) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.withBytes { left in rhs.withBytes { left.elementsEqual($0) } }
    }

    public func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: $0) }
    }

    private func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(text.utf8).withUnsafeBytes(body)
    }
}
