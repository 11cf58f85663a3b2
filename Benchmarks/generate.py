#!/usr/bin/env python3
"""Writes submission-shaped workbooks for the reader benchmark (XlsxWriter, shared strings):
label rows (部署名/年度/提出日), a header row, then N rows of 6 columns with Japanese text. With
PLAN.csv, also writes the plan `pledgekit check` reads it against (Benchmarks/merge/run.sh): the
measures 1-1-1 … 5-5-4, each assigned every department the rows name, so that no row is a warning.

    python3 Benchmarks/generate.py OUT.xlsx ROWS [PLAN.csv]
"""
import csv, datetime, random, sys
import xlsxwriter

out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(20210420)
departments = ["こども育成課", "まちづくり推進課", "スポーツ都市推進課", "ゼロゴミ推進課", "港湾・企業振興課", "介護福祉課",
               "健康支援課", "危機管理室", "総合政策課", "財政課", "観光振興課", "農業水産振興課"]
verbs = ["整備しました", "実施しました", "検討を進めています", "開催しました", "支援しました", "拡充しました"]
subjects = ["子育て支援センター", "地域公共交通", "防災訓練", "市民文化ホール", "ごみ減量化", "企業誘致", "観光案内所",
            "健康づくり教室", "除雪体制", "スポーツ合宿", "商店街", "介護予防"]
wb = xlsxwriter.Workbook(out)
wb.set_properties({"created": datetime.datetime(2021, 4, 20)})
ws = wb.add_worksheet("提出票")
date = wb.add_format({"num_format": "yyyy/m/d"})
ws.write_row(0, 0, ["部署名", "こども育成課"])
ws.write_row(1, 0, ["年度", "令和2年度"])
ws.write(2, 0, "提出日"); ws.write_datetime(2, 1, datetime.datetime(2021, 4, 20), date)
ws.write_row(4, 0, ["施策ID", "施策内容", "担当部署", "取組事業内容", "評価", "備考"])
for i in range(count):
    policy, pledge, measure = rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 4)
    subject = subjects[(policy * 5 + pledge) % len(subjects)]
    ws.write_string(5 + i, 0, f"{policy}-{pledge}-{measure}")
    ws.write_string(5 + i, 1, f"{subject}の充実を図ります")
    ws.write_string(5 + i, 2, departments[rng.randrange(len(departments))])
    ws.write_string(5 + i, 3, f"{subject}について第{i + 1}期の取組（{rng.randint(1, 400)}件）を{verbs[rng.randrange(len(verbs))]}。")
    ws.write_number(5 + i, 4, rng.randint(0, 10))
    if rng.random() < 0.3:
        ws.write_string(5 + i, 5, f"令和{rng.randint(2, 3)}年度も継続")
wb.close()

if len(sys.argv) > 3:
    with open(sys.argv[3], "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["基本政策番号", "基本政策", "公約番号", "公約", "施策番号", "施策", "担当部署"])
        for p in range(1, 6):
            for g in range(1, 6):
                for m in range(1, 5):
                    w.writerow([p, f"基本政策{p}", g, f"公約{p}-{g}", m, f"施策{p}-{g}-{m}", "\n".join(departments)])
