import TableIO

/// Why a workbook is refused. Every case becomes a Japanese message for the department that sent
/// the file; `tableReadError(file:)` names the file (and the sheet or cell where there is one).
public enum XLSXReadError: Error, Sendable, Equatable {
    /// An OLE compound file (`D0 CF 11 E0`): an Excel 97-2003 `.xls`, or a password-encrypted workbook.
    case oleCompoundFile
    case notZip
    case truncated
    case damaged(part: String, detail: String)
    case fileTooLarge(bytes: Int)
    case tooManyEntries(count: Int)
    case unsafeEntryName(String)
    case duplicateEntryName(String)
    case encryptedEntry(String)
    case unsupportedZip(String)
    case suspiciousRatio(part: String, compressed: Int, uncompressed: Int)
    case inflatedSizeLimit(part: String, limit: Int)
    case doctype(part: String)
    case entityReference(part: String)
    case malformedXML(part: String, line: Int, detail: String)
    case missingPart(String)
    case tooManyCells(sheet: String)
    case badCell(sheet: String, row: Int, column: Int, detail: String)
    case fileNotFound
    case excel2007Beta
    case inflateBudget(limit: Int)
    case tooManyAttributes(part: String, limit: Int)
    case sheetsShareOnePart(part: String, sheets: [String])
    case rowBeyondLimit(sheet: String, row: Int)
    case cellTooLong(sheet: String, row: Int, column: Int, characters: Int)
    case tableTextLimit(sheet: String, row: Int, limit: Int)

    public var message: String {
        switch self {
        case .oleCompoundFile:
            return "Excel 97-2003形式(.xls)のファイル、またはパスワードで保護（暗号化）されたブックです。読み込めません。"
                + "パスワードを解除し、Excelで「Excelブック(*.xlsx)」として保存し直してください。"
        case .notZip:
            return "Excelブック(.xlsx)ではありません（ZIP形式になっていません）。Excelで「Excelブック(*.xlsx)」として保存し直してください。"
        case .truncated:
            return "ファイルが途中で切れています（壊れています）。もう一度保存して送り直してください。"
        case let .damaged(part, detail):
            return "ファイルが壊れています（\(part): \(detail)）。もう一度保存して送り直してください。"
        case let .fileTooLarge(bytes):
            return "ファイルが大きすぎます（\(bytes)バイト）。提出票として想定する大きさを超えているため読み込みません。"
        case let .tooManyEntries(count):
            return "ZIPの中の部品が多すぎます（\(count)個、上限\(ZipLimits.standard.maxEntries)個）。安全のため読み込みません。"
        case let .unsafeEntryName(name):
            return "ZIPの中に不正な部品名「\(name)」があります（「..」や「/」で始まる名前）。安全のため読み込みません。"
        case let .duplicateEntryName(name):
            return "ZIPの中に同じ名前の部品「\(name)」が複数あります。安全のため読み込みません。"
        case let .encryptedEntry(name):
            return "ZIPの部品「\(name)」が暗号化されています。パスワードを解除して保存し直してください。"
        case let .unsupportedZip(detail):
            return "このZIP形式には対応していません（\(detail)）。Excelで「Excelブック(*.xlsx)」として保存し直してください。"
        case let .suspiciousRatio(part, compressed, uncompressed):
            return "部品「\(part)」の圧縮率が異常です（圧縮\(compressed)バイトが展開すると\(uncompressed)バイト）。"
                + "ZIP爆弾の疑いがあるため読み込みません。"
        case let .inflatedSizeLimit(part, limit):
            return "部品「\(part)」を展開すると上限（\(limit)バイト）を超えます。ZIP爆弾の疑いがあるため読み込みません。"
        case let .doctype(part):
            return "部品「\(part)」にDOCTYPE宣言があります。Excelの作るファイルにはないもので、安全のため読み込みません。"
        case let .entityReference(part):
            return "部品「\(part)」にエンティティ参照があります。Excelの作るファイルにはないもので、安全のため読み込みません。"
        case let .malformedXML(part, line, detail):
            return "部品「\(part)」のXMLが壊れています（\(line)行目: \(detail)）。もう一度保存して送り直してください。"
        case let .missingPart(part):
            return "ブックに必要な部品「\(part)」がありません。Excelで「Excelブック(*.xlsx)」として保存し直してください。"
        case .tooManyCells:
            return TableLimits.tooManyCellsMessage
        case let .badCell(_, _, _, detail):
            return "セルの内容を読めません（\(detail)）。"
        case .fileNotFound:
            return "ファイルが見つかりません。"
        case .excel2007Beta:
            return "Excel 2007のベータ版の形式で保存されたブックです。読み込めません。"
                + "Excelで開き「Excelブック(*.xlsx)」として保存し直してください。"
        case let .inflateBudget(limit):
            return "ブックの部品を展開した合計が上限（\(Self.grouped(limit))バイト）を超えます。ZIP爆弾の疑いがあるため読み込みません。"
        case let .tooManyAttributes(part, limit):
            return "部品「\(part)」に属性が\(Self.grouped(limit))個を超える要素があります。Excelの作るファイルにはないもので、安全のため読み込みません。"
        case let .sheetsShareOnePart(part, sheets):
            return "\(sheets.count)枚のシート（\(sheets.prefix(3).map { "「\($0)」" }.joined(separator: ""))\(sheets.count > 3 ? "ほか" : "")）が"
                + "同じ部品「\(part)」を指しています（1部品に1シートまで）。Excelの作るファイルにはないもので、安全のため読み込みません。"
        case let .rowBeyondLimit(_, row):
            return TableLimits.rowBeyondMessage(row)
        case let .cellTooLong(_, _, _, characters):
            return TableLimits.cellTooLongMessage(characters: characters)
        case let .tableTextLimit(_, _, limit):
            return "シートの文字の合計が上限（\(Self.grouped(limit))バイト）を超えます（同じ長い文字列を多くのセルが参照しています）。安全のため読み込みません。"
        }
    }

    static func grouped(_ value: Int) -> String { TableLimits.grouped(value) }

    public func tableReadError(file: String) -> TableReadError {
        switch self {
        case let .tooManyCells(sheet):
            return TableReadError(SourceLocation(file: file, sheet: sheet), message)
        case let .badCell(sheet, row, column, _), let .cellTooLong(sheet, row, column, _):
            return TableReadError(SourceLocation(file: file, sheet: sheet, row: row, column: column), message)
        case let .rowBeyondLimit(sheet, row), let .tableTextLimit(sheet, row, _):
            return TableReadError(SourceLocation(file: file, sheet: sheet, row: row), message)
        default:
            return TableReadError(file: file, message)
        }
    }
}
