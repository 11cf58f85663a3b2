import Foundation
import PledgeCore
import Yams

/// Reads `layout.yaml` strictly, for every section in one place: the file must be a YAML mapping,
/// `version` (optional) must be 1, every key at every level must be a key of the layout (a misspelt
/// key would otherwise be ignored and its default printed), and any decoding problem becomes a
/// Japanese message naming the file, the key's path and its line. Every key stays optional.
///
/// The known keys are read from the layout's default value (its stored properties), so a new
/// section needs no code here: add the property with its default to its parent struct (e.g.
/// `public var publication: PublicationLayout = .init()` in ReportLayout) and one
/// `decodeIfPresent … ?? defaults.…` line in that struct's `init(from:)`. A section whose default
/// is nil cannot be looked into: give it a default value, or list it in `listItems`.
enum LayoutFile {
    static let supportedVersion = 1

    /// Keys of list items, which have no default to read them from (path of the list → an item).
    static let listItems: [String: any Sendable] = [
        "statuses": ReportLayout.Status(label: "", key: ""),
        "scheme.grades": Grade(label: "", key: ""),
        "scheme.evaluators": Evaluator(key: "", heading: ""),
        "scheme.evaluators.grades": Grade(label: "", key: ""),
        "figures": FigureRule(kind: .mean),
    ]

    static func load(_ file: URL) throws(LayoutError) -> ReportLayout {
        let name = file.path
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: file.path)
            throw LayoutError("レイアウトファイル \(name) "
                              + (exists ? "を UTF-8 のテキストとして読めません。" : "が見つかりません。レイアウトには layout.yaml を入れたフォルダを指定してください。"))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw LayoutError("レイアウトファイル \(name) をYAMLとして読めません（\(describe(error))）。")
        } catch {
            throw LayoutError("レイアウトファイル \(name) をYAMLとして読めません。")
        }
        guard let node else {
            throw LayoutError("レイアウトファイル \(name) が空です。少なくとも「version: 1」を書いてください（書かない項目は既定値になります）。")
        }
        guard let mapping = node.mapping else {
            throw LayoutError("レイアウトファイル \(name)\(line(node.mark)): 中身が「項目: 値」の形ではありません（例: version: 1）。")
        }
        if let version = mapping["version"] {
            guard version.int == supportedVersion else {
                throw LayoutError("レイアウトファイル \(name)\(line(version.mark)): version「\(version.string ?? "")」には対応していません（対応: \(supportedVersion)）。")
            }
        }
        try checkKeys(mapping, against: ReportLayout(), path: [], extra: ["version"], file: name)
        let layout: ReportLayout
        do {
            layout = try YAMLDecoder().decode(ReportLayout.self, from: node)
        } catch let error as DecodingError {
            throw LayoutError("レイアウトファイル \(name): \(describe(error))")
        } catch let error as LayoutError {
            throw LayoutError("レイアウトファイル \(name): \(error.description)")
        } catch {
            throw LayoutError("レイアウトファイル \(name) の内容を読めません。")
        }
        try SchemeLayoutCheck.check(layout, root: mapping, file: name)
        return layout
    }

    /// Walks the file's mappings beside the default layout's properties.
    static func checkKeys(_ mapping: Node.Mapping, against defaults: Any, path: [String], extra: [String] = [],
                          file: String) throws(LayoutError) {
        let children = properties(of: defaults)
        let known = children.map(\.name) + extra
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let section = path.isEmpty ? "最上位" : path.joined(separator: ".")
            guard let child = children.first(where: { $0.name == key }) else {
                if extra.contains(key) { continue }
                let near = NearestNames.nearest(to: key, among: known)
                let hint = near.isEmpty ? "使える項目: \(known.joined(separator: ", "))" : "もしかして: \(near.joined(separator: "、"))"
                throw LayoutError("レイアウトファイル \(file)\(line(keyNode.mark)): \(section) に不明な項目「\(key)」があります（\(hint)）。")
            }
            let childPath = path + [key]
            if let inner = value.mapping, !properties(of: child.value).isEmpty {
                try checkKeys(inner, against: child.value, path: childPath, file: file)
            } else if let items = value.sequence, let example = listItems[childPath.joined(separator: ".")] {
                for item in items { if let inner = item.mapping { try checkKeys(inner, against: example, path: childPath, file: file) } }
            }
        }
    }

    /// A struct's stored properties (an optional's wrapped value's); none for plain values.
    static func properties(of value: Any) -> [(name: String, value: Any)] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { properties(of: $0.value) } ?? []
        }
        guard mirror.displayStyle == .struct else { return [] }
        return mirror.children.compactMap { child in child.label.map { ($0, child.value) } }
    }

    static func line(_ mark: Mark?) -> String { mark.map { "（\($0.line)行目）" } ?? "" }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(mark.line)行目 \(mark.column)文字目: \(problem)"
        default:
            return "書き方に誤りがあります"
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func place(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "\($0 + 1)番目" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "最上位" : path
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(place(context)) に「\(key.stringValue)」がありません。"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(place(context)) の値の種類が違います（\(kind(of: type))を書いてください）。"
        case .dataCorrupted(let context):
            let japanese = context.debugDescription.unicodeScalars.contains { $0.value >= 0x3040 && $0.value <= 0x9FFF }
            if japanese { return context.debugDescription }
            let allowed = allowedValues[context.codingPath.last?.stringValue ?? ""].map { "（\($0)）" } ?? ""
            return "\(place(context)) の値が正しくありません\(allowed)。"
        @unknown default:
            return "内容が正しくありません。"
        }
    }

    /// The words a key with a fixed vocabulary takes, for the message about a wrong one.
    static let allowedValues = [
        "style": "ratings か achievements",
        "kind": "scheme では range、grades、kpi、figures では mean、count、share、share_of、items、achievement のいずれか",
        "combine": "separate か mean",
        "higherIsBetter": "ratio（実績値÷目標値）か fromBaseline（基準値からの改善÷目標までの改善）",
        "lowerIsBetter": "ratio（目標値÷実績値）か fromBaseline（基準値からの改善÷目標までの改善）",
        "meanOf": "children（下の階層の値の平均）か items（配下の施策すべての平均）",
    ]

    static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "文字列"
        case is Int.Type: "整数"
        case is Double.Type: "数値"
        case is Bool.Type: "true か false "
        case is [String].Type, is [Int].Type: "一覧（- で始まる行、または [ ] ）"
        case is WorkbookLayout.Style.Type: "ratings か achievements"
        default: "「項目: 値」の組"
        }
    }
}

/// `averaging:` with every key optional (the rules' own Codable needs them all).
struct LayoutAveraging: Decodable {
    var rules: AveragingRules

    private enum CodingKeys: String, CodingKey { case leafScale, levelDigits, overallDigits, averageRoundedChildren }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AveragingRules.tomakomai
        rules = AveragingRules(
            leafScale: try c.decodeIfPresent(Int.self, forKey: .leafScale) ?? d.leafScale,
            levelDigits: try c.decodeIfPresent([Int].self, forKey: .levelDigits) ?? d.levelDigits,
            overallDigits: try c.decodeIfPresent(Int.self, forKey: .overallDigits) ?? d.overallDigits,
            averageRoundedChildren: try c.decodeIfPresent(Bool.self, forKey: .averageRoundedChildren) ?? d.averageRoundedChildren)
    }
}
