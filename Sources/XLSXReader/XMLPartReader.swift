import CLibXML2
import Foundation

/// libxml2's streaming reader over one inflated zip entry, with the safe options only: no network,
/// no DTD loading, no entity substitution, no "huge" mode, and errors kept rather than printed.
/// A DOCTYPE or an entity reference anywhere refuses the part.
final class XMLPartReader {
    static let options: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                                      | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    let part: String
    let reader: xmlTextReaderPtr
    private let source: XMLSource
    private var errorMessage: String?
    private var errorLine = 0

    private static let initialize: Void = { xmlInitParser() }()

    init(part: String, source inflater: EntryInflater) throws(XLSXReadError) {
        _ = Self.initialize
        self.part = part
        let source = XMLSource(part: part, inflater: inflater)
        self.source = source
        let context = Unmanaged.passUnretained(source).toOpaque()
        guard let reader = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let source = Unmanaged<XMLSource>.fromOpaque(context).takeUnretainedValue()
            do {
                return Int32(try buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    try source.read(into: $0, capacity: Int(length))
                })
            } catch {
                return -1
            }
        }, nil, context, part, nil, Self.options) else {
            if let failure = source.failure { throw failure }
            throw .damaged(part: part, detail: "XMLを開けません")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let me = Unmanaged<XMLPartReader>.fromOpaque(context).takeUnretainedValue()
            if me.errorMessage == nil {
                me.errorMessage = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: [" ", "\n"]) } ?? ""
                me.errorLine = Int(error.pointee.line)
            }
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Advances to the next node; false at the end of the part.
    @inline(__always)
    func read() throws(XLSXReadError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            let type = xmlTextReaderNodeType(reader)
            if type == XML_READER_TYPE_DOCUMENT_TYPE.rawValue { throw .doctype(part: part) }
            if type == XML_READER_TYPE_ENTITY_REFERENCE.rawValue || type == XML_READER_TYPE_ENTITY.rawValue {
                throw .entityReference(part: part)
            }
            return true
        }
        if status == 0 { return false }
        throw failure()
    }

    private func failure() -> XLSXReadError {
        if let failure = source.failure { return failure }
        let message = errorMessage ?? "読み取りエラー"
        if message.contains("Entity") || message.contains("entity") { return .entityReference(part: part) }
        if message.contains("DOCTYPE") { return .doctype(part: part) }
        return .malformedXML(part: part, line: errorLine, detail: message)
    }

    @inline(__always) var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    @inline(__always) var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    @inline(__always) var localName: UnsafePointer<UInt8>? { xmlTextReaderConstLocalName(reader) }
    @inline(__always) var value: UnsafePointer<UInt8>? { xmlTextReaderConstValue(reader) }
    /// The current node's namespace URI ("" when it has none).
    var namespaceURI: String { xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } ?? "" }
    @inline(__always) var isText: Bool {
        let type = xmlTextReaderNodeType(reader)
        return type == XML_READER_TYPE_TEXT.rawValue || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue
            || type == XML_READER_TYPE_WHITESPACE.rawValue || type == XML_READER_TYPE_CDATA.rawValue
    }

    func isElement(_ name: StaticString) -> Bool {
        nodeType == XML_READER_TYPE_ELEMENT.rawValue && XMLName.equals(localName, name)
    }

    func isEndElement(_ name: StaticString) -> Bool {
        nodeType == XML_READER_TYPE_END_ELEMENT.rawValue && XMLName.equals(localName, name)
    }

    /// The current element's attributes as (local name, value), namespace declarations left out.
    /// Reads the reader's current node directly: no copies, no attribute cursor moves.
    @inline(__always)
    func forEachAttribute(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>) throws(XLSXReadError) -> Void) throws(XLSXReadError) {
        guard let node = xmlTextReaderCurrentNode(reader) else { return }
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                if let text = current.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE {
                    try body(name, text.pointee.content.map { UnsafePointer($0) } ?? XMLName.emptyString)
                } else if current.pointee.children == nil {
                    try body(name, XMLName.emptyString)
                } else {
                    // An attribute value made of several nodes holds an entity reference.
                    throw .entityReference(part: part)
                }
            }
            attribute = current.pointee.next
        }
    }

    /// The value of the attribute with this local name (any namespace), copied into a String.
    func attribute(_ name: StaticString) throws(XLSXReadError) -> String? {
        var found: String?
        try forEachAttribute { key, value throws(XLSXReadError) in
            if found == nil && XMLName.equals(key, name) { found = String(cString: value) }
        }
        return found
    }
}

/// The inflated bytes on their way to libxml2. The prolog (everything before the root element) is
/// scanned first: a `<!DOCTYPE` there refuses the part before libxml2 has parsed any declaration.
final class XMLSource {
    let part: String
    let inflater: EntryInflater
    private(set) var failure: XLSXReadError?
    private var inProlog = true
    private var scanner = PrologScanner()

    init(part: String, inflater: EntryInflater) {
        self.part = part
        self.inflater = inflater
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(XLSXReadError) -> Int {
        do {
            let count = try inflater.read(into: buffer, capacity: capacity)
            if inProlog { try scanProlog(UnsafeBufferPointer(start: buffer, count: count)) }
            return count
        } catch {
            failure = error
            throw error
        }
    }

    private func scanProlog(_ bytes: UnsafeBufferPointer<UInt8>) throws(XLSXReadError) {
        do { try scanner.scan(bytes) } catch { throw .doctype(part: part) }
        inProlog = scanner.active
    }
}

/// Looks at the bytes before the root element: `<!DOCTYPE` (any case) there is refused before
/// libxml2 has parsed a single declaration.
struct PrologScanner {
    struct Found: Error {}
    private(set) var active = true
    private var window: [UInt8] = []

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(Found) {
        guard active else { return }
        window.append(contentsOf: bytes.prefix(4096))
        let lt = UInt8(ascii: "<")
        var index = 0
        while index < window.count {
            if window[index] == lt {
                guard index + 1 < window.count else { return }
                let next = window[index + 1]
                if next == UInt8(ascii: "!") {
                    guard index + 9 <= window.count else { return }
                    if String(decoding: window[index..<(index + 9)], as: UTF8.self).uppercased() == "<!DOCTYPE" { throw Found() }
                } else if next != UInt8(ascii: "?") {
                    active = false
                    window = []
                    return
                }
            }
            index += 1
        }
        // Not UTF-8, or an endless prolog: libxml2's own DOCTYPE check decides.
        if window.count > 65_536 { active = false; window = [] }
    }
}

enum XMLName {
    nonisolated(unsafe) static let emptyString: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    /// Compares a NUL-terminated libxml2 name with an ASCII literal.
    @inline(__always)
    static func equals(_ pointer: UnsafePointer<UInt8>?, _ name: StaticString) -> Bool {
        guard let pointer else { return false }
        let literal = name.utf8Start
        for index in 0..<name.utf8CodeUnitCount where pointer[index] != literal[index] { return false }
        return pointer[name.utf8CodeUnitCount] == 0
    }
}
