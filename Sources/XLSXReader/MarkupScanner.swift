/// Counts the attributes of each start tag in a part's bytes as they are inflated, before libxml2
/// parses them: libxml2 2.9.14 checks each attribute of an element against all the earlier ones,
/// so one element with 400,000 attributes costs hours. A worksheet's elements have fewer than 20.
///
/// A small state machine that carries over chunk boundaries. An attribute is counted at its `=`
/// (outside quoted values); comments, CDATA sections and processing instructions are skipped whole,
/// so that nothing inside them can hide a tag or open a quote.
struct MarkupScanner {
    static let maxAttributes = 1000

    private enum State: UInt8 { case text, open, bang, bangDash, comment, cdata, instruction, declaration, tag, quote }
    private var state = State.text
    private var quote: UInt8 = 0
    /// Attributes so far in the current tag; or the run of `-`, `]` or `?` that may close a section.
    private var count = 0

    /// False once a start tag has more than `maxAttributes` attributes.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">")
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            index += 1
            switch state {
            case .text:
                if byte == lt { state = .open }
            case .open:
                switch byte {
                case UInt8(ascii: "!"): state = .bang
                case UInt8(ascii: "?"): state = .instruction; count = 0
                default: state = .tag; count = 0; index -= 1
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
        }
        return true
    }
}
