import Foundation
import PledgeKit
import Testing

/// A scheme that does not hold together stops the run (exit 78, `.invalidLayout`) with a message naming the key and
/// its line, before anything is read or written (LayoutMistakeTests does the same for the other keys).
@Suite struct SchemeLayoutMistakeTests {
    static let grades = "scheme:\n  kind: grades\n  grades:\n    - label: 達成\n      key: achieved\n    - label: 順調\n      key: on_track\n"

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
    ])
    func badSchemeIsRefusedWithKeyAndLine(yaml: String, message: String) throws {
        let (refusal, scratch) = try LayoutMistakeTests.refusal(layout: yaml)
        #expect(refusal?.status == .invalidLayout)
        #expect(refusal?.message == "レイアウトファイル \(scratch.path("layout/layout.yaml"))\(message)")
    }

    @Test func aWrongKindNamesTheAllowedWords() throws {
        let (refusal, _) = try LayoutMistakeTests.refusal(layout: "scheme:\n  kind: stars\n")
        #expect(refusal?.status == .invalidLayout)
        #expect((refusal?.message ?? "").contains("scheme.kind の値が正しくありません（scheme では range、grades、kpi、figures では mean、count、share、items、achievement のいずれか）。"),
                "\(refusal?.message ?? "no refusal")")
    }
}
