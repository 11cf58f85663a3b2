"""Makes 行政監理室.xlsx: the template `pledgekit template` writes for 行政監理室, filled in as the
department filled in its real 2020 submission (Samples/tomakomai/inbox/行政監理室.csv), with one
mistake: 12 typed over the first rating (F12), where the sheet allows 0–10 (a value pasted into a
cell skips Excel's input check). README's tour checks it. Run from the repository root:

    pledgekit template --plan Samples/tomakomai/plan.csv --year R2 --out templates-R2
    .venv/bin/python Samples/mistakes/fill_template.py templates-R2/行政監理室.xlsx Samples/mistakes/行政監理室.xlsx
"""
import csv
import sys

import openpyxl

template, out = sys.argv[1], sys.argv[2]
with open("Samples/tomakomai/inbox/行政監理室.csv", encoding="cp932", newline="") as f:
    rows = list(csv.reader(f))
header = rows.index(["施策ID", "施策内容", "取組事業内容", "評価", "備考"])
activities = [(r[0].replace("Ⅰ", "I").replace("Ⅴ", "V"), r[2], int(r[3])) for r in rows[header + 1:] if r and r[0]]

book = openpyxl.load_workbook(template)
sheet = book["提出票"]
sheet["B5"] = "2021/4/20"
first_row = {sheet.cell(row, 1).value: row for row in range(12, sheet.max_row + 1) if sheet.cell(row, 1).value}
spare = max(first_row.values()) + 1
for measure, activity, rating in activities:
    row = first_row.pop(measure, None)
    if row is None:
        row, spare = spare, spare + 1
        sheet.cell(row, 1).value = measure
    sheet.cell(row, 5).value = activity
    sheet.cell(row, 6).value = rating
sheet["F12"] = 12
book.save(out)
