"""Writes the committee sample: plan.csv (2 basic policies, 8 measures) and inbox/ (one CSV per
department, one row per measure: the committee's 1–5 score, the department's own A–D (or − 評価対象外),
and the measure's KPI with its target, baseline, actual, unit and direction).
The values are written to fit (see README.md); the figures they give are worked out there and in
Tests/EndToEndTests/CommitteeSampleTests.swift.
Run: python3 Samples/committee/make_sample.py
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, submission, write_csv  # noqa: E402

POLICIES = [("1", "子どもを育むまち"), ("2", "安全に移動できるまち")]
LOWER, HIGHER = "低いほどよい", "高いほどよい"
# (policy, measure, title, department, activity, committee, self, target, baseline, actual, unit, direction)
MEASURES = [
    ("1", "1", "待機児童ゼロ", "こども政策課", "認可保育所を2園開設しました。", 3, "B", "0", "120", "30", "人", LOWER),
    ("1", "2", "保育士の確保", "こども政策課", "保育士の処遇改善手当を設けました。", 5, "A", "200", "150", "210", "人", HIGHER),
    ("1", "3", "放課後児童クラブの待機ゼロ", "こども政策課", "放課後児童クラブを3か所増設しました。", 4, "A", "0", "15", "0", "人", LOWER),
    ("2", "1", "救急車の現場到着時間の短縮", "消防総務課", "救急隊を1隊増隊しました。", 2, "C", "35", "41分", "38.2分", "分", LOWER),
    ("2", "2", "交通事故死者ゼロ", "交通政策課", "通学路の安全点検を全校で行いました。", 4, "B", "0", "8", "2", "人", LOWER),
    ("2", "3", "コミュニティバスの利用拡大", "交通政策課", "コミュニティバスの路線を2路線増やしました。", 3, "B", "1,500", "1,000", "1,234件", "件", HIGHER),
    ("2", "4", "道路照明のLED化", "道路維持課", "道路照明のLED化工事を発注しました（年度末に完了予定）。", 3, "C", "5000", "1200", "", "基", HIGHER),
    ("2", "5", "県道の歩道整備", "道路維持課", "県に事業を移管したため、市の取組はありません。", 4, "−", "", "", "", "", ""),
]


def main():
    titles = dict(POLICIES)
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    plan += [[p, titles[p], m, title, dept] for p, m, title, dept, *_ in MEASURES]
    write_csv(HERE / "plan.csv", plan)
    inbox = fresh_inbox(HERE / "inbox")
    departments = sorted({m[3] for m in MEASURES}, key=[m[3] for m in MEASURES].index)
    header = ["施策ID", "施策内容", "取組事業内容", "委員会評価", "自己評価", "目標値", "実績値", "方向", "基準値", "単位", "備考"]
    for dept in departments:
        rows = [[f"{p}-{m}", title, activity, str(committee), own, target, actual, direction, baseline, unit, ""]
                for p, m, title, d, activity, committee, own, target, baseline, actual, unit, direction in MEASURES if d == dept]
        write_csv(inbox / f"{dept}.csv", submission(dept, "令和4年度", "2023/4/21", header, rows))


if __name__ == "__main__":
    main()
