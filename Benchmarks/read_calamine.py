import sys
from python_calamine import CalamineWorkbook
wb = CalamineWorkbook.from_path(sys.argv[1])
rows = 0
for name in wb.sheet_names:
    rows += len(wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
print("rows", rows)
