import CLibXML2

/// Which cell formats (`s` = index into `cellXfs`) show a number as a date or time.
struct CellStyles {
    /// `elapsed`: `[h]:mm:ss` and the like, a duration that may pass 24 hours (built-in 46).
    enum Kind: UInt8 { case number, date, time, elapsed }
    var kinds: [Kind] = []

    func kind(_ index: Int) -> Kind {
        index >= 0 && index < kinds.count ? kinds[index] : .number
    }

    init() {}

    init(zip: ZipArchiveGuard, part: String?) throws(XLSXReadError) {
        guard let part, let entry = zip.entry(part) else { return }
        let xml = try XMLPartReader(part: entry.name, source: zip.stream(entry))
        var custom: [Int: Kind] = [:]
        var inCellXfs = false
        while try xml.read() {
            if xml.isElement("numFmt") {
                var id: Int?, code = ""
                try xml.forEachAttribute { key, value in
                    if XMLName.equals(key, "numFmtId") { id = Int(String(cString: value)) }
                    else if XMLName.equals(key, "formatCode") { code = String(cString: value) }
                }
                if let id { custom[id] = Self.kind(ofFormatCode: code) }
            } else if xml.isElement("cellXfs") {
                inCellXfs = !xml.isEmptyElement
            } else if xml.isEndElement("cellXfs") {
                inCellXfs = false
            } else if inCellXfs && xml.isElement("xf") {
                let id = try xml.attribute("numFmtId").flatMap { Int($0) } ?? 0
                kinds.append(custom[id] ?? Self.builtIn(id))
            }
        }
    }

    /// Excel's built-in date and time formats, including the Japanese-locale ones (27–36, 50–58).
    static func builtIn(_ id: Int) -> Kind {
        switch id {
        case 14...17, 22, 27...31, 34...36, 50...58: return .date
        case 46: return .elapsed
        case 18...21, 32, 33, 45, 47: return .time
        default: return .number
        }
    }

    /// A custom format is a date if, outside quoted text, escapes and `[...]` (colours, locales),
    /// it has y, d, or e/g (Japanese era), or m without h or s; a time if it has h or s only.
    static func kind(ofFormatCode code: String) -> Kind {
        var hasDate = false, hasMonth = false, hasTime = false, hasElapsed = false
        var inQuote = false, inBracket = false, escaped = false
        var bracket = ""
        let section = code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? code
        let characters = Array(section.lowercased())
        if section.lowercased().contains("general") { return .number }
        for (index, character) in characters.enumerated() {
            if escaped { escaped = false; continue }
            if inQuote { if character == "\"" { inQuote = false }; continue }
            if inBracket {
                if character == "]" {
                    inBracket = false
                    // [h]:mm:ss, [mm]:ss: elapsed time; [Red], [$-411], [>100]: not.
                    if !bracket.isEmpty && bracket.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { hasElapsed = true }
                    bracket = ""
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case "e" where index + 1 < characters.count && (characters[index + 1] == "+" || characters[index + 1] == "-"):
                break  // scientific notation 0.00E+00
            case "y", "d", "e", "g": hasDate = true
            case "m": hasMonth = true
            case "h", "s": hasTime = true
            default: break
            }
        }
        if hasDate { return .date }
        if hasElapsed { return .elapsed }
        if hasTime { return .time }
        return hasMonth ? .date : .number
    }
}
