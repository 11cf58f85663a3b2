#!/usr/bin/env python3
"""Seeds for fuzz-xlsx-parts: the first sheet, shared strings, styles and workbook part of each
workbook given, joined by the target's separator (Fuzz/Sources/FuzzSupport/WorkbookParts.swift)."""
import hashlib, pathlib, sys, zipfile

SEPARATOR = b"\n--part--\n"
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
for name in sys.argv[2:]:
    try:
        with zipfile.ZipFile(name) as z:
            names = z.namelist()
            sheet = next((n for n in sorted(names) if n.startswith("xl/worksheets/") and n.endswith(".xml")), None)
            if sheet is None:
                continue
            parts = [z.read(sheet)] + [z.read(n) if n in names else b"" for n in
                                       ("xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml")]
    except Exception:
        continue  # the hostile fixtures: not seeds for this target
    seed = SEPARATOR.join(parts)
    (out / (hashlib.sha1(seed).hexdigest()[:16] + ".seed")).write_bytes(seed)
