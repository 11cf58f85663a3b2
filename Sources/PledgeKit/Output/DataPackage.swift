import Foundation
import TableIO

/// `datapackage.json`: a Frictionless Data Package describing every CSV file (Japanese titles and
/// descriptions, types, constraints, keys and encoding), so that the portal and
/// `frictionless validate` understand the files without reading this code.
public enum DataPackage {
    struct Package: Encodable {
        var profile = "tabular-data-package"
        var name: String
        var title: String
        var description: String
        var resources: [Resource]
    }

    struct Resource: Encodable {
        var name: String
        var path: String
        var title: String
        var description: String
        var profile = "tabular-data-resource"
        var format = "csv"
        var mediatype = "text/csv"
        var encoding: String
        var dialect = Dialect()
        var schema: Schema
    }

    struct Dialect: Encodable {
        var delimiter = ","
        var lineTerminator = "\r\n"
        var quoteChar = "\""
        var doubleQuote = true
        var header = true
    }

    struct Schema: Encodable {
        var fields: [Field]
        var missingValues = [""]
        var primaryKey: [String]?
        var foreignKeys: [ForeignKey]?
    }

    struct ForeignKey: Encodable {
        struct Reference: Encodable { var resource: String; var fields: [String] }
        var fields: [String]
        var reference: Reference
    }

    struct Field: Encodable {
        var name: String
        var type: String
        var title: String
        var description: String
        var constraints: Constraints?
    }

    struct Constraints: Encodable {
        var required: Bool?
        var minimum: Double?
        var maximum: Double?
        var `enum`: [String]?
    }

