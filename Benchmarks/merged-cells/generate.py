#!/usr/bin/env python3
"""Writes the merged-cell flood of issue 28: a submission workbook whose table (a few activities)
has N merged ranges below it (formatting copied down a sheet), and a plan for it.

    generate.py OUT_DIR [N]     # N defaults to 300000

The workbook is written by hand (zipfile, no third-party package): inline strings, one sheet.
"""
import os
import sys
import zipfile

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
os.makedirs(os.path.join(out, "inbox"), exist_ok=True)

with open(os.path.join(out, "plan.csv"), "w", encoding="utf-8", newline="") as plan:
    plan.write("基本政策番号,基本政策,公約番号,公約,施策番号,施策,担当部署\r\n"
               "Ⅰ,行革を進めます,1,計画を策定します,1,行革プランを実行します,・財政課\r\n")


def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


rows = [
    f'<row r="1">{cell("A1", "部署名")}{cell("B1", "財政課")}</row>',
    f'<row r="2">{cell("A2", "年度")}{cell("B2", "令和2年度")}</row>',
    f'<row r="4">{cell("A4", "施策ID")}{cell("B4", "施策内容")}{cell("C4", "取組事業内容")}{cell("D4", "評価")}</row>',
]
for number in range(5, 10):
    rows.append(f'<row r="{number}">{cell(f"A{number}", "Ⅰ-1-1")}{cell(f"C{number}", f"取組{number}を実施しました")}'
                f'<c r="D{number}"><v>7</v></c></row>')
# Below the table: rows B:C merged, row after row, as a template's formatting copied to the sheet's end.
merges = "".join(f'<mergeCell ref="B{row}:C{row}"/>' for row in range(10, 10 + count))
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         f'<sheetData>{"".join(rows)}</sheetData><mergeCells count="{count}">{merges}</mergeCells></worksheet>')

parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="提出票" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>',
    "xl/worksheets/sheet1.xml": sheet,
}
with zipfile.ZipFile(os.path.join(out, "inbox", "財政課.xlsx"), "w", zipfile.ZIP_DEFLATED) as book:
    for name, text in parts.items():
        book.writestr(name, text)
print(f"{out}/inbox/財政課.xlsx: {count:,} merged ranges below a table of 5 activities")
