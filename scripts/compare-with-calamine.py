#!/usr/bin/env python3
"""Reads every .xlsx/.xlsm under DIR with pledgekit's reader and with python-calamine, cell by cell.

    scripts/compare-with-calamine.py DIR [--bench PATH] [--timeout S] [--quiet-same]

pledgekit's side is `xlsx-read-bench FILE --json` (a child process: a crash or hang there is counted,
never fatal); calamine's side runs in a forked child with the same timeout. Per file it prints one of

    same       FILE
    intended   FILE: spaces kept N, error code shown M     (only the differences below, on purpose)
    differs    FILE: Sheet!B7 pledgekit='…' calamine='…'      (the first other difference)
    refused    FILE by pledgekit: message | by calamine: message | by both: …
    crash/hang FILE (which side)

and a last line of counts. Values are compared as the text a clerk sees: calamine's int/float/bool/
date/time/timedelta are rendered the way pledgekit renders them (General integers without ".0",
ISO dates, elapsed times as h:mm:ss), so a "differs" is a real difference, not a formatting one.
"""
import argparse
import datetime as dt
import json
import multiprocessing
import os
import subprocess
import sys
from collections import Counter

import python_calamine


def calamine_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value == 0:
            return "0"
        if value == int(value) and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        seconds = round(value.microsecond / 1e6)
        value = value.replace(microsecond=0) + dt.timedelta(seconds=seconds)
        if value.time() == dt.time(0, 0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        seconds = round(value.microsecond / 1e6)
        total = value.hour * 3600 + value.minute * 60 + value.second + seconds
        return "%02d:%02d:%02d" % (total // 3600 % 24, total // 60 % 60, total % 60)
    if isinstance(value, dt.timedelta):
        total = round(value.total_seconds())
        sign = "-" if total < 0 else ""
        total = abs(total)
        return "%s%02d:%02d:%02d" % (sign, total // 3600, total // 60 % 60, total % 60)
    return str(value)


def rows_of(grid):
    """{row number: values with trailing empties cut}, empty rows left out."""
    rows = {}
    for index, values in enumerate(grid):
        texts = [calamine_text(v) for v in values]
        while texts and texts[-1] == "":
            texts.pop()
        if texts:
            rows[index + 1] = texts
    return rows


def read_calamine(path, connection):
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(path)
        sheets = []
        for meta in workbook.sheets_metadata:
            if str(meta.typ).split(".")[-1].lower() != "worksheet":
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            sheets.append([meta.name, rows_of(sheet.to_python(skip_empty_area=False))])
        connection.send(("ok", sheets))
    except BaseException as error:  # noqa: BLE001 - every refusal is reported
        connection.send(("refused", f"{type(error).__name__}: {str(error)[:200]}"))


def calamine(path, timeout):
    receiver, sender = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=read_calamine, args=(path, sender))
    process.start()
    sender.close()
    result = None
    if receiver.poll(timeout):
        try:
            result = receiver.recv()
        except EOFError:
            result = None
    process.join(1 if result else 0.1)
    if process.is_alive():
        process.kill()
        process.join()
        return ("hang", None) if result is None else result
    if result is None:
        return ("crash", f"exit {process.exitcode}")
    return result


def pledgekit(path, bench, timeout):
    try:
        done = subprocess.run([bench, path, "--json"], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ("hang", None)
    if done.returncode == 0:
        dump = json.loads(done.stdout)
        sheets = []
        for sheet in dump["sheets"]:
            rows = {number: values for number, values in sheet["rows"]}
            sheets.append([sheet["name"], rows])
        return ("ok", sheets)
    if done.returncode == 1:
        return ("refused", done.stderr.decode("utf-8", "replace").strip()[:300])
    return ("crash", f"exit {done.returncode}: {done.stderr.decode('utf-8', 'replace')[-300:]}")


def column_name(number):
    name = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


ERROR_CODES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}


def intended(ours, theirs):
    """Why a cell may differ on purpose, or None: pledgekit keeps a text's leading and trailing
    spaces and line breaks (calamine trims them), and shows an error cell's code (#DIV/0!) where
    python-calamine gives an empty cell."""
    if ours != theirs and ours.strip() == theirs:
        return "spaces kept"
    if ours in ERROR_CODES and theirs == "":
        return "error code shown"
    return None


def first_difference(ours, theirs, reasons):
    names = [name for name, _ in ours]
    their_names = [name for name, _ in theirs]
    if names != their_names:
        return f"sheets pledgekit={names} calamine={their_names}"
    for (name, rows), (_, their_rows) in zip(ours, theirs):
        for number in sorted(set(rows) | set(their_rows)):
            a, b = rows.get(number, []), their_rows.get(number, [])
            if a == b:
                continue
            for column in range(max(len(a), len(b))):
                x = a[column] if column < len(a) else ""
                y = b[column] if column < len(b) else ""
                if x == y:
                    continue
                reason = intended(x, y)
                if reason:
                    reasons[reason] += 1
                    continue
                return f"{name}!{column_name(column + 1)}{number} pledgekit={x[:80]!r} calamine={y[:80]!r}"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--bench", default=os.environ.get("XLSX_READ_BENCH", ".build/debug/xlsx-read-bench"))
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--quiet-same", action="store_true")
    arguments = parser.parse_args()
    files = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(arguments.directory)
        for name in names
        if name.lower().endswith((".xlsx", ".xlsm"))
    )
    counts = Counter()
    intended_cells = Counter()
    for path in files:
        ours = pledgekit(path, arguments.bench, arguments.timeout)
        theirs = calamine(path, arguments.timeout)
        if ours[0] in ("crash", "hang") or theirs[0] in ("crash", "hang"):
            side = "pledgekit" if ours[0] in ("crash", "hang") else "calamine"
            kind = ours[0] if side == "pledgekit" else theirs[0]
            detail = ours[1] if side == "pledgekit" else theirs[1]
            line, key = f"{kind:<10} {path} ({side}) {detail or ''}", f"{kind} ({side})"
        elif ours[0] == "refused" and theirs[0] == "refused":
            line, key = f"refused    {path} by both: {ours[1]} | {theirs[1]}", "refused by both"
        elif ours[0] == "refused":
            line, key = f"refused    {path} by pledgekit only: {ours[1]}", "refused by pledgekit only"
        elif theirs[0] == "refused":
            line, key = f"refused    {path} by calamine only: {theirs[1]}", "refused by calamine only"
        else:
            reasons = Counter()
            difference = first_difference(ours[1], theirs[1], reasons)
            if difference:
                line, key = f"differs    {path}: {difference}", "differs"
            elif reasons:
                detail = ", ".join(f"{reason} {count}" for reason, count in sorted(reasons.items()))
                line, key = f"intended   {path}: {detail}", "same but for intended differences"
                intended_cells.update(reasons)
            else:
                line, key = f"same       {path}", "same"
        counts[key] += 1
        if key != "same" or not arguments.quiet_same:
            print(line, flush=True)
    order = ["same", "same but for intended differences", "differs", "refused by pledgekit only", "refused by calamine only", "refused by both"]
    keys = order + sorted(k for k in counts if k not in order)
    print(f"files {len(files)}: " + ", ".join(f"{key} {counts[key]}" for key in keys)
          + " (intended cells: " + (", ".join(f"{k} {v}" for k, v in sorted(intended_cells.items())) or "none") + ")")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    main()
