"""Writes the Tsukuba-style sample: plan.csv (5 policy areas, 135 pledge items, as many as
Tsukuba's second term has) and inbox/ (one CSV per department, one row per item with its
category 達成 / 順調 / おおむね順調 / 遅れ / 未着手). Only the item count (135) and the headline
"達成と順調で 90.4 %" (122 of 135) are Tsukuba's; the split of the 122 between 達成 and 順調, the
other categories, the areas, titles and departments are written to fit (see README.md).
Run: python3 Samples/tsukuba/make_sample.py
"""
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, submission, write_csv  # noqa: E402

AREAS = [
    ("1", "子ども・教育", 30, "教育総務課"),
    ("2", "健康・福祉", 28, "社会福祉課"),
    ("3", "まちづくり・交通", 27, "都市計画課"),
    ("4", "産業・科学", 25, "科学技術振興課"),
    ("5", "行財政・市民参加", 25, "企画経営課"),
]
# 達成 + 順調 = 122 of 135 (90.37… → 90.4 %).
CATEGORIES = ["達成"] * 40 + ["順調"] * 82 + ["おおむね順調"] * 8 + ["遅れ"] * 4 + ["未着手"] * 1


def main():
    categories = list(CATEGORIES)
    random.Random(2023).shuffle(categories)
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    rows_by_department = {}
    index = 0
    for number, title, count, department in AREAS:
        for item in range(1, count + 1):
            item_title = f"{title}の公約 {number}-{item}"
            plan.append([number, title, str(item), item_title, department])
            rows_by_department.setdefault(department, []).append(
                [f"{number}-{item}", item_title, f"{item_title}に取り組みました。", categories[index], ""])
            index += 1
    write_csv(HERE / "plan.csv", plan)
    inbox = fresh_inbox(HERE / "inbox")
    for department, rows in rows_by_department.items():
        write_csv(inbox / f"{department}.csv",
                  submission(department, "令和5年度", "2024/4/19", ["施策ID", "施策内容", "取組事業内容", "評価", "備考"], rows))
    for number, title, count, department in AREAS:
        cats = [r[3] for r in rows_by_department[department]]
        top = cats.count("達成") + cats.count("順調")
        print(number, count, {c: cats.count(c) for c in ["達成", "順調", "おおむね順調", "遅れ", "未着手"]}, top)


if __name__ == "__main__":
    main()
