"""Writes tomakomai-fy2020-published.xlsx: Tomakomai's FY2020 report as the city published it, made
by hand in Excel in the report's own layout (not pledgekit's), for `pledgekit audit`.

It carries what a hand-made workbook has: a 総括表 split into pages with the heading block repeated,
blank spacer rows, merged cells, numbers typed as full-width text (８９) beside real numbers, titles
broken over lines, and a detail table (取組状況) with the stars of every measure. It also carries the
report's own mistake: policy III is printed as 88 in the detail table and 89 in the 総括表
(the rule gives 89: (67+100+100+84+92)/5 = 88.6 → 89).

Figures: the seed report's summary table (shared/seeds/000_6888d7962ddfefdb.txt); stars: each
measure's score rounded, as the FY2020 submissions in ../tomakomai/inbox give them.
Run: /work/venv/bin/python Samples/published/make_tomakomai_fy2020.py
"""
import csv
import datetime
import pathlib

import xlsxwriter

HERE = pathlib.Path(__file__).resolve().parent
PLAN = HERE.parent / "tomakomai" / "plan.csv"
OUT = HERE / "tomakomai-fy2020-published.xlsx"

FY2019 = {"Ⅰ": [85, 54, 54, 50, 45], "Ⅱ": [28, 62, 50, 40, 60], "Ⅲ": [23, 65, 85, 72, 70],
          "Ⅳ": [68, 60, 40, 40, 70], "Ⅴ": [30, 53, 35, 70, 55]}
FY2019_POLICY = {"Ⅰ": 58, "Ⅱ": 48, "Ⅲ": 63, "Ⅳ": 56, "Ⅴ": 49}
FY2020 = {"Ⅰ": [95, 59, 75, 75, 60], "Ⅱ": [38, 79, 70, 84, 74], "Ⅲ": [67, 100, 100, 84, 92],
          "Ⅳ": [75, 80, 72, 65, 85], "Ⅴ": [45, 80, 50, 83, 80]}
FY2020_POLICY = {"Ⅰ": 73, "Ⅱ": 69, "Ⅲ": 89, "Ⅳ": 75, "Ⅴ": 68}
DETAIL_POLICY = dict(FY2020_POLICY, **{"Ⅲ": 88})  # the published detail table's misprint
STARS = [10, 9, 6, 6, 7, 8, 7, 8, 7, 5, 3, 4, 8, 8, 7, 7, 7, 10, 8, 7, 7, 6, 10, 10, 10,
         10, 9, 8, 10, 8, 8, 7, 8, 9, 7, 7, 6, 7, 7, 10, 4, 5, 6, 10, 5, 5, 8, 9, 9, 7]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def plan():
    """Policies in order, each with its pledges, each with its measures (title, departments)."""
    policies = {}
    with PLAN.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            policy = policies.setdefault(row["基本政策番号"], {"title": row["基本政策"], "pledges": {}})
            pledge = policy["pledges"].setdefault(row["公約番号"], {"title": row["公約"], "measures": []})
            pledge["measures"].append((row["施策"], row["担当部署"]))
    return policies


def stars(count):
    glyphs = "★" * count + "☆" * (10 - count)
    return glyphs[:5] + " " + glyphs[5:]


def broken(title):
    """A long title broken where the report's cell wrapped it."""
    return title.replace("、", "、\n", 1) if len(title) > 24 else title


