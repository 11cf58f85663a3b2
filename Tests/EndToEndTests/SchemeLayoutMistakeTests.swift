import Foundation
import PledgeKit
import Testing

/// A scheme that does not hold together stops the run (exit 78, `.invalidLayout`) with a message naming the key and
/// its line, before anything is read or written (LayoutMistakeTests does the same for the other keys).
@Suite struct SchemeLayoutMistakeTests {
    static let grades = "scheme:\n  kind: grades\n  grades:\n    - label: 達成\n      key: achieved\n    - label: 順調\n      key: on_track\n"
    static let kpi = "scheme:\n  kind: kpi\n  grades:\n    - {label: A, key: a, minimumPercent: 100}\n    - {label: B, key: b}\n"

    @Test(arguments: [
        ("scheme:\n  kind: grades\n  grade: []\n", "（3行目）: scheme に不明な項目「grade」があります（もしかして: grades）。"),
        (grades + "    - label: 遅れ\n      kye: delayed\n", "（9行目）: scheme.grades に不明な項目「kye」があります（もしかして: key）。"),
        ("rated: true\nscheme:\n  kind: range\n", "（1行目）: rated と scheme は同時に書けません（rated: true は0〜10の評価、false は評価なし。scheme を書くときは rated を消してください）。"),
        ("scheme:\n  kind: range\n  minimum: 5\n  maximum: 1\n", "（4行目）: scheme.maximum は minimum（5）以上にしてください（入力値: 1）。"),
        ("scheme:\n  kind: grades\n", "（1行目）: scheme.grades に評価の段階を1つ以上書いてください（label と key）。"),
        (grades + "    - label: 達成\n      key: done\n", "（3行目）: scheme.grades で「達成」が2回使われています。段階の label・key・symbols は重ならないようにしてください。"),
        (grades + "figures:\n  - kind: share\n    atLeast: good\n", "（9行目）: figures.1番目 の atLeast「good」は評価の段階にありません（使える値: achieved, on_track）。"),
        (grades + "figures:\n  - kind: mean\n", "（9行目）: figures.1番目 の kind: mean には、scheme.grades に points（点数）が必要です。"),
        (grades + "figures:\n  - kind: count\n    evaluator: external\n", "（9行目）: figures.1番目 の evaluator「external」は scheme.evaluators にありません（使える key: rating）。"),
        (grades + "figures:\n  - kind: count\n  - kind: count\n", "（10行目）: figures.2番目 は前の項目と同じ集計（kind: count）です。1つにまとめてください。"),
        ("figures:\n  - kind: count\n", "（1行目）: figures を使うには scheme（評価の方式）を書いてください。"),
        (grades + "  maximum: 5\n", "（8行目）: scheme.maximum は kind: range のときだけ書けます（この scheme は kind: grades）。"),
        ("scheme:\n  kind: range\n  grades: []\n", "（3行目）: scheme.grades は kind: grades か kpi のときだけ書けます（kind: range は minimum〜maximum の整数）。"),
        ("scheme:\n  kind: kpi\n  grades:\n    - label: A\n      key: a\n    - label: B\n      key: b\n",
         "（3行目）: scheme.grades には達成率の区分をよい順に書き、最後の区分以外に minimumPercent（その区分の下限 %）を書いてください（例: A 100、B 90、C 80、D なし）。"),
        ("scheme:\n  kind: kpi\n  grades:\n    - label: A\n      key: a\n      minimumPercent: 90\n    - label: B\n      key: b\n      minimumPercent: 100\n    - label: C\n      key: c\n",
         "（3行目）: scheme.grades の minimumPercent は上の区分ほど大きくしてください（入力値: 90、100）。"),
        (grades + "figures:\n  - kind: achievement\n", "（9行目）: figures.1番目 の kind: achievement（達成率の平均）は kind: kpi の評価者のときだけ使えます。"),
        // Issue 27's keys: misspelt, out of place, or not holding together.
        (kpi + "  kpi:\n    lowerIsBeter: fromBaseline\n", "（7行目）: scheme.kpi に不明な項目「lowerIsBeter」があります（もしかして: lowerIsBetter）。"),
        (grades + "figures:\n  - kind: share_of\n", "（9行目）: figures.1番目 の grades（）には評価の段階を1つ以上書いてください（使える値: achieved, on_track）。"),
        (grades + "figures:\n  - kind: share_of\n    grades: [達成, 遅れ]\n", "（9行目）: figures.1番目 の grades（達成, 遅れ）には評価の段階を1つ以上書いてください（使える値: achieved, on_track）。"),
        (grades + "figures:\n  - kind: share_of\n    atLeast: 達成\n", "（10行目）: figures.1番目.atLeast は kind: share（ある段階以上の割合）のときだけ書けます。"),
        (grades + "figures:\n  - kind: share\n    grades: [達成]\n", "（10行目）: figures.1番目.grades は kind: share_of（選んだ段階の割合）のときだけ書けます。"),
        (grades + "    - {label: −, key: none, counted: false}\nfigures:\n  - kind: share_of\n    grades: [−]\n",
         "（10行目）: figures.1番目 の段階「−」は評価対象外（counted: false）のため、割合には使えません。評価対象外の件数は kind: count で示してください。"),
        (grades + "    - {label: −, key: none, counted: false}\nfigures:\n  - kind: share\n    atLeast: none\n",
         "（10行目）: figures.1番目 の段階「none」は評価対象外（counted: false）のため、割合には使えません。評価対象外の件数は kind: count で示してください。"),
        (grades + "    - label: −\n      key: none\n      counted: false\n  evaluators:\n    - {key: self, heading: 自己評価, kind: range, minimum: 1, maximum: 5}\n    - {key: external, heading: 外部評価}\n  combine: mean\n",
         "（14行目）: scheme.combine の mean は、すべての評価者が同じ方式のときだけ使えます。方式の違う評価者（例: 1〜5 と A〜D）は separate にしてください。"),
        ("scheme:\n  kind: range\n  evaluators:\n    - {key: a, heading: A, kind: kpi, grades: [{label: A, key: a, minimumPercent: 100}, {label: B, key: b}]}\n    - {key: b, heading: B, kind: kpi, grades: [{label: A, key: a, minimumPercent: 100}, {label: B, key: b}]}\n",
         "（3行目）: scheme.evaluators で kind: kpi の評価者は1つだけにしてください（目標値・実績値の列は1組です）: a, b"),
        ("scheme:\n  kind: range\n  evaluators:\n    - {key: a, heading: A, kind: grades, grades: []}\n", "（4行目）: scheme.evaluators.1番目.grades に評価の段階を1つ以上書いてください（label と key）。"),
        ("scheme:\n  kind: range\n  evaluators:\n    - {key: a, heading: A, kind: grades, minimum: 1, grades: [{label: A, key: a}]}\n", "（4行目）: scheme.evaluators.1番目.minimum は kind: range のときだけ書けます（この評価者 は kind: grades）。"),
        ("scheme:\n  kind: range\n  evaluators:\n    - {key: a, heading: A, knd: grades}\n", "（4行目）: scheme.evaluators に不明な項目「knd」があります（もしかして: kind）。"),
        ("scheme:\n  kind: range\n  evaluators:\n    - key: a\n      heading: A\n      kind: grades\n      grades:\n        - {label: A, key: a, countd: false}\n",
         "（8行目）: scheme.evaluators.grades に不明な項目「countd」があります（もしかして: counted）。"),
        (grades + "  kpi:\n    capAtTarget: true\n", "（8行目）: scheme.kpi は成果指標（kind: kpi の scheme か評価者）があるときだけ書けます。"),
        ("scheme:\n  kind: grades\n  grades:\n    - {label: −, key: none, counted: false}\n", "（3行目）: scheme.grades の段階がすべて counted: false です。少なくとも1つは数える段階にしてください。"),
        ("scheme:\n  kind: kpi\n  grades:\n    - {label: A, key: a, minimumPercent: 100, counted: false}\n    - {label: B, key: b}\n", "（3行目）: scheme.grades の counted: false は kind: grades の段階にだけ書けます（達成率の区分はすべて数えます）。"),
    ])
    func badSchemeIsRefusedWithKeyAndLine(yaml: String, message: String) throws {
        let (refusal, scratch) = try LayoutMistakeTests.refusal(layout: yaml)
        #expect(refusal?.status == .invalidLayout)
        #expect(refusal?.message == "レイアウトファイル \(scratch.path("layout/layout.yaml"))\(message)")
    }

    @Test func aWrongFormulaNamesTheAllowedWords() throws {
        let (refusal, _) = try LayoutMistakeTests.refusal(layout: Self.kpi + "  kpi:\n    lowerIsBetter: baseline\n")
        #expect(refusal?.status == .invalidLayout)
        // Bound first: `#expect((refusal?.message ?? "").contains(…))` passes whatever the text (the macro and `?.`).
        let message = refusal?.message ?? "no refusal"
        #expect(message.contains("scheme.kpi.lowerIsBetter の値が正しくありません（ratio（目標値÷実績値）か fromBaseline（基準値からの改善÷目標までの改善））。"),
                "\(message)")
    }

    @Test func aWrongKindNamesTheAllowedWords() throws {
        let (refusal, _) = try LayoutMistakeTests.refusal(layout: "scheme:\n  kind: stars\n")
        #expect(refusal?.status == .invalidLayout)
        let message = refusal?.message ?? "no refusal"
        #expect(message.contains("scheme.kind の値が正しくありません（scheme では range、grades、kpi、figures では mean、count、share、share_of、items、achievement のいずれか）。"),
                "\(message)")
    }
}
