#!/usr/bin/env python3
"""Writes a realistic city's inbox for the merge benchmark: a plan of 5 policies × 10 pledges × 4
measures (200 measures) and N department files of about 100 activities each, 70% XLSX (half made
by XlsxWriter, half by openpyxl), 30% CSV (half CP932 as Japanese Excel saves it, half UTF-8 with
BOM). Each department reports on the 5 measures the plan assigns it, 18–22 activities each.

    python3 Benchmarks/merge/generate_city.py OUT_DIR N
"""
import csv, datetime, io, os, random, sys
import openpyxl, xlsxwriter

out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(20210420 + count)
roman = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"]
bases = ["総務課", "財政課", "行政監理室", "政策推進課", "市民課", "税務課", "こども育成課", "子ども相談課", "介護福祉課",
         "健康支援課", "環境保全課", "ゼロゴミ推進課", "まちづくり推進課", "都市計画課", "道路維持課", "住宅課", "下水道計画課",
         "港湾・企業振興課", "観光振興課", "農業水産振興課", "商業労政課", "スポーツ都市推進課", "学校教育課", "生涯学習課",
         "危機管理室", "消防総務課", "協働・男女平等参画室", "空港政策課", "緑地公園課", "市民生活課"]
areas = ["", "北部", "南部", "東部", "西部", "中央", "沼ノ端", "錦岡", "樽前", "植苗", "勇払", "糸井", "明野", "豊川", "美園",
         "日新", "高丘", "青葉", "清水", "住吉", "弥生", "若草", "緑町", "花園", "桜木", "柳町", "有明", "双葉", "音羽", "旭町",
         "新中野", "末広", "元町", "本町", "港町", "汐見", "浜町", "白鳥", "川沿", "宮前"]
departments = [area + base for area in areas for base in bases][:count]
assert len(departments) == count, "at most %d departments" % (len(areas) * len(bases))
subjects = ["子育て支援センター", "地域公共交通", "防災訓練", "市民文化ホール", "ごみ減量化", "企業誘致", "観光案内所",
            "健康づくり教室", "除雪体制", "スポーツ合宿", "商店街", "介護予防", "図書館", "公園緑地", "上下水道"]
verbs = ["整備しました", "実施しました", "検討を進めています", "開催しました", "支援しました", "拡充しました"]
measures = [(p, g, m) for p in range(1, 6) for g in range(1, 11) for m in range(1, 5)]
assigned = {measure: [] for measure in measures}
own = []
for d, name in enumerate(departments):
    mine = sorted({measures[(d * 5 + j * 41) % len(measures)] for j in range(5)})
    own.append(mine)
    for measure in mine:
        assigned[measure].append(name)

def title(measure):
    p, g, m = measure
    return f"{subjects[(p * 10 + g) % len(subjects)]}の充実（第{p}-{g}-{m}施策）を図ります"

os.makedirs(os.path.join(out, "inbox"), exist_ok=True)
with open(os.path.join(out, "plan.csv"), "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["基本政策番号", "基本政策", "公約番号", "公約", "施策番号", "施策", "担当部署"])
    for measure in measures:
        p, g, m = measure
        w.writerow([roman[p - 1], f"基本政策{p}のまち", g, f"公約{p}-{g}に取り組みます", m, title(measure),
                    "\n".join("・" + name for name in assigned[measure])])

header = ["施策ID", "施策内容", "取組事業内容", "評価", "備考"]
total = 0
for d, name in enumerate(departments):
    rows = []
    for measure in own[d]:
        p, g, m = measure
        ident = f"{roman[p - 1]}-{g}-{m}" if d % 2 else f"{p}-{g}-{m}"
        for k in range(rng.randint(18, 22)):
            subject = subjects[rng.randrange(len(subjects))]
            text = f"{subject}について{name}が第{k + 1}期の取組（{rng.randint(1, 400)}件）を{verbs[rng.randrange(len(verbs))]}。"
            rows.append([ident, title(measure), text, rng.randint(0, 10), "令和3年度も継続" if rng.random() < 0.3 else ""])
    total += len(rows)
    labels = [["部署名", name], ["年度", "令和2年度"], ["提出日", "2021/4/20"], []]
    kind = d % 10
    base = os.path.join(out, "inbox", f"{d + 1:04d}_{name}")
    if kind < 7 and kind % 2 == 0:
        wb = xlsxwriter.Workbook(base + ".xlsx")
        wb.set_properties({"created": datetime.datetime(2021, 4, 20)})
        ws = wb.add_worksheet("提出票")
        for r, row in enumerate(labels + [header] + rows):
            for c, value in enumerate(row):
                if value != "":
                    ws.write(r, c, value)
        wb.close()
    elif kind < 7:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "提出票"
        for row in labels + [header] + rows:
            ws.append([None if value == "" else value for value in row])
        wb.save(base + ".xlsx")
    else:
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n").writerows(labels + [header] + rows)
        with open(base + ".csv", "wb") as f:
            f.write(text.getvalue().encode("cp932") if kind < 9 else b"\xef\xbb\xbf" + text.getvalue().encode("utf-8"))
print(f"{count} files, {total} activities, {len(measures)} measures")
