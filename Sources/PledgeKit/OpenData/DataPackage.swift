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
        var homepage: String?
        var version: String
        var created: String
        var keywords: [String]
        var licenses: [License]
        var contributors: [Contributor]?
        var sources: [Source]
        var municipality: Municipality?
        var resources: [Resource]
    }

    struct License: Encodable { var name: String; var title: String; var path: String? }
    struct Contributor: Encodable { var title: String; var role: String; var organization: String?; var email: String?; var path: String? }
    struct Source: Encodable { var title: String; var path: String? }
    struct Municipality: Encodable { var code: String; var name: String }

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
        var pattern: String?
        var `enum`: [String]?
    }

    /// `encoded` holds each CSV's bytes by table name: a CP932 file's declared encoding depends on them.
    public static func json(for model: ReportModel, tables: [OpenDataTable], encoding: CSVEncoding,
                            encoded: [String: Data] = [:]) throws -> Data {
        let publication = model.layout.publication
        let city = publication.municipalityName
        var contributors: [Contributor] = []
        if !publication.organisation.isEmpty {
            contributors.append(Contributor(title: publication.organisation, role: "author",
                                            organization: city.isEmpty ? nil : city))
        }
        let contact = publication.contact
        if !contact.name.isEmpty {
            contributors.append(Contributor(title: contact.name, role: "maintainer", organization: city.isEmpty ? nil : city,
                                            email: contact.email, path: contact.url))
        }
        var sources = submittedFiles(model).map { Source(title: $0) }
        if let url = publication.reportUrl { sources.insert(Source(title: "公表資料（報告書）", path: url), at: 0) }
        let package = Package(
            name: datasetName(model),
            title: (city.isEmpty ? "" : city + " ") + "市長公約の取組状況（\(model.year.label)）",
            description: (model.layout.rated
                ? "市長公約の進捗状況（基本政策・公約・施策ごとの進捗と、担当部署の取組事業）。"
                : model.layout.hasOwnScheme
                ? "市長公約の取組状況（取組事業ごとの評価 evaluations.csv と、階層ごとの評価の集計 figures.csv）。"
                : "市長公約の取組状況（分野ごとの取組事業と、その状況別の件数。評価・進捗率はなし）。")
                + "各CSVの municipality_code（全国地方公共団体コード）で市町村を区別できる。"
                + "コード値の意味は codes.csv、各取組事業の出典（提出ファイル・シート・セル）は activities.csv の source_* 列。pledgekitで作成。",
            homepage: publication.reportUrl,
            version: publication.version,
            created: createdStamp(model),
            keywords: publication.allKeywords,
            licenses: [License(name: publication.license.name, title: publication.license.title,
                               path: publication.license.path.isEmpty ? nil : publication.license.path)],
            contributors: contributors.isEmpty ? nil : contributors,
            sources: sources,
            municipality: publication.municipalityCode.isEmpty ? nil
                : Municipality(code: publication.municipalityCode, name: city),
            resources: tables.map { resource(for: $0, model: model, encoding: encodingName(encoding, bytes: encoded[$0.name])) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(package) + Data("\n".utf8)
    }

    /// Unique on a shared portal: municipality code, plan and fiscal year (`012131-mayor-pledges-4th-term-fy2020`).
    static func datasetName(_ model: ReportModel) -> String {
        let publication = model.layout.publication
        let code = publication.municipalityCode.isEmpty ? "" : publication.municipalityCode + "-"
        return "\(code)\(publication.planId)-fy\(model.year.year)"
    }

    /// The fiscal year's last day, as in the workbook's properties: never the clock, so reruns give the same bytes.
    static func createdStamp(_ model: ReportModel) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: model.year.lastDay)
    }

    /// The department files whose activities are counted, as named inside the inbox.
    static func submittedFiles(_ model: ReportModel) -> [String] {
        Array(Set(model.activities.map(\.location.file))).sorted()
    }

    /// IANA charset names, which frictionless also accepts (it looks them up as Python codecs; a BOM is
    /// detected and skipped under `UTF-8`). A CP932 file is `Shift_JIS` while it holds only JIS X 0208
    /// characters, which both readings decode alike; with a Windows extension character (①, Ⅰ, 髙) it is
    /// `windows-31j`, the IANA name for CP932, so that no reader is told a narrower set than was written.
    static func encodingName(_ encoding: CSVEncoding, bytes: Data? = nil) -> String {
        switch encoding {
        case .utf8, .utf8BOM: "UTF-8"
        case .cp932: bytes.map(usesWindowsExtensions) == true ? "windows-31j" : "Shift_JIS"
        case .utf16LE, .utf16BE: "UTF-16"
        }
    }

    /// Whether CP932 bytes use a lead byte outside JIS X 0208: NEC row 13 (0x87), NEC-selected IBM
    /// extensions (0xED, 0xEE), IBM extensions (0xFA–0xFC) or the user-defined area (0xF0–0xF9).
    static func usesWindowsExtensions(_ data: Data) -> Bool {
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte) {
                if byte == 0x87 || byte == 0xED || byte == 0xEE || byte >= 0xF0 { return true }
                index = data.index(index, offsetBy: 2, limitedBy: data.endIndex) ?? data.endIndex
            } else {
                index = data.index(after: index)
            }
        }
        return false
    }

    static func resource(for table: OpenDataTable, model: ReportModel, encoding: String) -> Resource {
        let texts = model.layout.rated ? resourceTexts
            : resourceTexts.merging(model.layout.hasOwnScheme ? schemeResourceTexts : unratedResourceTexts) { $1 }
        let (title, text) = texts[table.name] ?? (table.name, "")
        // Each share states what it is out of (issue 27): in the label and here.
        let shares = table.name == "figures" && model.layout.hasOwnScheme ? model.shareDescriptions.map(\.text) : []
        let description = shares.isEmpty ? text : text + "割合の分母: " + shares.joined(separator: "。") + "。"
        var schema = Schema(fields: table.header.map { withFormulaNote(field(named: $0, table: table.name, model: model)) })
        let city = table.header.first == "municipality_code" ? ["municipality_code"] : []
        func key(_ fields: [String], to resource: String, _ referenced: [String]) -> ForeignKey {
            ForeignKey(fields: city + fields, reference: .init(resource: resource, fields: city + referenced))
        }
        switch table.name {
        case "summary": schema.primaryKey = city + ["fiscal_year", "id"]
        case "measures":
            schema.primaryKey = city + ["fiscal_year", "id"]
            schema.foreignKeys = [key(["fiscal_year", "policy_id"], to: "summary", ["fiscal_year", "id"])]
            if model.plan.depth >= 3 {
                schema.foreignKeys! += [key(["fiscal_year", "pledge_id"], to: "summary", ["fiscal_year", "id"])]
            }
        case "activities":
            schema.foreignKeys = [key(["fiscal_year", "measure_id"], to: "measures", ["fiscal_year", "id"])]
        case "departments":
            schema.primaryKey = city + ["fiscal_year", "measure_id", "department"]
            schema.foreignKeys = [key(["fiscal_year", "measure_id"], to: "measures", ["fiscal_year", "id"])]
        case "codes": schema.primaryKey = city + ["code_list", "code"]
        default: schemeKeys(table.name, city: city, schema: &schema)
        }
        return Resource(name: table.name, path: table.name + ".csv", title: title, description: description,
                        encoding: encoding, schema: schema)
    }

    static let resourceTexts: [String: (String, String)] = [
        "summary": ("市長公約取組状況総括表", "年度ごとの全体・基本政策・公約の進捗率（%）。報告書の総括表と同じ数値。"),
        "measures": ("施策別の進捗", "施策ごとの取組事業数と、取組事業の10段階評価の平均（評点）、星の数。"),
        "activities": ("取組事業", "担当部署が報告した取組事業の内容と評価（または状況）。"),
        "departments": ("施策の担当部署", "計画上の施策と担当部署の対応。"),
        "reconciliation": ("照合結果", "入力ファイルの照合で見つかった問題の一覧。code の意味は codes.csv（code_list=reconciliation_code）。"),
        "codes": ("コード表", "各CSVのコード値（階層 level、重要度 severity、照合結果の区分 code、状況 status）の一覧と日本語の意味。"),
    ]

    /// A plan without ratings (the Ageo report): no percentages, counts by status instead.
    static let unratedResourceTexts: [String: (String, String)] = [
        "summary": ("分野別・状況別の取組件数", "分野ごとの取組事業数と、状況（実施済・予算計上など）別の件数。この計画では進捗率を算出しないため progress_pct は空欄。"),
        "measures": ("分野別の取組事業数", "計画の最下位の階層（分野）ごとの取組事業数。評価のない計画のため score と stars は空欄。"),
        "activities": ("取組事業", "担当部署が報告した取組事業の内容と状況。評価のない計画のため rating は空欄。"),
    ]

    static func field(named name: String, table: String, model: ReportModel) -> Field {
        let required = Constraints(required: true)
        if name == "municipality_code" { return municipalityField(model) }
        if table == "reconciliation" { return reconciliationField(named: name) }
        if table == "codes" { return codeField(named: name, model: model) }
        if model.layout.hasOwnScheme, let field = schemeField(named: name, table: table, model: model) { return field }
        switch name {
        case "fiscal_year": return Field(name: name, type: "integer", title: "年度", description: "年度（西暦、4月始まり）", constraints: required)
        case "fiscal_year_label": return Field(name: name, type: "string", title: "年度（和暦）", description: "年度の和暦表記（例: 令和2年度）", constraints: required)
        case "level": return Field(name: name, type: "string", title: "階層", description: "overall=全体、policy=基本政策（1階層の計画では分野）、pledge=公約、measure=施策（codes.csv の code_list=level）", constraints: Constraints(required: true, enum: ["overall", "policy", "pledge", "measure"]))
        case "id": return Field(name: name, type: "string", title: table == "measures" ? "施策ID" : "ID", description: "階層番号をハイフンでつないだID（例: III-4-1、1階層の計画では 1）。数字だけでも文字列として扱う。全体はall", constraints: required)
        case "policy_id": return Field(name: name, type: "string", title: "基本政策ID", description: "この施策が属する基本政策のID（summary.csv の id）。1階層の計画では施策（分野）自身のID", constraints: required)
        case "pledge_id":
            let pledges = model.plan.depth >= 3
            return Field(name: name, type: "string", title: "公約ID",
                         description: pledges ? "この施策が属する公約のID（summary.csv の id、例: III-4）" : "この計画には公約の階層がないため空欄",
                         constraints: pledges ? required : nil)
        case "policy_no": return Field(name: name, type: "string", title: "基本政策番号", description: "基本政策の番号（ローマ数字はASCII表記）。全体の行は空欄", constraints: nil)
        case "pledge_no":
            let description = table == "summary"
                ? "基本政策内の公約の番号。空欄は公約の行ではないこと（全体・基本政策の行）"
                : "基本政策内の公約の番号。空欄はこの計画に公約の階層がないこと"
            return Field(name: name, type: "integer", title: "公約番号", description: description, constraints: nil)
        case "measure_no": return Field(name: name, type: "integer", title: "施策番号", description: "公約内の施策の番号。空欄はこの計画に施策の階層がないこと", constraints: nil)
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
            return Field(name: name, type: "integer", title: "取組事業数（件）", description: description, constraints: Constraints(minimum: 0))
        case "score":
            let description = model.layout.rated ? "取組事業の10段階評価の平均（0〜10、小数第2位まで四捨五入）。空欄は報告なし"
                : "この計画には評価がないため空欄"
            return Field(name: name, type: "number", title: "評点（0〜10点）", description: description, constraints: Constraints(minimum: 0, maximum: 10))
        case "stars":
            let description = model.layout.rated ? "評点を四捨五入した整数（報告書の★の数）。空欄はこの年度に報告がなく評点がないこと（0ではない）" : "この計画には評価がないため空欄"
            return Field(name: name, type: "integer", title: "星の数（個、0〜10）", description: description, constraints: Constraints(minimum: 0, maximum: 10))
        case "measure_id": return Field(name: name, type: "string", title: "施策ID", description: "施策のID（measures.csvのid）", constraints: required)
        case "department": return Field(name: name, type: "string", title: "担当部署", description: "担当部署名", constraints: required)
        case "source_file": return Field(name: name, type: "string", title: "出典ファイル", description: "この取組事業を読んだ提出ファイル（受付フォルダからの相対パス）", constraints: required)
        case "source_sheet": return Field(name: name, type: "string", title: "出典シート", description: "提出ファイルのシート名。CSVの提出では空欄", constraints: nil)
        case "source_cell": return Field(name: name, type: "string", title: "出典セル", description: "取組事業内容を読んだセル（例: E14）", constraints: required)
        case "activity": return Field(name: name, type: "string", title: "取組事業内容", description: "取組事業の内容（改行は空白に置換）", constraints: required)
        case "rating": return Field(name: name, type: "integer", title: "評価（0〜10点）", description: "担当部署による10段階評価（0〜10）。評価のない計画では空欄", constraints: Constraints(minimum: 0, maximum: 10))
        case "status":
            let labels = model.layout.statuses.map(\.label)
            let description = labels.isEmpty
                ? (model.layout.rated ? "取組の状況" : "取組の状況（担当部署の記述）。空欄は記入なし")
                : "取組の状況。" + labels.joined(separator: "・") + "のいずれか（表記を統一済み、codes.csv の code_list=status）。空欄は記入なし"
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

    /// A free text field (a string bound by no code list or pattern): `OpenDataWriter` writes it
    /// through `FormulaGuard`, so its description says what a leading `'` means.
    static func isFreeText(_ field: Field) -> Bool {
        field.type == "string" && field.constraints?.enum == nil && field.constraints?.pattern == nil
    }

    static func withFormulaNote(_ field: Field) -> Field {
        guard isFreeText(field) else { return field }
        var noted = field
        noted.description += (noted.description.isEmpty ? "" : "。") + "= + - @ タブ・CR（または '）で始まる値は、表計算ソフトで数式として実行されないよう先頭に ' を1文字付けている（OWASP CSV Injection の対策。元の値はその ' を除いたもの）"
        return noted
    }

    static func municipalityField(_ model: ReportModel) -> Field {
        let publication = model.layout.publication
        let description = publication.municipalityCode.isEmpty
            ? "全国地方公共団体コード（6桁、検査数字付き）。レイアウトに publication.municipalityCode がないため空欄"
            : "全国地方公共団体コード（6桁、検査数字付き）。\(publication.municipalityName)は\(publication.municipalityCode)"
        return Field(name: "municipality_code", type: "string", title: "全国地方公共団体コード", description: description,
                     constraints: publication.municipalityCode.isEmpty ? Constraints(pattern: "[0-9]{6}")
                         : Constraints(required: true, pattern: "[0-9]{6}", enum: [publication.municipalityCode]))
    }

    static func codeField(named name: String, model: ReportModel) -> Field {
        let texts: [String: (String, String)] = [
            "code_list": ("コード表の名前", "level=summary.csv の level、severity=reconciliation.csv の severity、reconciliation_code=reconciliation.csv の code、status=activities.csv の status"),
            "code": ("コード", "各CSVに現れる値"),
            "label": ("名称", "コードの日本語の名称"),
            "description": ("説明", "コードの意味"),
        ]
        var (title, description) = texts[name] ?? (name, "")
        if name == "code_list" && model.layout.hasOwnScheme {
            description += "、figure_kind=figures.csv の kind、evaluator=figures.csv・evaluations.csv の evaluator、grade=figures.csv の grade"
        }
        return Field(name: name, type: "string", title: title, description: description,
                     constraints: name == "code_list" ? Constraints(required: true, enum: CodeTable.listNames(model))
                         : name == "description" ? nil : Constraints(required: true))
    }

    static func reconciliationField(named name: String) -> Field {
        let texts: [String: (String, String)] = [
            "severity": ("重要度", "error=エラー（集計できない）、warning=警告、info=情報"),
            "code": ("区分コード", "問題の種類を表す英字コード（例: rating.invalid）。意味は codes.csv（code_list=reconciliation_code）"),
            "file": ("ファイル", "問題のあったファイル（受付フォルダからの相対パス）"),
            "sheet": ("シート", "問題のあったシート名（CSVは空欄）"),
            "cell": ("セル", "問題のあったセル（例: F12）。行全体は12:12"),
            "measure_id": ("施策ID", "関係する施策のID"),
            "department": ("担当部署", "関係する担当部署"),
            "message": ("内容", "問題の説明"),
        ]
        let (title, description) = texts[name] ?? (name, "")
        let constraints = name == "severity" ? Constraints(required: true, enum: ["error", "warning", "info"])
            : name == "code" ? Constraints(required: true, enum: DiagnosticCode.allCases.map(\.rawValue))
            : name == "message" ? Constraints(required: true) : nil
        return Field(name: name, type: "string", title: title, description: description, constraints: constraints)
    }
}
