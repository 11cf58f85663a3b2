/// XML laid out one element per line, indented by depth, so that a golden part's diff names the
/// changed element (and, a few lines above it, its cell). A leaf element stays on one line with its
/// text (`<v>12</v>`); whitespace between elements is dropped; a line break inside a text is
/// written `&#10;` so that one element stays one line. Attributes and entities are kept as written:
/// only the layout changes, so two parts that format alike differ at most in that layout.
/// Volatile elements (docProps/core.xml's dates, as libxlsxwriter's own tests strip them) have
/// their text replaced by `…`.
enum PrettyXML {
    static func format(_ xml: String, stripping volatile: Set<String> = []) -> String {
        let tokens = tokenize(Array(xml.utf8))
        var lines: [String] = []
        var depth = 0
        var index = 0
        func indent(_ text: String) { lines.append(String(repeating: "  ", count: max(0, depth)) + text) }
        while index < tokens.count {
            switch tokens[index] {
            case .other(let text), .empty(let text, _):
                indent(text)
            case .close(let text):
                depth -= 1
                indent(text)
            case .text(let text):
                if !text.allSatisfy(\.isWhitespace) { indent(oneLine(text)) }
            case .open(let text, let name):
                // <a>text</a> and <a></a> on one line.
                if index + 1 < tokens.count, case .close(let close) = tokens[index + 1] {
                    indent(text + close)
                    index += 2
                    continue
                }
                if index + 2 < tokens.count, case .text(let inner) = tokens[index + 1], case .close(let close) = tokens[index + 2] {
                    indent(text + (volatile.contains(name) ? "…" : oneLine(inner)) + close)
                    index += 3
                    continue
                }
                indent(text)
                depth += 1
            }
            index += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private enum Token {
        case open(String, name: String)
        case empty(String, name: String)
        case close(String)
        /// A declaration, processing instruction or comment.
        case other(String)
        case text(String)
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "&#13;").replacingOccurrences(of: "\n", with: "&#10;")
    }

    private static func tokenize(_ bytes: [UInt8]) -> [Token] {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        var tokens: [Token] = []
        var position = 0
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func find(_ marker: String, from start: Int) -> Int {
            let marker = Array(marker.utf8)
            var at = start
            while at + marker.count <= bytes.count {
                if bytes[at..<(at + marker.count)].elementsEqual(marker) { return at + marker.count }
                at += 1
            }
            return bytes.count
        }
        while position < bytes.count {
            guard bytes[position] == lt else {
                let end = bytes[position...].firstIndex(of: lt) ?? bytes.count
                tokens.append(.text(string(position..<end)))
                position = end
                continue
            }
            let rest = bytes[position...]
            if rest.starts(with: Array("<![CDATA[".utf8)) {
                let end = find("]]>", from: position)
                tokens.append(.text(string(position..<end)))
                position = end
                continue
            }
            if rest.starts(with: Array("<!--".utf8)) || rest.starts(with: Array("<?".utf8)) {
                let end = find(rest.starts(with: Array("<?".utf8)) ? "?>" : "-->", from: position)
                tokens.append(.other(string(position..<end)))
                position = end
                continue
            }
            // A tag: up to the first `>` outside quotes (an attribute may hold `>`).
            var end = position + 1
            var quote: UInt8?
            while end < bytes.count {
                let byte = bytes[end]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == gt {
                    break
                }
                end += 1
            }
            end = min(end + 1, bytes.count)
            let tag = string(position..<end)
            let nameStart = position + (bytes[position + 1] == slash ? 2 : 1)
            let nameEnd = bytes[nameStart..<end].firstIndex { $0 == gt || $0 == slash || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? end
            let name = string(nameStart..<nameEnd)
            if bytes[position + 1] == slash {
                tokens.append(.close(tag))
            } else if bytes[bytes.index(before: end)] == gt, end - 2 > position, bytes[end - 2] == slash {
                tokens.append(.empty(tag, name: name))
            } else if bytes[position + 1] == UInt8(ascii: "!") {
                tokens.append(.other(tag))
            } else {
                tokens.append(.open(tag, name: name))
            }
            position = end
        }
        return tokens
    }

    /// The lines that differ between two texts, unified-diff style (line numbers of the golden and
    /// of the actual text, `-` for golden lines, `+` for actual ones, `context` unchanged lines
    /// around each change), at most `limit` lines; nil when the texts are equal.
    static func diff(golden: String, actual: String, context: Int = 3, limit: Int = 60) -> String? {
        guard golden != actual else { return nil }
        let old = golden.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var rows: [(changed: Bool, text: String)] = []
        var i = 0, j = 0
        func number(_ n: Int?) -> String {
            let text = n.map { String($0 + 1) } ?? ""
            return String(repeating: " ", count: max(0, 5 - text.count)) + text
        }
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) || j >= new.count {
                rows.append((true, "-\(number(i))\(number(nil)) \(old[i])"))
                i += 1
            } else if j < new.count, inserted.contains(j) || i >= old.count {
                rows.append((true, "+\(number(nil))\(number(j)) \(new[j])"))
                j += 1
            } else {
                rows.append((false, " \(number(i))\(number(j)) \(old[i])"))
                i += 1
                j += 1
            }
        }
        let changed = rows.indices.filter { rows[$0].changed }
        var shown: [String] = []
        var last = -1
        for index in rows.indices where changed.contains(where: { abs($0 - index) <= context }) {
            if last >= 0, index != last + 1 { shown.append("   …") }
            shown.append(rows[index].text)
            last = index
            if shown.count >= limit { shown.append("   … (\(changed.count) changed lines in all)"); break }
        }
        return "  golden actual\n" + shown.joined(separator: "\n")
    }
}
