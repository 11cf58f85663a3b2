#!/usr/bin/env python3
"""The merge as a planning office would script it with pandas + openpyxl + XlsxWriter: the peer of
`pledgekit merge` in the merge benchmark. Reads every .xlsx/.csv of the inbox (CSV as UTF-8 with or
without BOM, else CP932), finds the label cells and the header row, normalises measure IDs (NFKC,
Roman numerals), checks ratings 0–10, averages with the Tomakomai rule (exact fractions, rounded
half up) and writes summary.csv, measures.csv, activities.csv and a workbook (総括表, 取組状況).

    python merge_pandas.py INBOX PLAN.csv OUT_DIR
"""
import csv, glob, io, os, sys, unicodedata
from fractions import Fraction
import pandas as pd

inbox, plan_path, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}

def key(text):
    return "".join(unicodedata.normalize("NFKC", str(text)).split()).lower()

def number(part):
    part = unicodedata.normalize("NFKC", part).strip().upper()
    return int(part) if part.isdigit() else ROMAN.get(part)

def measure_id(text):
    parts = unicodedata.normalize("NFKC", str(text)).replace("－", "-").split("-")
    numbers = [number(p) for p in parts]
    return None if None in numbers else "-".join(map(str, numbers))

def round_half_up(value, digits=0):
    scale = 10 ** digits
    return Fraction(int(value * scale + Fraction(1, 2)), scale)

def read_table(path):
    if path.endswith(".xlsx"):
        return pd.read_excel(path, header=None, dtype=str, engine="openpyxl").fillna("")
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp932")
    # Label rows above the header are shorter than the table: csv reads ragged rows, pandas pads them.
    rows = list(csv.reader(io.StringIO(text)))
    width = max(map(len, rows))
    return pd.DataFrame([row + [""] * (width - len(row)) for row in rows])

plan = pd.read_csv(plan_path, dtype=str, encoding="utf-8-sig").fillna("")
plan["id"] = [f"{number(p)}-{g}-{m}" for p, g, m in zip(plan["基本政策番号"], plan["公約番号"], plan["施策番号"])]
assigned = {row.id: {key(d.lstrip("・")) for d in row.担当部署.split("\n") if d.strip()} for row in plan.itertuples()}

frames, errors = [], []
for path in sorted(glob.glob(os.path.join(inbox, "*"))):
    if not path.endswith((".xlsx", ".csv")):
        continue
    table = read_table(path)
    department = ""
    header_row = None
    for index, row in table.head(40).iterrows():
        values = [str(v).strip() for v in row]
        if "部署名" in values and values.index("部署名") + 1 < len(values):
            department = values[values.index("部署名") + 1]
        if "取組事業内容" in values and "評価" in values:
            header_row = index
            break
    if header_row is None:
        errors.append((os.path.basename(path), "見出し行が見つかりません"))
        continue
    body = table.iloc[header_row + 1:].copy()
    body.columns = [str(v).strip() for v in table.iloc[header_row]]
    body = body[(body["取組事業内容"].str.strip() != "") | (body["評価"].str.strip() != "")]
    body["department"] = department
    body["file"] = os.path.basename(path)
    body["row"] = body.index + 1
    frames.append(body[["施策ID", "取組事業内容", "評価", "department", "file", "row"]])

activities = pd.concat(frames, ignore_index=True)
activities["measure"] = activities["施策ID"].map(measure_id)
activities["rating"] = pd.to_numeric(activities["評価"].map(lambda v: unicodedata.normalize("NFKC", v)), errors="coerce")
bad = activities[~activities["rating"].between(0, 10) | (activities["rating"] % 1 != 0) | ~activities["measure"].isin(assigned)]
for row in bad.itertuples():
    errors.append((row.file, f"行{row.row}: 評価または施策IDが不正です"))
unassigned = [key(d) not in assigned.get(m, set()) for d, m in zip(activities["department"], activities["measure"])]
activities["unassigned"] = unassigned
if errors:
    for file, message in errors:
        print(f"エラー {file}: {message}", file=sys.stderr)
    sys.exit(1)
activities["rating"] = activities["rating"].astype(int)

