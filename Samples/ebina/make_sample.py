"""Writes the Ebina-style sample: plan.csv (4 basic policies, 12 measures) and inbox/ (one CSV per
department, one activity per measure with a 5段階 self-evaluation and a 5段階 external evaluation).
The evaluations are written to fit (see README.md); the figures they give are in README.md and in
Tests/EndToEndTests/SchemeSampleTests.swift.
Run: python3 Samples/ebina/make_sample.py
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, submission, write_csv  # noqa: E402

POLICIES = [
    ("1", "安全・安心に暮らせるまち"),
    ("2", "子どもを育み、学びが広がるまち"),
    ("3", "にぎわいと活力のあるまち"),
    ("4", "市民とともにつくるまち"),
]
# (policy, measure, title, department, activity, self, external)
MEASURES = [
    ("1", "1", "防災拠点の整備", "危機管理課", "防災備蓄倉庫を2か所増設し、避難所の備蓄品を更新しました。", 4, 4),
    ("1", "2", "地域防犯力の向上", "市民協働課", "防犯カメラを通学路に20台設置しました。", 5, 4),
    ("1", "3", "救急体制の充実", "消防総務課", "救急隊を1隊増隊し、現場到着時間を短縮しました。", 3, 3),
    ("2", "1", "待機児童の解消", "保育・幼稚園課", "認可保育所を2園開設し、定員を120人増やしました。", 3, 3),
    ("2", "2", "学校教育の充実", "教育総務課", "全小中学校に1人1台端末を配備し、活用研修を行いました。", 4, 3),
    ("2", "3", "放課後の居場所づくり", "こども育成課", "放課後児童クラブを3か所増設しました。", 4, 4),
    ("3", "1", "駅周辺のにぎわい創出", "商工課", "駅東口でマルシェを月1回開催しました。", 5, 4),
    ("3", "2", "企業誘致の推進", "商工課", "工業系用途地域に3社を誘致しました。", 4, 3),
    ("3", "3", "観光の振興", "観光課", "観光案内所の開設を検討しましたが、場所の選定に至りませんでした。", 2, 2),
    ("4", "1", "市民参加の推進", "市民協働課", "市民ワークショップを4回開催しました。", 4, 3),
    ("4", "2", "行政のデジタル化", "情報政策課", "オンライン申請を30手続に拡大しました。", 3, 3),
    ("4", "3", "広報の充実", "広報課", "広報紙をリニューアルし、SNSでの発信を始めました。", 3, 2),
]


def main():
    titles = dict(POLICIES)
    # A two-level plan names its second level in the pledge columns (公約番号・公約): the plan reader
    # takes the levels from the top, and the open data calls the deepest level `measure`.
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    plan += [[p, titles[p], m, title, dept] for p, m, title, dept, *_ in MEASURES]
    write_csv(HERE / "plan.csv", plan)
    inbox = fresh_inbox(HERE / "inbox")
    departments = sorted({m[3] for m in MEASURES}, key=[m[3] for m in MEASURES].index)
    for dept in departments:
        rows = [[f"{p}-{m}", title, activity, str(own), str(external), ""]
                for p, m, title, d, activity, own, external in MEASURES if d == dept]
        header = ["施策ID", "施策内容", "取組事業内容", "自己評価", "外部評価", "備考"]
        write_csv(inbox / f"{dept}.csv", submission(dept, "令和4年度", "2023/4/21", header, rows))


if __name__ == "__main__":
    main()
