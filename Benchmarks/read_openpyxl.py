import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        rows += 1
print("rows", rows)
