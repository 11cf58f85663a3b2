"""Writes the Nishinomiya-style sample: plan.csv (4 areas, 40 pledges) and inbox/ (one CSV per
department, one row per pledge with its symbol ○ achieved, △ partly, − not achieved). The counts
28 / 10 / 2 of 40 are Nishinomiya's; which pledge has which symbol, the areas, titles and
departments are written to fit (see README.md). Run: python3 Samples/nishinomiya/make_sample.py
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, submission, write_csv  # noqa: E402

AREAS = [
    ("1", "子育て・教育", "子ども支援課"),
    ("2", "健康・福祉", "福祉総務課"),
    ("3", "都市・環境", "都市計画課"),
    ("4", "行政・参画", "政策推進課"),
]
# 10 pledges per area; 28 ○, 10 △, 2 − in all. A few are written as departments type them
# (〇 for ○, ー for −), which the layout's symbols read as the same grade.
SYMBOLS = {
    "1": "○○○○○○○△△○",
    "2": "○○○○○○△△○○",
    "3": "○○○○○△△△−○",
    "4": "○○○○△△△○−○",
}
TYPED = {("1", 3): "〇", ("3", 9): "ー"}


def main():
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    inbox = fresh_inbox(HERE / "inbox")
    for number, title, department in AREAS:
        rows = []
        for item, symbol in enumerate(SYMBOLS[number], start=1):
            pledge = f"{title}の公約 {number}-{item}"
            plan.append([number, title, str(item), pledge, department])
            rows.append([f"{number}-{item}", pledge, f"{pledge}に取り組みました。", TYPED.get((number, item), symbol), ""])
        write_csv(inbox / f"{department}.csv",
                  submission(department, "令和4年度", "2023/5/10", ["施策ID", "施策内容", "取組事業内容", "評価", "備考"], rows))
    write_csv(HERE / "plan.csv", plan)
    counts = {s: sum(v.count(s) for v in SYMBOLS.values()) for s in "○△−"}
    print(counts)


if __name__ == "__main__":
    main()