def main():
    policies = plan()
    book = xlsxwriter.Workbook(str(OUT))
    book.set_properties({"title": "市長公約の取組状況（令和2年度）", "author": "苫小牧市",
                         "created": datetime.datetime(2021, 5, 31)})
    base = {"font_name": "ＭＳ 明朝", "font_size": 10, "border": 1, "valign": "vcenter", "text_wrap": True}
    title = book.add_format({"font_name": "ＭＳ 明朝", "font_size": 14, "bold": True})
    head = book.add_format(dict(base, bold=True, align="center", bg_color="#D9D9D9"))
    text = book.add_format(base)
    bold = book.add_format(dict(base, bold=True, bg_color="#F2F2F2"))
    number = book.add_format(dict(base, align="center"))
    bold_number = book.add_format(dict(base, align="center", bold=True, bg_color="#F2F2F2"))

    # 総括表: three printed pages (Ⅰ–Ⅱ, Ⅲ–Ⅳ, Ⅴ and 全体), the heading block repeated on each.
    sheet = book.add_worksheet("総括表")
    sheet.set_column(0, 0, 5)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 3, 12)
    sheet.write(0, 0, "I 市長公約取組状況総括表", title)
    sheet.merge_range(1, 0, 1, 3, "令和２年度末における公約の進捗状況を、構成する各施策の平均値で示しています。",
                      book.add_format({"font_name": "ＭＳ 明朝", "font_size": 10}))
    row = 3
    for page, numbers in enumerate([["Ⅰ", "Ⅱ"], ["Ⅲ", "Ⅳ"], ["Ⅴ"]]):
        if page:
            row += 2  # blank spacer rows where the printed page breaks
        sheet.merge_range(row, 0, row + 1, 1, "施 策 区 分", head)
        sheet.merge_range(row, 2, row, 3, "進捗状況", head)
        sheet.write(row + 1, 2, "令和元年度\n(%)", head)
        sheet.write(row + 1, 3, "令和２年度\n(%)", head)
        row += 2
        for no in numbers:
            policy = policies[no]
            sheet.write(row, 0, no, bold)
            sheet.write(row, 1, broken(policy["title"]), bold)
            sheet.write_number(row, 2, FY2019_POLICY[no], bold_number)
            sheet.write_number(row, 3, FY2020_POLICY[no], bold_number)
            row += 1
            for index, pledge_no in enumerate(policy["pledges"]):
                pledge = policy["pledges"][pledge_no]
                sheet.write(row, 0, pledge_no.translate(FULL_WIDTH), text)
                sheet.write(row, 1, pledge["title"], text)
                # Page 2 was typed with the IME on: its figures are full-width text.
                if page == 1:
                    sheet.write_string(row, 2, str(FY2019[no][index]).translate(FULL_WIDTH), number)
                    sheet.write_string(row, 3, str(FY2020[no][index]).translate(FULL_WIDTH), number)
                else:
                    sheet.write_number(row, 2, FY2019[no][index], number)
                    sheet.write_number(row, 3, FY2020[no][index], number)
                row += 1
    sheet.merge_range(row, 0, row, 1, "全 体", bold)
    sheet.write_number(row, 2, 54.8, book.add_format(dict(base, align="center", bold=True, num_format="0.0")))
    sheet.write_number(row, 3, 74.8, book.add_format(dict(base, align="center", bold=True, num_format="0.0")))

    # 取組状況: one page per policy, the heading block repeated, a spacer row between pages.
    sheet = book.add_worksheet("取組状況")
    sheet.set_column(0, 0, 7)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 2, 20)
    sheet.set_column(3, 3, 14)
    sheet.write(0, 0, "Ⅱ 市長公約取組状況（令和２年度末の状況）", title)
    row = 2
    measure_index = 0
    for page, no in enumerate(policies):
        if page:
            row += 1
        policy = policies[no]
        sheet.merge_range(row, 0, row, 1, "基本政策\n公約内容\n施策内容\n取組事業内容(令和２年度)", head)
        sheet.write(row, 2, "担当\n部署", head)
        sheet.write(row, 3, "進捗状況\n(数値：%)", head)
        row += 1
        sheet.write(row, 0, "政策" + no, bold)
        sheet.merge_range(row, 1, row, 2, policy["title"], bold)
        sheet.write_number(row, 3, DETAIL_POLICY[no], bold_number)
        row += 1
        for index, pledge_no in enumerate(policy["pledges"]):
            pledge = policy["pledges"][pledge_no]
            sheet.write(row, 0, pledge_no, text)
            sheet.merge_range(row, 1, row, 2, pledge["title"], text)
            sheet.write_number(row, 3, FY2020[no][index], number)
            row += 1
            for measure, departments in pledge["measures"]:
                sheet.write(row, 0, "", text)
                sheet.write(row, 1, "● " + measure, text)
                sheet.write(row, 2, departments, text)
                sheet.write(row, 3, stars(STARS[measure_index]), number)
                measure_index += 1
                row += 1
    book.close()


if __name__ == "__main__":
    main()
