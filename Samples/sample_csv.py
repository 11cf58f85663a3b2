"""What the sample generators share: CSV files as Japanese Excel saves them for the open data
(UTF-8 with BOM, CRLF), and an inbox emptied of earlier CSVs before it is written again."""
import csv
import io


def write_csv(path, rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def fresh_inbox(folder):
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.csv"):
        old.unlink()
    return folder


def submission(department, year_label, submitted, header, rows):
    """A department's file as the samples' inboxes have it: label/value pairs, a blank row, the header."""
    return [["部署名", department], ["年度", year_label], ["提出日", submitted], [], header] + rows
