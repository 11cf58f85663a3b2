"""Writes the Yokosuka-style sample: plan.csv (4 fields, 31 items) and inbox/ (one CSV per field's
department, one row per item scored 0–5 by each of a panel of five, columns 委員1…委員5). A field's
score is the panel's mean converted to 100 points (× 20) with one decimal. Yokosuka's verification
published fields 72.9, 71.3, 81.8 … and overall 75.7; the sample has those three fields and a fourth
written to fit (76.8, so that the mean of the four is 75.7), and every item's scores are written to
fit: 9 items totalling 164 points (4 × 164 / 9 = 72.89), 6 totalling 107 (71.33), 11 totalling 225
(81.82), 5 totalling 96 (76.8). Run: python3 Samples/yokosuka/make_sample.py
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, submission, write_csv  # noqa: E402

FIELDS = [
    ("1", "子育て・教育", "こども育成部", [[4, 4, 4, 3, 3]] * 8 + [[4, 4, 4, 4, 4]]),
    ("2", "福祉・健康", "福祉部", [[4, 4, 4, 3, 3]] * 5 + [[4, 4, 3, 3, 3]]),
    ("3", "経済・観光", "経済部", [[5, 4, 4, 4, 4]] * 5 + [[4, 4, 4, 4, 4]] * 6),
    ("4", "都市・行政", "政策推進部", [[4, 4, 4, 4, 3]] * 4 + [[4, 4, 4, 4, 4]]),
]


def main():
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    inbox = fresh_inbox(HERE / "inbox")
    for number, title, department, items in FIELDS:
        rows = []
        for item, scores in enumerate(items, start=1):
            pledge = f"{title}の公約 {number}-{item}"
            plan.append([number, title, str(item), pledge, department])
            rows.append([f"{number}-{item}", pledge, f"{pledge}の取組"] + [str(s) for s in scores] + [""])
        header = ["施策ID", "施策内容", "取組事業内容"] + [f"委員{i}" for i in range(1, 6)] + ["備考"]
        write_csv(inbox / f"{department}.csv", submission(department, "令和4年度", "2023/6/1", header, rows))
        total = sum(map(sum, items))
        print(number, len(items), total, round(4 * total / len(items), 2))
    write_csv(HERE / "plan.csv", plan)


if __name__ == "__main__":
    main()
