"""Writes the FY2021 (令和3年度) half of the three-year history sample from the Tomakomai FY2020 sample:
plan.csv (pledge Ⅳ-1 renamed, as a plan is revised mid-term) and inbox/ (every FY2020 submission
re-dated to FY2021, two of every three ratings one point higher, at most 10). The earlier years are
history/令和元年度/summary.csv (the FY2019 summary, as in ../tomakomai/previous) and
history/令和2年度/summary.csv (what `pledgekit merge` wrote for FY2020, see README.md).
Run: /work/venv/bin/python Samples/history/make_sample.py
"""
import csv
import io
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent / "tomakomai"
OLD_TITLE = "受動喫煙防止条例「フレッシュエア条例（仮称）」を制定します"
NEW_TITLE = "受動喫煙防止条例に基づき、受動喫煙のない街をつくります"


def decode(data):
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("unknown encoding")


def write_csv(path, rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def main():
    plan = list(csv.reader(io.StringIO(decode((SOURCE / "plan.csv").read_bytes()))))
    assert sum(row[3] == OLD_TITLE for row in plan) == 2
    write_csv(HERE / "plan.csv", [[NEW_TITLE if cell == OLD_TITLE else cell for cell in row] for row in plan])

    inbox = HERE / "inbox"
    inbox.mkdir(exist_ok=True)
    counter = 0
    for source in sorted((SOURCE / "inbox").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(decode(source.read_bytes()))))
        rating = None
        out = []
        for row in rows:
            if row and row[0] == "年度":
                row = ["年度", "令和3年度"]
            elif row and row[0] == "提出日":
                row = ["提出日", "2022-04-15"]
            elif row and "評価" in row:
                rating = row.index("評価")
            elif rating is not None and len(row) > rating and row[rating].strip():
                value = int(row[rating].strip().translate(str.maketrans("０１２３４５６７８９", "0123456789")))
                row = list(row)
                row[rating] = str(min(10, value + (1 if counter % 3 != 2 else 0)))
                counter += 1
            out.append(row)
        write_csv(inbox / source.name, out)


if __name__ == "__main__":
    main()
