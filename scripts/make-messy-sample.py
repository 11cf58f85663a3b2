#!/usr/bin/env python3
"""Builds Samples/messy/inbox: the Tomakomai plan's basic policy I, its departments' templates from
`pledgekit template`, filled with the sample activities and then edited the way people do
(headers renamed, columns moved, an extra column, star ratings, full-width digits, a CSV saved by
Japanese Excel in CP932, a resubmission, a row named by title, a duplicated row, a department that
sends nothing, a stray file). Then runs merge and stores the outputs in Samples/messy/expected.

Run by hand (needs openpyxl, which edits a workbook the way Excel does):
    python3 scripts/make-messy-sample.py path/to/pledgekit
"""
import csv
import datetime
import io
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Samples", "messy")
PLEDGEKIT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "pledgekit")
HEADER_ROW, FIRST_ROW = 11, 12
INVENTED = "サンプル用に追加した架空の取組"


def read_csv(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp932")
    return list(csv.reader(io.StringIO(text)))


def plan_policy_one():
    rows = read_csv(os.path.join(ROOT, "Samples", "tomakomai", "plan.csv"))
    return [rows[0]] + [r for r in rows[1:] if r[0] == "Ⅰ"]


def activities():
    """Policy I activities of the Tomakomai sample, by department: (id, text, rating, note)."""
    result = {}
    inbox = os.path.join(ROOT, "Samples", "tomakomai", "inbox")
    for name in sorted(os.listdir(inbox)):
        rows = read_csv(os.path.join(inbox, name))
        department = rows[0][1]
        header = next(i for i, r in enumerate(rows) if "取組事業内容" in r)
        cols = {h: i for i, h in enumerate(rows[header])}
        for r in rows[header + 1:]:
            if not r or not r[0]:
                continue
            parts = r[0].split("-")
            if parts[0] in ("Ⅰ", "1", "I"):
                canonical = "-".join(["I"] + parts[1:])
                result.setdefault(department, []).append(
                    (canonical, r[cols["取組事業内容"]], r[cols["評価"]], r[cols.get("備考", 0)] if "備考" in cols else ""))
    return result


def fill(path, items, date, rating=lambda value: int(value), id_text=lambda i: i, title_instead=()):
    """Types the activities into a template as a department does: the first activity of a measure
    into its pre-filled row, the others into free rows."""
    book = openpyxl.load_workbook(path)
    sheet = book["提出票"]
    prefilled = {}
    row = FIRST_ROW
    while sheet.cell(row, 1).value:
        prefilled[sheet.cell(row, 1).value] = row
        row += 1
    free = row
    for (measure, text, value, note) in items:
        if measure in prefilled and measure not in title_instead:
            target = prefilled.pop(measure)
        else:
            target, free = free, free + 1
            if measure in title_instead:
                sheet.cell(target, 4).value = title_instead[measure]
            else:
                sheet.cell(target, 1).value = id_text(measure)
        sheet.cell(target, 5).value = text
        sheet.cell(target, 6).value = rating(value)
        if note:
            sheet.cell(target, 7).value = note
    sheet["B5"] = date
    return book, sheet


def main():
    work = tempfile.mkdtemp()
    try:
        plan = os.path.join(SAMPLE, "plan.csv")
        os.makedirs(SAMPLE, exist_ok=True)
        with open(plan, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, lineterminator="\r\n").writerows(plan_policy_one())
        templates = os.path.join(work, "templates")
        subprocess.run([PLEDGEKIT, "template", "--plan", plan, "--year", "令和2年度", "--out", templates], check=True,
                       stdout=subprocess.DEVNULL)
        inbox = os.path.join(SAMPLE, "inbox")
        shutil.rmtree(inbox, ignore_errors=True)
        os.makedirs(inbox)
        acts = activities()
        t = lambda name: os.path.join(templates, name + ".xlsx")
        out = lambda name: os.path.join(inbox, name)
        stars = lambda value: "★" * int(value) + "☆" * (10 - int(value))

        # 行政監理室: a first submission on 4/14 with a mistake (rating 12, one activity missing) ...
        first = acts["行政監理室"][:-1]
        first = [(m, x, "12" if i == 0 else r, n) for i, (m, x, r, n) in enumerate(first)]
        book, _ = fill(t("行政監理室"), first, datetime.date(2021, 4, 14), rating=lambda v: int(v))
        book.save(out("行政監理室.xlsx"))
        # ... and the corrected file on 4/20, with headers renamed and star ratings.
        book, sheet = fill(t("行政監理室"), acts["行政監理室"], datetime.date(2021, 4, 20), rating=stars)
        sheet.cell(HEADER_ROW, 5).value = "取組内容"
        sheet.cell(HEADER_ROW, 6).value = "自己評価"
        book.save(out("行政監理室_差し替え.xlsx"))

        # 財政課: saved as CSV by Japanese Excel (CP932, CRLF), columns moved and renamed, no title
        # column, a full-width rating, an Arabic ID, a Japanese-era date.
        rows = [["部署名", "財政課"], ["年度", "令和２年度"], ["提出日", "令和3年4月16日"], [],
                ["施策番号", "評価", "取組内容", "備考"]]
        for (m, x, r, n) in acts["財政課"]:
            rows.append([m.replace("I-", "1-"), chr(ord("０") + int(r)) if int(r) < 10 else "１０", x, n])
        with open(out("財政課.csv"), "w", encoding="cp932", newline="") as f:
            csv.writer(f, lineterminator="\r\n").writerows(rows)

        # 協働・男女平等参画室: 評価 moved before 取組事業内容, a 担当者 column added; the second activity
        # typed in a free row by its title (with a full-width space) instead of the ID.
        title = "男女平等参画都市宣言を踏まえた　施策を推進します"
        items = acts["協働・男女平等参画室"]
        book, sheet = fill(t("協働・男女平等参画室"), items[:1], datetime.date(2021, 4, 19))
        book.save(out("協働・男女平等参画室.xlsx"))
        book = openpyxl.load_workbook(out("協働・男女平等参画室.xlsx"))
        sheet = book["提出票"]
        sheet.protection.sheet = False
        row = FIRST_ROW
        while sheet.cell(row, 1).value:
            row += 1
        sheet.cell(row, 4).value = title
        sheet.cell(row, 5).value = items[1][1]
        sheet.cell(row, 6).value = int(items[1][2])
        for r in range(HEADER_ROW, sheet.max_row + 1):
            sheet.cell(r, 5).value, sheet.cell(r, 6).value = sheet.cell(r, 6).value, sheet.cell(r, 5).value
        sheet.cell(HEADER_ROW, 8).value = "担当者"
        sheet.cell(FIRST_ROW, 8).value = "市民協働係 山田"
        book.save(out("協働・男女平等参画室.xlsx"))

        # 工業・雇用振興課: header 施策ID renamed 施策番号, 評価 renamed 進捗評価, star ratings, and one
        # activity pasted twice.
        items = acts["工業・雇用振興課"]
        book, sheet = fill(t("工業・雇用振興課"), items + [items[-1]], datetime.date(2021, 4, 22), rating=stars)
        sheet.cell(HEADER_ROW, 1).value = "施策番号"
        sheet.cell(HEADER_ROW, 6).value = "進捗評価"
        book.save(out("工業・雇用振興課.xlsx"))

        # 政策推進課: also reports on I-1-1, a measure the plan gives to 行政監理室.
        items = acts["政策推進課"] + [("I-1-1", "行政創革プランの策定に企画部門として参画し、総合計画との整合を図りました。", "8", INVENTED)]
        book, _ = fill(t("政策推進課"), items, datetime.date(2021, 4, 20), id_text=lambda i: i)
        book.save(out("政策推進課.xlsx"))

        # 住宅課: full-width IDs in the free rows, and I-4-2 forgotten: nobody reports on it.
        items = [a for a in acts["住宅課"] if a[0] != "I-4-2"]
        book, _ = fill(t("住宅課"), items, datetime.date(2021, 4, 15),
                       id_text=lambda i: i.translate(str.maketrans("I-0123456789", "Ｉ－０１２３４５６７８９")))
        book.save(out("住宅課.xlsx"))

        # Plain filled templates; a rating typed as full-width text by ゼロゴミ推進課.
        for department in ["こども育成課", "学校教育課"]:
            book, _ = fill(t(department), acts[department], datetime.date(2021, 4, 16))
            book.save(out(department + ".xlsx"))
        book, _ = fill(t("ゼロゴミ推進課"), acts["ゼロゴミ推進課"], datetime.date(2021, 4, 16),
                       rating=lambda v: chr(ord("０") + int(v)))
        book.save(out("ゼロゴミ推進課.xlsx"))

        # 港湾・企業振興課 had nothing to report this year: its untouched template, dated.
        book = openpyxl.load_workbook(t("港湾・企業振興課"))
        book["提出票"]["B5"] = datetime.date(2021, 4, 21)
        book.save(out("港湾・企業振興課.xlsx"))
        # 国際リゾート戦略室 sends nothing. A note someone left in the folder:
        with open(out("提出状況メモ.txt"), "w", encoding="utf-8") as f:
            f.write("国際リゾート戦略室 未提出（4/22 督促済）\n")

        expected = os.path.join(SAMPLE, "expected")
        shutil.rmtree(expected, ignore_errors=True)
        result = subprocess.run([PLEDGEKIT, "merge", inbox, "--plan", plan, "--year", "令和2年度",
                                 "--layout", os.path.join(ROOT, "templates", "tomakomai"), "--out", expected],
                                capture_output=True, text=True)
        print(result.stdout)
        print(result.stderr, file=sys.stderr)
        for name in os.listdir(expected):
            if name.endswith(".xlsx") or name in ("datapackage.json", "codes.csv"):
                os.remove(os.path.join(expected, name))
        return result.returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
