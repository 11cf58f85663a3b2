"""Writes the Sodegaura-style sample: plan.csv (6 basic policies, 49 items: 3 / 13 / 10 / 11 / 8 / 4,
as Sodegaura's report has them) and inbox/ (one CSV per policy's department, one row per item with a
5段階 self-evaluation 1–5). The item counts are Sodegaura's; the titles, departments and every
evaluation are written to fit (a fixed cycle 4, 3, 5, 4, 2, 3, 4). Run: python3 Samples/sodegaura/make_sample.py
"""
import itertools
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, submission, write_csv  # noqa: E402

POLICIES = [
    ("1", "子どもを生み育てやすいまち", 3, "子育て支援課"),
    ("2", "健康で安心して暮らせるまち", 13, "健康推進課"),
    ("3", "学びと文化のまち", 10, "生涯学習課"),
    ("4", "安全で快適なまち", 11, "都市整備課"),
    ("5", "活力ある産業のまち", 8, "商工観光課"),
    ("6", "市民とともに歩む行財政", 4, "企画課"),
]


def main():
    grades = itertools.cycle([4, 3, 5, 4, 2, 3, 4])
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    inbox = fresh_inbox(HERE / "inbox")
    for number, title, count, department in POLICIES:
        rows = []
        for item in range(1, count + 1):
            pledge = f"{title}の取組項目 {number}-{item}"
            plan.append([number, title, str(item), pledge, department])
            rows.append([f"{number}-{item}", pledge, f"{pledge}を進めました。", str(next(grades)), ""])
        write_csv(inbox / f"{department}.csv",
                  submission(department, "令和4年度", "2023/4/28", ["施策ID", "施策内容", "取組事業内容", "自己評価", "備考"], rows))
    write_csv(HERE / "plan.csv", plan)


if __name__ == "__main__":
    main()
