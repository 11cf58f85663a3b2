import Foundation

/// Counts the attributes of each start tag in a part's bytes as they are inflated, before libxml2
/// parses them: libxml2 2.9.14 checks each attribute of an element against all the earlier ones,
/// so one element with 400,000 attributes costs hours. A worksheet's elements have fewer than 20.
///
/// Fast path: an attribute value cannot hold a raw `<`, and an attribute takes at least 4 bytes
/// (` a=""`), so a tag followed by another `<` within `4 × maxAttributes` bytes cannot have too many;
/// the scan jumps from `<` to `<` with `memchr`. Only a longer run (or one crossing a chunk's end)
/// is counted exactly, by a small state machine that carries over chunk boundaries: an attribute is
/// counted at its `=` outside quoted values, and comments, CDATA sections and processing
/// instructions are skipped whole, so that nothing inside them can hide a tag or open a quote.
struct MarkupScanner {
    static let maxAttributes = 1000
    private static let shortRun = 4 * maxAttributes

    private enum State: UInt8 { case text, open, bang, bangDash, comment, cdata, instruction, declaration, tag, quote }
    private var state = State.text
    private var quote: UInt8 = 0
    /// Attributes so far in the current tag; or the run of `-`, `]` or `?` that may close a section.
    private var count = 0

    /// False once a start tag has more than `maxAttributes` attributes.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let lt = Int32(UInt8(ascii: "<"))
        let end = bytes.count
        var index = 0
        var nextOpen: Int?  // a `<` already found by the look-ahead
        while index < end {
            if state != .text {
                if !step(base[index]) { return false }
                index += 1
                continue
            }
            let open: Int
            if let known = nextOpen {
                open = known
                nextOpen = nil
            } else {
                guard let found = memchr(base + index, lt, end - index) else { return true }
                open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            index = open + 1
            if index < end, base[index] != UInt8(ascii: "!"), base[index] != UInt8(ascii: "?"),
               let next = memchr(base + index, lt, min(end, index + Self.shortRun) - index) {
                // The next `<` comes soon: this tag is too short to matter.
                nextOpen = base.distance(to: next.assumingMemoryBound(to: UInt8.self))
                continue
            }
            state = .open
        }
        return true
    }

    /// One byte of the exact count; false past the limit.
    @inline(__always)
    private mutating func step(_ byte: UInt8) -> Bool {
        let gt = UInt8(ascii: ">")
        switch state {
        case .text:
            break
        case .open:
            switch byte {
            case UInt8(ascii: "!"): state = .bang
            case UInt8(ascii: "?"): state = .instruction; count = 0
            case UInt8(ascii: "\""), UInt8(ascii: "'"): state = .quote; quote = byte; count = 0
            case gt: state = .text
            default: state = .tag; count = 0
            }
        case .bang:
            if byte == UInt8(ascii: "-") { state = .bangDash }
            else if byte == UInt8(ascii: "[") { state = .cdata; count = 0 }
            else { state = .declaration }
        case .bangDash:
            state = .comment
            count = 0
        case .comment:
            if byte == UInt8(ascii: "-") { count += 1 }
            else if byte == gt && count >= 2 { state = .text }
            else { count = 0 }
        case .cdata:
            if byte == UInt8(ascii: "]") { count += 1 }
            else if byte == gt && count >= 2 { state = .text }
            else { count = 0 }
        case .instruction:
            if byte == gt && count > 0 { state = .text }
            count = byte == UInt8(ascii: "?") ? 1 : 0
        case .declaration:
            if byte == gt { state = .text }
        case .tag:
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = byte
                state = .quote
            case UInt8(ascii: "="):
                count += 1
                if count > Self.maxAttributes { return false }
            case gt:
                state = .text
            default:
                break
            }
        case .quote:
            if byte == quote { state = .tag }
        }
        return true
    }
}
