"""Writes a workbook of SHEETS sheets, each one row of 16,384 numbers (A1:XFD1), with XlsxWriter:
the wide-row case of issue 10 (a reader that reallocates a row per cell is quadratic here).

    python3 Benchmarks/generate_wide.py OUT.xlsx [SHEETS]
"""
import sys

import xlsxwriter

path = sys.argv[1]
sheets = int(sys.argv[2]) if len(sys.argv) > 2 else 200
workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
for index in range(sheets):
    sheet = workbook.add_worksheet(f"S{index + 1}")
    for column in range(16_384):
        sheet.write_number(0, column, column + 1)
workbook.close()
