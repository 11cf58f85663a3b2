import PledgeCore
import Yams

/// What a scheme must satisfy beyond its types, checked once the file is decoded so that each
/// problem names the key and its line (exit 78).
enum SchemeLayoutCheck {
    static let levels = ["policy", "pledge", "measure", "overall"]

    static func check(_ layout: ReportLayout, root: Node.Mapping, file: String) throws(LayoutError) {
        func fail(_ path: [String], _ message: String) -> LayoutError {
            LayoutError("レイアウトファイル \(file)\(LayoutFile.line(mark(of: path, in: root))): \(path.joined(separator: ".")) \(message)")
        }
        if root["scheme"] != nil && root["rated"] != nil {
            throw fail(["rated"], "と scheme は同時に書けません（rated: true は0〜10の評価、false は評価なし。scheme を書くときは rated を消してください）。")
        }
        if root["figures"] != nil && root["scheme"] == nil {
            throw fail(["figures"], "を使うには scheme（評価の方式）を書いてください。")
        }
        guard root["scheme"] != nil else { return }
        let scheme = layout.scheme
        // A key the kind does not use would be ignored without a word: refuse it instead.
        let given = root["scheme"]?.mapping
        try checkScale(scheme, given: given, path: ["scheme"], fail: fail)
        if scheme.isEvaluated && scheme.evaluators.isEmpty {
            throw fail(["scheme", "evaluators"], "に評価する列を1つ以上書いてください（key と heading）。")
        }
        if let problem = duplicate(scheme.evaluators.map(\.key)) {
            throw fail(["scheme", "evaluators"], "で key「\(problem)」が2回使われています。")
        }
        if let bad = scheme.evaluators.map(\.key).first(where: { !isPhysicalName($0) }) {
            throw fail(["scheme", "evaluators"], "の key「\(bad)」は英小文字・数字・_ で書いてください。")
        }
        let items = given?["evaluators"]?.sequence ?? []
        for (index, evaluator) in scheme.evaluators.enumerated() where evaluator.hasOwnScale {
            let path = ["scheme", "evaluators", "\(index + 1)番目"]
            try checkScale(scheme.scale(for: evaluator.key), given: index < items.count ? items[index].mapping : nil, path: path, fail: fail)
        }
        let kpiEvaluators = scheme.evaluators.filter { scheme.scale(for: $0.key).kind == .kpi }
        if kpiEvaluators.isEmpty && given?["kpi"] != nil {
            throw fail(["scheme", "kpi"], "は成果指標（kind: kpi の scheme か評価者）があるときだけ書けます。")
        }
        if kpiEvaluators.count > 1 {
            throw fail(["scheme", "evaluators"], "で kind: kpi の評価者は1つだけにしてください（目標値・実績値の列は1組です）: \(kpiEvaluators.map(\.key).joined(separator: ", "))")
        }
        if scheme.combine == .mean, Set(scheme.evaluators.map { scheme.scale(for: $0.key) }.map { "\($0.kind)|\($0.minimum)|\($0.maximum)|\($0.grades)" }).count > 1 {
            throw fail(["scheme", "combine"], "の mean は、すべての評価者が同じ方式のときだけ使えます。方式の違う評価者（例: 1〜5 と A〜D）は separate にしてください。")
        }
        if layout.workbook?.style == .achievements {
            throw fail(["scheme"], "を使うレイアウトでは workbook.style を ratings（総括表と取組状況）にしてください。achievements は評価のない様式です。")
        }
        var produced: Set<String> = []
        for (index, rule) in layout.figures.enumerated() {
            let path = ["figures", "\(index + 1)番目"]
            if !rule.evaluator.isEmpty && !scheme.evaluators.contains(where: { $0.key == rule.evaluator }) {
                throw fail(path, "の evaluator「\(rule.evaluator)」は scheme.evaluators にありません（使える key: \(scheme.evaluators.map(\.key).joined(separator: ", "))）。")
            }
            // figures.csv is keyed by level, kind, evaluator and grade: two rules may not give the same figure.
            let code = rule.isShare ? SchemeFigures.shareCode(of: rule, scheme: scheme.scale(for: rule.evaluator)) : ""
            for series in SchemeFigures.series(of: rule, scheme: scheme) where !produced.insert("\(rule.kind)|\(series)|\(code)").inserted {
                throw fail(path, "は前の項目と同じ集計（kind: \(rule.kind.rawValue)\(series.isEmpty ? "" : "、evaluator: \(series)")）です。1つにまとめてください。")
            }
            if let bad = rule.levels.first(where: { !levels.contains($0) }) {
                throw fail(path, "の levels「\(bad)」は使えません（使える値: \(levels.joined(separator: ", "))）。")
            }
            if rule.kind != .share && !rule.atLeast.isEmpty {
                throw fail(path + ["atLeast"], "は kind: share（ある段階以上の割合）のときだけ書けます。")
            }
            if rule.kind != .shareOf && !rule.grades.isEmpty {
                throw fail(path + ["grades"], "は kind: share_of（選んだ段階の割合）のときだけ書けます。")
            }
            for series in SchemeFigures.series(of: rule, scheme: scheme) {
                let scale = scheme.scale(for: series)
                let allowed = scale.countingGrades.map(\.key).joined(separator: ", ")
                let who = series.isEmpty ? "" : "（evaluator: \(series)）"
                // A grade kept out of the count is in no share's numerator or denominator: a share of
                // it would always print 0.
                let named = rule.kind == .share ? [rule.atLeast] : rule.kind == .shareOf ? rule.grades : []
                if let outside = named.first(where: { name in
                    scale.grades.contains { ($0.key == name || $0.label == name) && !scale.isCounted(key: $0.key) }
                }) {
                    throw fail(path, "の段階「\(outside)」は評価対象外（counted: false）のため、割合には使えません\(who)。評価対象外の件数は kind: count で示してください。")
                }
                switch rule.kind {
                case .share:
                    if SchemeFigures.shareKeys(of: rule, scheme: scale) == nil {
                        throw fail(path, "の atLeast「\(rule.atLeast)」は評価の段階にありません\(who)（使える値: \(allowed)）。")
                    }
                case .shareOf:
                    if SchemeFigures.shareKeys(of: rule, scheme: scale) == nil {
                        throw fail(path, "の grades（\(rule.grades.joined(separator: ", "))）には評価の段階を1つ以上書いてください\(who)（使える値: \(allowed)）。")
                    }
                    if series.isEmpty && scheme.evaluators.count > 1 {
                        throw fail(path, "の kind: share_of は、複数の評価者を合わせた集計（combine: mean）には使えません。evaluator を書くか kind: share にしてください。")
                    }
                case .mean:
                    if scale.kind == .kpi {
                        throw fail(path, "の kind: mean は成果指標（kind: kpi）には使えません。達成率の平均は kind: achievement です\(who)。")
                    }
                    if scale.kind == .grades && scale.grades.allSatisfy({ $0.points == nil }) {
                        throw fail(path, "の kind: mean には、scheme.grades に points（点数）が必要です\(who)。")
                    }
                case .achievement:
                    if scale.kind != .kpi {
                        throw fail(path, "の kind: achievement（達成率の平均）は kind: kpi の評価者のときだけ使えます\(who)。")
                    }
                case .count, .items:
                    break
                }
            }
        }
    }