    public static func json(for model: ReportModel, tables: [OpenDataTable], encoding: CSVEncoding) throws -> Data {
        let package = Package(
            name: "pledge-progress-\(model.year.year)",
            title: "市長公約の取組状況（\(model.year.label)）",
            description: model.layout.rated
                ? "市長公約の進捗状況（基本政策・公約・施策ごとの進捗と、担当部署の取組事業）。pledgekitで作成。"
                : "市長公約の取組状況（分野ごとの取組事業と、その状況別の件数。評価・進捗率はなし）。pledgekitで作成。",
            resources: tables.map { resource(for: $0, model: model, encoding: encoding) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(package) + Data("\n".utf8)
    }

    /// Python codec names, which frictionless passes to Python: `utf-8-sig` skips the BOM.
    static func encodingName(_ encoding: CSVEncoding) -> String {
        switch encoding {
        case .utf8: "utf-8"
        case .utf8BOM: "utf-8-sig"
        case .cp932: "cp932"
        case .utf16LE: "utf-16"
        case .utf16BE: "utf-16"
        }
    }

    static func resource(for table: OpenDataTable, model: ReportModel, encoding: CSVEncoding) -> Resource {
        let texts = model.layout.rated ? resourceTexts : resourceTexts.merging(unratedResourceTexts) { $1 }
        let (title, description) = texts[table.name] ?? (table.name, "")
        var schema = Schema(fields: table.header.map { field(named: $0, table: table.name, model: model) })
        switch table.name {
        case "summary": schema.primaryKey = ["fiscal_year", "id"]
        case "measures": schema.primaryKey = ["fiscal_year", "id"]
        case "activities":
            schema.foreignKeys = [ForeignKey(fields: ["fiscal_year", "measure_id"],
                                             reference: .init(resource: "measures", fields: ["fiscal_year", "id"]))]
        case "departments": schema.primaryKey = ["measure_id", "department"]
        default: break
        }
        return Resource(name: table.name, path: table.name + ".csv", title: title, description: description,
                        encoding: encodingName(encoding), schema: schema)
    }

    static let resourceTexts: [String: (String, String)] = [
        "summary": ("市長公約取組状況総括表", "年度ごとの全体・基本政策・公約の進捗率（%）。報告書の総括表と同じ数値。"),
        "measures": ("施策別の進捗", "施策ごとの取組事業数と、取組事業の10段階評価の平均（評点）、星の数。"),
        "activities": ("取組事業", "担当部署が報告した取組事業の内容と評価（または状況）。"),
        "departments": ("施策の担当部署", "計画上の施策と担当部署の対応。"),
        "reconciliation": ("照合結果", "入力ファイルの照合で見つかった問題の一覧。"),
    ]

    /// A plan without ratings (the Ageo report): no percentages, counts by status instead.
    static let unratedResourceTexts: [String: (String, String)] = [
        "summary": ("分野別・状況別の取組件数", "分野ごとの取組事業数と、状況（実施済・予算計上など）別の件数。この計画では進捗率を算出しないため progress_pct は空欄。"),
        "measures": ("分野別の取組事業数", "計画の最下位の階層（分野）ごとの取組事業数。評価のない計画のため score と stars は空欄。"),
        "activities": ("取組事業", "担当部署が報告した取組事業の内容と状況。評価のない計画のため rating は空欄。"),
    ]

    static func field(named name: String, table: String, model: ReportModel) -> Field {
        let required = Constraints(required: true)
        if table == "reconciliation" { return reconciliationField(named: name) }
        switch name {
        case "fiscal_year": return Field(name: name, type: "integer", title: "年度", description: "年度（西暦、4月始まり）", constraints: required)
        case "fiscal_year_label": return Field(name: name, type: "string", title: "年度（和暦）", description: "年度の和暦表記（例: 令和2年度）", constraints: required)
        case "level": return Field(name: name, type: "string", title: "階層", description: "overall=全体、policy=基本政策、pledge=公約", constraints: Constraints(required: true, enum: ["overall", "policy", "pledge", "measure"]))
        case "id": return Field(name: name, type: "string", title: table == "measures" ? "施策ID" : "ID", description: "階層番号をハイフンでつないだID（例: III-4-1）。全体はall", constraints: required)
        case "policy_no": return Field(name: name, type: "string", title: "基本政策番号", description: "基本政策の番号（ローマ数字はASCII表記）", constraints: nil)
        case "pledge_no": return Field(name: name, type: "integer", title: "公約番号", description: "基本政策内の公約の番号", constraints: nil)
        case "measure_no": return Field(name: name, type: "integer", title: "施策番号", description: "公約内の施策の番号", constraints: nil)
        case "title": return Field(name: name, type: "string", title: "名称", description: "基本政策・公約・施策の名称", constraints: required)
        case "progress_pct":
            let description = model.layout.rated
                ? "進捗率（%）。公約は施策の評点の平均×10、基本政策は公約の、全体は基本政策の進捗率（四捨五入後）の平均を四捨五入。空欄は報告なし"
                : "この計画では進捗率を算出しないため空欄"
            return Field(name: name, type: "number", title: "進捗率（%）", description: description, constraints: Constraints(minimum: 0, maximum: 100))
        case "activity_count":
            let description = table == "summary"
                ? "この年度に報告された、この分野（基本政策）以下の取組事業の件数。前年度の行は空欄"
                : "報告された取組事業の件数"
            return Field(name: name, type: "integer", title: "取組事業数", description: description, constraints: Constraints(minimum: 0))
        case "score":
            let description = model.layout.rated ? "取組事業の10段階評価の平均（0〜10、小数第2位まで四捨五入）。空欄は報告なし"
                : "この計画には評価がないため空欄"
            return Field(name: name, type: "number", title: "評点", description: description, constraints: Constraints(minimum: 0, maximum: 10))
        case "stars":
            let description = model.layout.rated ? "評点を四捨五入した整数（報告書の★の数）" : "この計画には評価がないため空欄"
            return Field(name: name, type: "integer", title: "星の数", description: description, constraints: Constraints(minimum: 0, maximum: 10))
        case "measure_id": return Field(name: name, type: "string", title: "施策ID", description: "施策のID（measures.csvのid）", constraints: required)
        case "department": return Field(name: name, type: "string", title: "担当部署", description: "担当部署名", constraints: required)
        case "activity": return Field(name: name, type: "string", title: "取組事業内容", description: "取組事業の内容（改行は空白に置換）", constraints: required)
        case "rating": return Field(name: name, type: "integer", title: "評価", description: "担当部署による10段階評価（0〜10）。評価のない計画では空欄", constraints: Constraints(minimum: 0, maximum: 10))
        case "status":
            let labels = model.layout.statuses.map(\.label)
            let description = labels.isEmpty
                ? (model.layout.rated ? "取組の状況" : "取組の状況（担当部署の記述）。空欄は記入なし")
                : "取組の状況。" + labels.joined(separator: "・") + "のいずれか（表記を統一済み）。空欄は記入なし"
            return Field(name: name, type: "string", title: "状況", description: description, constraints: labels.isEmpty ? nil : Constraints(enum: labels))
        default:
            if name.hasPrefix("count_"), let status = model.layout.statuses.first(where: { "count_" + $0.key == name }) {
                return Field(name: name, type: "integer", title: "件数（\(status.label)）",
                             description: "この年度に報告された取組事業のうち、状況が「\(status.label)」の件数。前年度の行は空欄",
                             constraints: Constraints(minimum: 0))
            }
            return Field(name: name, type: "string", title: name, description: "", constraints: nil)
        }
    }

    static func reconciliationField(named name: String) -> Field {
        let texts: [String: (String, String)] = [
            "severity": ("重要度", "error=エラー（集計できない）、warning=警告、info=情報"),
            "code": ("区分コード", "問題の種類を表す英字コード（例: rating.invalid）"),
            "file": ("ファイル", "問題のあったファイル（受付フォルダからの相対パス）"),
            "sheet": ("シート", "問題のあったシート名（CSVは空欄）"),
            "cell": ("セル", "問題のあったセル（例: F12）。行全体は12:12"),
            "measure_id": ("施策ID", "関係する施策のID"),
            "department": ("担当部署", "関係する担当部署"),
            "message": ("内容", "問題の説明"),
        ]
        let (title, description) = texts[name] ?? (name, "")
        let constraints = name == "severity" ? Constraints(required: true, enum: ["error", "warning", "info"])
            : name == "code" || name == "message" ? Constraints(required: true) : nil
        return Field(name: name, type: "string", title: title, description: description, constraints: constraints)
    }
}
