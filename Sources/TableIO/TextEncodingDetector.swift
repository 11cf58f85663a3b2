import Foundation

/// The encodings a department's CSV arrives in. Excel saves CP932 by default, "CSV UTF-8" with a
/// BOM, and "Unicode text" as UTF-16 with a BOM.
public enum CSVEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case cp932 = "cp932"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// The name a clerk knows it by.
    var japaneseName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8BOM: "UTF-8（BOM付き）"
        case .cp932: "Shift_JIS(CP932)"
        case .utf16LE, .utf16BE: "UTF-16"
        }
    }

    /// Foundation's name for decoding it.
    var foundation: String.Encoding {
        switch self {
        case .utf8, .utf8BOM: .utf8
        case .cp932: .shiftJIS
        case .utf16LE: .utf16LittleEndian
        case .utf16BE: .utf16BigEndian
        }
    }
}

/// Decides a CSV's encoding from its bytes: a BOM if present, else the rows' votes
/// (`EncodingScan`): UTF-8 if no row needs CP932, CP932 if no row needs UTF-8, and run by run when
/// rows of both are found. What the evidence cannot decide is refused rather than guessed, since
/// a wrong guess would publish mojibake: a file that is not text, a row valid in neither encoding,
/// a row that reads as Japanese both ways, each naming the row.
public enum TextEncodingDetector {
    /// How many bytes of a file are looked at before its size is even considered.
    static let headBytes = 64 << 10

    /// What the first bytes say: the BOM's encoding, or nil when the rows must decide. Refuses
    /// what is plainly no text (a workbook, a NUL byte), so a huge binary file costs one read.
    static func sniff(_ head: UnsafeBufferPointer<UInt8>, file: String) throws(TableReadError) -> CSVEncoding? {
        let starts = { (magic: [UInt8]) in head.count >= magic.count && head.prefix(magic.count).elementsEqual(magic) }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            throw TableReadError(file: file, "CSVファイルではありません（Excel 97-2003形式のブックまたは暗号化されたブックです）。CSV形式で保存し直してください。")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            throw TableReadError(file: file, "CSVファイルではありません（ZIP形式、.xlsxのブックと思われます）。拡張子を確認してください。")
        }
        if starts([0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if starts([0xFF, 0xFE]) { return .utf16LE }
        if starts([0xFE, 0xFF]) { return .utf16BE }
        if head.contains(0) { throw binary(file) }
        return nil
    }

    static func bomLength(_ encoding: CSVEncoding?) -> Int {
        switch encoding {
        case .utf8BOM: 3
        case .utf16LE, .utf16BE: 2
        default: 0
        }
    }

    static func binary(_ file: String) -> TableReadError {
        TableReadError(file: file, "CSVファイルではありません（バイナリデータを含んでいます）。")
    }

    /// How a file is read once its rows are scanned: in one encoding, or run by run
    /// (`RunTranscoder`) when its lines are of both.
    struct Reading: Equatable {
        let encoding: CSVEncoding
        let runByRun: Bool
    }

    /// The reading the scan found, or the refusal naming the row.
    static func reading(_ verdict: EncodingScan.Verdict, declared: CSVEncoding?, file: String) throws(TableReadError) -> Reading {
        switch verdict {
        case .utf8: return Reading(encoding: declared ?? .utf8, runByRun: false)
        case .cp932: return Reading(encoding: .cp932, runByRun: false)
        case let .mixed(majority, _, _, _, _): return Reading(encoding: majority, runByRun: true)
        case .binary: throw binary(file)
        case let .invalid(row):
            throw TableReadError(SourceLocation(file: file, row: row),
                                 "文字コードを判別できません（\(row)行目に、UTF-8としてもShift_JIS(CP932)としても読めないバイト列があります）。"
                                 + "ExcelでCSV形式またはCSV UTF-8形式で保存し直してください。")
        case let .undecidable(row, mixed):
            throw undecidable(row: row, mixed: mixed, file: file)
        }
    }

    /// What a file of both encodings is told: which lines were read in the other one.
    static func mixedNotice(_ verdict: EncodingScan.Verdict, file: String) -> TableNotice? {
        guard case let .mixed(majority, _, minority, minorityRow, minorityRows) = verdict else { return nil }
        let others = minorityRows > 1 ? "（ほか\(TableLimits.grouped(minorityRows - 1))行）" : ""
        return TableNotice(SourceLocation(file: file, row: minorityRow),
                           "文字コードが混在しています。ファイルは\(majority.japaneseName)ですが、\(minorityRow)行目\(others)には"
                           + "\(minority.japaneseName)の文字列があり、それぞれの文字コードで読みました（文字化けはありません）。"
                           + "ほかのソフトで開くと一部が文字化けするため、ファイル全体を一つの文字コードで保存し直すことをお勧めします。",
                           kind: .mixedEncoding)
    }

    static func undecidable(row: Int, mixed: Bool, file: String) -> TableReadError {
        let why = mixed
            ? "UTF-8の行とShift_JIS(CP932)の行が混在しており、\(row)行目にどちらとしても読める文字列があるため、どちらの文字コードか決められません"
            : "\(row)行目の文字列はUTF-8としてもShift_JIS(CP932)としても日本語として読めるため、どちらの文字コードか決められません"
        return TableReadError(SourceLocation(file: file, row: row),
                              "文字コードを判別できません（\(why)）。推測で読むと文字化けしたまま公表されるおそれがあるため読み込みません。"
                              + "ファイル全体を一つの文字コードで保存し直してください（Excelで「CSV UTF-8（コンマ区切り）」として保存するなど）。")
    }

    /// Decodes a whole file held in memory (`CSVReader.read` streams a file instead).
    public static func decode(_ data: Data, file: String) throws(TableReadError) -> (text: String, encoding: CSVEncoding) {
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBufferPointer { all throws(TableReadError) in
            let declared = try sniff(UnsafeBufferPointer(rebasing: all.prefix(headBytes)), file: file)
            let body = UnsafeBufferPointer(rebasing: all.dropFirst(bomLength(declared)))
            var reading = Reading(encoding: declared ?? .utf8, runByRun: false)
            if declared == nil || declared == .utf8BOM {
                var scan = EncodingScan(declaredUTF8: declared == .utf8BOM)
                _ = scan.feed(body)
                reading = try self.reading(scan.finish(), declared: declared, file: file)
            }
            if reading.runByRun {
                return (try CSVReader.decodeRunByRun(body, file: file), reading.encoding)
            }
            guard let text = String(bytes: body, encoding: reading.encoding.foundation) else {
                throw TableReadError(file: file, "\(declared?.japaneseName ?? "Shift_JIS(CP932)")として読めないバイト列があります。")
            }
            return (text, reading.encoding)
        }
    }
}