    /// The checks of one scale, the scheme's or an evaluator's own (`path` names where it is written).
    static func checkScale(_ scheme: EvaluationScheme, given: Node.Mapping?, path: [String],
                           fail: ([String], String) -> LayoutError) throws(LayoutError) {
        if scheme.kind != .range, let key = ["minimum", "maximum", "acceptsStars"].first(where: { given?[$0] != nil }) {
            throw fail(path + [key], "は kind: range のときだけ書けます（\(path.count == 1 ? "この scheme" : "この評価者") は kind: \(scheme.kind.rawValue)）。")
        }
        if scheme.kind == .range && given?["grades"] != nil {
            throw fail(path + ["grades"], "は kind: grades か kpi のときだけ書けます（kind: range は minimum〜maximum の整数）。")
        }
        if scheme.kind == .grades && scheme.grades.contains(where: { $0.minimumPercent != nil }) {
            throw fail(path + ["grades"], "の minimumPercent は kind: kpi（達成率の区分）のときだけ書けます。")
        }
        switch scheme.kind {
        case .range:
            if scheme.minimum > scheme.maximum {
                throw fail(path + ["maximum"], "は minimum（\(scheme.minimum)）以上にしてください（入力値: \(scheme.maximum)）。")
            }
        case .kpi:
            let bounds = scheme.grades.map(\.minimumPercent)
            if scheme.grades.isEmpty || bounds.last! != nil || bounds.dropLast().contains(where: { $0 == nil }) {
                throw fail(path + ["grades"], "には達成率の区分をよい順に書き、最後の区分以外に minimumPercent（その区分の下限 %）を書いてください（例: A 100、B 90、C 80、D なし）。")
            }
            let limits = bounds.compactMap { $0 }
            if zip(limits, limits.dropFirst()).contains(where: { $0 <= $1 }) {
                throw fail(path + ["grades"], "の minimumPercent は上の区分ほど大きくしてください（入力値: \(limits.map(String.init).joined(separator: "、"))）。")
            }
            if scheme.grades.contains(where: { !$0.counted }) {
                throw fail(path + ["grades"], "の counted: false は kind: grades の段階にだけ書けます（達成率の区分はすべて数えます）。")
            }
            fallthrough
        case .grades:
            if scheme.grades.isEmpty { throw fail(path + ["grades"], "に評価の段階を1つ以上書いてください（label と key）。") }
            if let problem = duplicate(scheme.grades.map(\.key)) ?? duplicate(scheme.grades.flatMap { [$0.label] + $0.symbols }.map(Normalize.key)) {
                throw fail(path + ["grades"], "で「\(problem)」が2回使われています。段階の label・key・symbols は重ならないようにしてください。")
            }
            if let bad = scheme.grades.map(\.key).first(where: { !isPhysicalName($0) }) {
                throw fail(path + ["grades"], "の key「\(bad)」は英小文字・数字・_ で書いてください（オープンデータの値になります）。")
            }
            if scheme.grades.allSatisfy({ !$0.counted }) {
                throw fail(path + ["grades"], "の段階がすべて counted: false です。少なくとも1つは数える段階にしてください。")
            }
        case .none:
            if path.count > 1 { throw fail(path + ["kind"], "に none は書けません（評価者には range、grades、kpi のいずれか）。") }
        }
    }

    static func duplicate(_ values: [String]) -> String? {
        var seen: Set<String> = []
        return values.first { !seen.insert($0).inserted }
    }

    static func isPhysicalName(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    /// The line of a key (`figures.2番目` is the second item), or of the deepest part found.
    static func mark(of path: [String], in root: Node.Mapping) -> Mark? {
        var node: Node? = Node.mapping(root)
        var found: Mark? = nil
        for part in path {
            if let mapping = node?.mapping, let key = mapping.first(where: { $0.key.string == part }) {
                found = key.key.mark
                node = key.value
            } else if let items = node?.sequence, let number = Int(part.prefix { $0.isNumber }), number >= 1, number <= items.count {
                node = items[number - 1]
                found = node?.mark
            } else {
                break
            }
        }
        return found
    }
}