# The Tomakomai rule: measure = exact mean; pledge = mean of measures × 10, rounded; policy = mean
# of rounded pledges, rounded; overall = mean of rounded policies, one decimal.
sums = activities.groupby("measure")["rating"].agg(["sum", "count"])
score = {m: Fraction(int(r["sum"]), int(r["count"])) for m, r in sums.iterrows()}
plan["policy"] = plan["id"].str.split("-").str[0]
plan["pledge"] = plan["id"].str.rsplit("-", n=1).str[0]
pledge_pct = {}
for pledge, group in plan.groupby("pledge", sort=False):
    values = [score[m] for m in group["id"] if m in score]
    if values:
        pledge_pct[pledge] = round_half_up(sum(values) / len(values) * 10)
policy_pct = {}
for policy, group in plan.groupby("policy", sort=False):
    values = [pledge_pct[p] for p in dict.fromkeys(group["pledge"]) if p in pledge_pct]
    if values:
        policy_pct[policy] = round_half_up(sum(values) / len(values))
overall = round_half_up(sum(policy_pct.values()) / len(policy_pct), 1)

summary = []
for policy, group in plan.groupby("policy", sort=False):
    summary.append(["policy", policy, group["基本政策"].iloc[0], policy_pct.get(policy)])
    for pledge, rows in group.groupby("pledge", sort=False):
        summary.append(["pledge", pledge, rows["公約"].iloc[0], pledge_pct.get(pledge)])
summary.append(["overall", "all", "全体", overall])
pd.DataFrame([[2020, "令和2年度", l, i, t, "" if v is None else (f"{float(v):.1f}" if l == "overall" else int(v))]
              for l, i, t, v in summary],
             columns=["fiscal_year", "fiscal_year_label", "level", "id", "title", "progress_pct"]
             ).to_csv(os.path.join(out, "summary.csv"), index=False, encoding="utf-8-sig", lineterminator="\r\n")
counts = activities.groupby("measure").size()
pd.DataFrame([[2020, "令和2年度", m, t, int(counts.get(m, 0)), f"{float(round_half_up(score[m], 2)):.2f}" if m in score else "",
               int(round_half_up(score[m])) if m in score else ""] for m, t in zip(plan["id"], plan["施策"])],
             columns=["fiscal_year", "fiscal_year_label", "id", "title", "activity_count", "score", "stars"]
             ).to_csv(os.path.join(out, "measures.csv"), index=False, encoding="utf-8-sig", lineterminator="\r\n")
order = {m: i for i, m in enumerate(plan["id"])}
activities["order"] = activities["measure"].map(order)
activities = activities.sort_values(["order"], kind="stable")
export = pd.DataFrame({"fiscal_year": 2020, "fiscal_year_label": "令和2年度", "measure_id": activities["measure"],
                       "department": activities["department"],
                       "activity": activities["取組事業内容"].str.replace(r"\s*\n\s*", " ", regex=True),
                       "rating": activities["rating"], "source_file": activities["file"]})
export.to_csv(os.path.join(out, "activities.csv"), index=False, encoding="utf-8-sig", lineterminator="\r\n")

with pd.ExcelWriter(os.path.join(out, "report.xlsx"), engine="xlsxwriter") as writer:
    pd.DataFrame([[t, None if v is None else float(v)] for _, _, t, v in summary],
                 columns=["", "令和2年度 (%)"]).to_excel(writer, sheet_name="総括表", index=False)
    detail = []
    for m, t, d in zip(plan["id"], plan["施策"], plan["担当部署"]):
        texts = activities.loc[activities["measure"] == m, "取組事業内容"]
        content = "\n".join(["● " + t] + ["・" + x for x in texts])[:32767]
        detail.append([content, d, "★" * int(round_half_up(score[m])) if m in score else "未報告"])
    pd.DataFrame(detail, columns=["施策・取組事業内容", "担当部署", "進捗"]).to_excel(writer, sheet_name="取組状況", index=False)
    sheet = writer.sheets["取組状況"]
    wrap = writer.book.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 80, wrap)
    sheet.set_column(1, 1, 20, wrap)
print(f"全体の進捗: {float(overall):.1f}%  取組 {len(activities)}件")
