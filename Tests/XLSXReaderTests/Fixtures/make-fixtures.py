#!/usr/bin/env python3
"""Makes the XLSX reader's fixtures: one per reading pitfall (NOTES.md), by several producers
(openpyxl, XlsxWriter, LibreOffice headless, hand-made XML), the hostile files each refusal is
tested with, and the Tomakomai sample's CSV submissions as workbooks.

Idempotent: a fixture that exists is kept (the committed files are what the tests check);
`--force` makes them all again. Tests never run this script.

    pip install openpyxl xlsxwriter     # LibreOffice: apt-get install libreoffice-calc-nogui
    python3 Tests/XLSXReaderTests/Fixtures/make-fixtures.py
"""
import csv, datetime, io, os, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
FORCE = "--force" in sys.argv
FIXED = (2021, 4, 20, 9, 0, 0)


def wanted(name):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path) and not FORCE:
        return None
    return path


def pin_openpyxl(wb):
    wb.properties.created = datetime.datetime(2021, 4, 20, 9, 0, 0)
    wb.properties.modified = datetime.datetime(2021, 4, 20, 9, 0, 0)


# ---------------------------------------------------------------- hand-made XML

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKGREL = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""


def package(main=MAIN, rel=RELNS, sheets=(("Sheet1", "sheet1.xml"),), shared=None, styles=None, extra_wb=""):
    reltype = rel + "/" if rel == STRICT_REL else rel + "/"
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKGREL}">'
                       f'<Relationship Id="rId1" Type="{reltype}officeDocument" Target="xl/workbook.xml"/></Relationships>',
    }
    sheet_xml = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
    parts["xl/workbook.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                f'<workbook xmlns="{main}" xmlns:r="{rel}">{extra_wb}<sheets>{sheet_xml}</sheets></workbook>')
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{reltype}worksheet" Target="worksheets/{p}"/>'
                   for i, (_, p) in enumerate(sheets))
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{reltype}sharedStrings" Target="sharedStrings.xml"/>'
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}">{shared}</sst>'
    if styles is not None:
        rels += f'<Relationship Id="rIdT" Type="{reltype}styles" Target="styles.xml"/>'
        parts["xl/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}">{styles}</styleSheet>'
    parts["xl/_rels/workbook.xml.rels"] = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKGREL}">{rels}</Relationships>'
    return parts


def sheet(rows, main=MAIN, after=""):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}"><sheetData>{rows}</sheetData>{after}</worksheet>'


def write_zip(path, parts, entries=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (entries or list(parts.items())):
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)


def handmade():
    if p := wanted("inline-strings-handmade.xlsx"):
        parts = package()
        parts["xl/worksheets/sheet1.xml"] = sheet(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>施策ID</t></is></c>'
            '<c r="B1" t="inlineStr"><is><r><t>取組</t></r><r><rPr><b/></rPr><t>事業内容</t></r></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">  前後に空白  </t></is></c>'
            '<c r="B2" t="inlineStr"><is><t>苫小牧</t><rPh sb="0" eb="3"><t>トマコマイ</t></rPh><phoneticPr fontId="1"/></is></c>'
            '<c r="C2" t="inlineStr"><is><t>1行目\n2行目</t></is></c><c r="D2" t="inlineStr"><is><t>R&amp;D &lt;研究&gt;</t></is></c></row>')
        write_zip(p, parts)
    if p := wanted("empty-shared-value-handmade.xlsx"):
        parts = package(shared='<si><t>最初</t></si><si><t>二番目</t></si>')
        parts["xl/worksheets/sheet1.xml"] = sheet(
            '<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"><v>1</v></c>'
            '<c r="D1" t="s"/><c r="E1" t="s"><v>0</v></c></row>')
        write_zip(p, parts)
    if p := wanted("no-cell-references-handmade.xlsx"):
        parts = package(shared='<si><t>共有</t></si>')
        parts["xl/worksheets/sheet1.xml"] = sheet(
            '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>'
            '<row r="3"><c><v>2</v></c><c r="D3"><v>3</v></c><c><v>4</v></c></row>'
            '<row><c r="B4" t="s"><v>0</v></c><c t="b"><v>1</v></c></row>'
            '<row spans="1:2"><c><v>5</v></c></row>')
        write_zip(p, parts)
    if p := wanted("odd-part-paths-handmade.xlsx"):
        # The workbook at book/main.xml, sheets through relative (with ..) and absolute targets,
        # the sheet order in workbook.xml opposite to the part names, a hidden sheet, a chart sheet.
        parts = {
            "[Content_Types].xml": CONTENT_TYPES,
            "_rels/.rels": f'<Relationships xmlns="{PKGREL}"><Relationship Id="a" Type="{RELNS}/extended-properties" Target="docProps/app.xml"/>'
                           f'<Relationship Id="b" Type="{RELNS}/officeDocument" Target="/book/main.xml"/></Relationships>',
            "book/main.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{RELNS}"><workbookPr/><sheets>'
                             f'<sheet name="一覧" sheetId="2" r:id="rId2"/><sheet name="R&amp;D" sheetId="1" r:id="rId1"/>'
                             f'<sheet name="グラフ" sheetId="3" r:id="rId3"/><sheet name="作業用" sheetId="4" state="hidden" r:id="rId4"/></sheets></workbook>',
            "book/_rels/main.xml.rels": f'<Relationships xmlns="{PKGREL}">'
                                        f'<Relationship Id="rId1" Type="{RELNS}/worksheet" Target="sheets/../sheets/second.xml"/>'
                                        f'<Relationship Id="rId2" Type="{RELNS}/worksheet" Target="/book/sheets/first.xml"/>'
                                        f'<Relationship Id="rId3" Type="{RELNS}/chartsheet" Target="charts/chart1.xml"/>'
                                        f'<Relationship Id="rId4" Type="{RELNS}/worksheet" Target="./sheets/hidden.xml"/>'
                                        f'<Relationship Id="rId5" Type="{RELNS}/sharedStrings" Target="../strings/shared.xml"/>'
                                        f'<Relationship Id="rId6" Type="{RELNS}/hyperlink" Target="https://example.jp/" TargetMode="External"/>'
                                        '</Relationships>',
            "strings/shared.xml": f'<sst xmlns="{MAIN}"><si><t>一覧の値</t></si><si><t>別表の値</t></si><si><t>隠し</t></si></sst>',
            "book/sheets/second.xml": sheet('<row r="1"><c r="A1" t="s"><v>1</v></c></row>'),
            "book/sheets/first.xml": sheet('<row r="2"><c r="B2" t="s"><v>0</v></c></row>'),
            "book/sheets/hidden.xml": sheet('<row r="1"><c r="A1" t="s"><v>2</v></c></row>'),
            "book/charts/chart1.xml": '<chartsheet xmlns="' + MAIN + '"/>',
        }
        write_zip(p, parts)
    if p := wanted("strict-ooxml-handmade.xlsx"):
        parts = package(main=STRICT_MAIN, rel=STRICT_REL, shared='<si><t>厳格</t></si><si><r><t>リッチ</t></r><r><t>テキスト</t></r></si>',
                        styles='<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
                               '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>',
                        extra_wb='<workbookPr dateCompatibility="0"/>')
        parts["xl/worksheets/sheet1.xml"] = sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>42.5</v></c>'
            '<c r="D1" t="d"><v>2021-04-20T00:00:00Z</v></c><c r="E1" s="1"><v>44306</v></c></row>', main=STRICT_MAIN)
        write_zip(p, parts)
    if p := wanted("types-handmade.xlsx"):
        # Custom and built-in date formats, times, the 1900 leap-year bug, scientific and General.
        styles = ('<numFmts count="4"><numFmt numFmtId="164" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
                  '<numFmt numFmtId="165" formatCode="0.00E+00"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/>'
                  '<numFmt numFmtId="167" formatCode="[Red]#,##0;[Blue]-#,##0"/></numFmts>'
                  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
                  '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>'
                  '<xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="167"/></cellXfs>')
        parts = package(styles=styles)
        parts["xl/worksheets/sheet1.xml"] = sheet(
            '<row r="1"><c r="A1" s="1"><v>44306</v></c><c r="B1" s="2"><v>44306</v></c><c r="C1" s="3"><v>12345.678</v></c>'
            '<c r="D1" s="4"><v>44306.395833333336</v></c><c r="E1" s="5"><v>0.5</v></c><c r="F1" s="6"><v>1234</v></c></row>'
            '<row r="2"><c r="A2" s="1"><v>60</v></c><c r="B2" s="1"><v>61</v></c><c r="C2" s="1"><v>1</v></c>'
            '<c r="D2"><v>0.1</v></c><c r="E2"><v>1.0000000000000001E-3</v></c><c r="F2"><v>-7.0</v></c></row>'
            '<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="str"><f>A1&amp;""</f><v>44306</v></c>'
            '<c r="D3"><f>1/3</f><v>0.33333333333333331</v></c><c r="E3" t="n"><v>007</v></c><c r="F3"><v>12345678901234567890</v></c></row>')
        write_zip(p, parts)


# ---------------------------------------------------------------- hostile files

def hostile():
    base = package(shared='<si><t>施策ID</t></si>')
    base["xl/worksheets/sheet1.xml"] = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    if p := wanted("hostile/encrypted-ole.xlsx"):
        # What Excel writes for a password-protected workbook (and what an .xls is): an OLE compound file.
        header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900")
        open(p, "wb").write(header + bytes(4096 - len(header)))
    if p := wanted("hostile/not-a-zip.xlsx"):
        open(p, "wb").write("部署名,財政課\nこれはCSVを名前だけ.xlsxにしたものです\n".encode("utf-8"))
    if p := wanted("hostile/truncated.xlsx"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in base.items():
                z.writestr(zipfile.ZipInfo(name, FIXED), text)
            z.writestr(zipfile.ZipInfo("xl/media/padding.bin", FIXED), os.urandom(0) + bytes(range(256)) * 64)
        data = buffer.getvalue()
        open(p, "wb").write(data[: len(data) * 2 // 3])
    if p := wanted("hostile/doctype-entities.xlsx"):
        laughs = "".join(f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
        parts = dict(base)
        parts["xl/worksheets/sheet1.xml"] = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">{laughs}]>'
                                             f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
        write_zip(p, parts)
    if p := wanted("hostile/external-entity.xlsx"):
        parts = dict(base)
        parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                                         f'<sst xmlns="{MAIN}"><si><t>&xxe;</t></si></sst>')
        write_zip(p, parts)
    if p := wanted("hostile/undeclared-entity.xlsx"):
        parts = dict(base)
        parts["xl/worksheets/sheet1.xml"] = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>')
        write_zip(p, parts)
    if p := wanted("hostile/zip-bomb.xlsx"):
        # 200 MB of one repeated row: about 200 KB compressed (ratio 0.001).
        row = '<row><c t="inlineStr"><is><t>爆弾</t></is></c></row>'
        body = row * (200_000_000 // len(row.encode()))
        parts = dict(base)
        parts["xl/worksheets/sheet1.xml"] = sheet(body)
        write_zip(p, parts)
    if p := wanted("hostile/zip-bomb-lying-size.xlsx"):
        # The directory says the sheet is 2,000 bytes; it inflates to 20 MB.
        row = '<row><c t="inlineStr"><is><t>爆弾</t></is></c></row>'
        parts = dict(base)
        parts["xl/worksheets/sheet1.xml"] = sheet(row * (20_000_000 // len(row.encode())))
        buffer = io.BytesIO()
        write_zip(buffer, parts)
        data = bytearray(buffer.getvalue())
        name = b"xl/worksheets/sheet1.xml"
        for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
            start = 0
            while (at := data.find(signature, start)) >= 0:
                if data[at + name_at: at + name_at + len(name)] == name:
                    data[at + size_at: at + size_at + 4] = (2000).to_bytes(4, "little")
                start = at + 4
        open(p, "wb").write(bytes(data))
    if p := wanted("hostile/too-many-entries.xlsx"):
        entries = list(base.items()) + [(f"xl/media/image{i}.png", b"x") for i in range(1001)]
        write_zip(p, None, entries)
    if p := wanted("hostile/parent-path-entry.xlsx"):
        write_zip(p, None, list(base.items()) + [("xl/../../evil.sh", "#!/bin/sh\n")])
    if p := wanted("hostile/absolute-path-entry.xlsx"):
        write_zip(p, None, list(base.items()) + [("/etc/cron.d/evil", "* * * * * root true\n")])
    if p := wanted("hostile/duplicate-entry.xlsx"):
        import warnings
        warnings.simplefilter("ignore")
        write_zip(p, None, list(base.items()) + [("xl/worksheets/sheet1.xml", sheet('<row r="1"><c r="A1"><v>2</v></c></row>'))])


# ---------------------------------------------------------------- openpyxl

def by_openpyxl():
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    if p := wanted("rich-text-openpyxl.xlsx"):
        wb = openpyxl.Workbook(); pin_openpyxl(wb)
        ws = wb.active; ws.title = "提出票"
        ws["A1"] = CellRichText([TextBlock(InlineFont(b=True), "取組"), "事業", TextBlock(InlineFont(color="FF0000"), "内容")])
        ws["B1"] = CellRichText(["  先頭の空白", TextBlock(InlineFont(i=True), "と末尾  ")])
        ws["A2"] = "普通の文字列"
        wb.save(p)
    if p := wanted("types-openpyxl.xlsx"):
        wb = openpyxl.Workbook(); pin_openpyxl(wb)
        ws = wb.active; ws.title = "型"
        ws.append(["文字", 7, 7.5, True, False, "#N/A"])
        ws.append([datetime.date(2021, 4, 20), datetime.datetime(2021, 4, 20, 9, 30), datetime.time(13, 45), -0.25, 1e-7, 123456789012])
        ws.append(["  空白を保つ  ", "改行\nあり", "", None, "=1+1", "末尾"])
        wb.save(p)
    if p := wanted("iso-dates-openpyxl.xlsx"):
        wb = openpyxl.Workbook(); pin_openpyxl(wb)
        wb.iso_dates = True
        ws = wb.active
        ws.append([datetime.date(2021, 4, 20), datetime.datetime(2021, 4, 20, 9, 30, 15)])
        wb.save(p)
    if p := wanted("date1904-openpyxl.xlsx"):
        wb = openpyxl.Workbook(); pin_openpyxl(wb)
        wb.epoch = CALENDAR_MAC_1904
        ws = wb.active
        ws.append(["提出日", datetime.date(2021, 4, 20)])
        ws.append(["日時", datetime.datetime(2020, 3, 31, 18, 0)])
        wb.save(p)
    if p := wanted("hidden-sheets-openpyxl.xlsx"):
        wb = openpyxl.Workbook(); pin_openpyxl(wb)
        ws = wb.active; ws.title = "提出票"; ws["A1"] = "見える"
        hidden = wb.create_sheet("リスト"); hidden["A1"] = "隠し"; hidden.sheet_state = "hidden"
        very = wb.create_sheet("設定"); very["A1"] = "とても隠し"; very.sheet_state = "veryHidden"
        last = wb.create_sheet("別紙"); last["B2"] = "二枚目"
        wb.save(p)


# ---------------------------------------------------------------- XlsxWriter

def by_xlsxwriter():
    import xlsxwriter

    def book(path, options=None):
        wb = xlsxwriter.Workbook(path, options or {})
        wb.set_properties({"created": datetime.datetime(2021, 4, 20, 9, 0, 0)})
        return wb

    if p := wanted("rich-text-xlsxwriter.xlsx"):
        wb = book(p); ws = wb.add_worksheet("提出票")
        bold, red = wb.add_format({"bold": True}), wb.add_format({"font_color": "red"})
        ws.write_rich_string("A1", bold, "施策", "ID")
        ws.write_rich_string("B1", "評価は", red, "0〜10", "の整数")
        ws.write_string("C1", " 前に空白")
        ws.write_string("D1", "後ろに空白 ")
        wb.close()
    if p := wanted("types-xlsxwriter.xlsx"):
        wb = book(p); ws = wb.add_worksheet("型")
        date = wb.add_format({"num_format": "yyyy/m/d"})
        stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        ws.write_formula("A1", '="合"&"計"', None, "合計")
        ws.write_formula("B1", "=SUM(1,2)", None, 3)
        ws.write_formula("C1", "=1/0", None, "#DIV/0!")
        ws.write_boolean("D1", True)
        ws.write_formula("E1", "=1=2", None, False)
        ws.write_number("F1", 44306, date)
        ws.write_datetime("A2", datetime.datetime(2021, 4, 20, 9, 30), stamp)
        ws.write_number("B2", 7)
        ws.write_number("C2", 7.5)
        ws.write_string("D2", "7")
        ws.write_formula("E2", "=NA()", None, "#N/A")
        ws.merge_range("A4:C4", "結合したタイトル")
        ws.merge_range("A5:A7", "")
        ws.write_number("A5", 9)
        wb.close()
    if p := wanted("date1904-xlsxwriter.xlsx"):
        wb = book(p, {"date_1904": True}); ws = wb.add_worksheet()
        fmt = wb.add_format({"num_format": "yyyy/mm/dd"})
        ws.write_datetime("A1", datetime.datetime(2021, 4, 20), fmt)
        ws.write_number("B1", 0, fmt)
        ws.write_number("C1", 44306)
        wb.close()
    if p := wanted("hidden-sheets-xlsxwriter.xlsx"):
        wb = book(p)
        visible = wb.add_worksheet("提出票"); visible.write("A1", "見える")
        hidden = wb.add_worksheet("選択肢"); hidden.write("A1", "隠し"); hidden.hide()
        wb.add_worksheet("空").write("A1", "")
        wb.close()


# ---------------------------------------------------------------- LibreOffice

def by_libreoffice():
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        print("LibreOffice not found: skipping its fixtures", file=sys.stderr)
        return
    import openpyxl
    target = wanted("submission-libreoffice.xlsx")
    if not target:
        return
    with tempfile.TemporaryDirectory() as tmp:
        # LibreOffice reads an OpenDocument flat file and writes the XLSX the way LibreOffice does:
        # shared strings, its own styles, cached formula results, a merged title and a hidden sheet.
        source = os.path.join(tmp, "submission-libreoffice.fods")
        open(source, "w", encoding="utf-8").write(FODS)
        subprocess.run([office, "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "submission-libreoffice.xlsx"), target)


FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N1"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/></number:date-style>
 <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
 <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="提出票">
 <table:table-row><table:table-cell table:number-columns-spanned="4" office:value-type="string"><text:p>令和2年度 取組状況</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="3"/></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>部署名</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>こども育成課</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>提出日</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2021-04-20"><text:p>2021/4/20</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell/></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>施策ID</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>取組事業内容</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>評価</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>備考</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>1-3-2</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p><text:s text:c="2"/>副食費を無償化しました<text:s/></text:p></table:table-cell><table:table-cell office:value-type="float" office:value="8"><text:p>8</text:p></table:table-cell><table:table-cell table:formula="of:=[.C6]+[.C7]" office:value-type="float" office:value="18"><text:p>18</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>5-2-2</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>園舎を整備しました</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="10"><text:p>10</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell office:value-type="float" office:value="7.25"><text:p>7.25</text:p></table:table-cell><table:table-cell table:formula="of:=&quot;文字&quot;&amp;&quot;列&quot;" office:value-type="string" office:string-value="文字列"><text:p>文字列</text:p></table:table-cell></table:table-row>
</table:table>
<table:table table:name="選択肢" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string"><text:p>隠し</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document>
"""


# ---------------------------------------------------------------- Tomakomai as workbooks

def tomakomai():
    """Each CSV submission of Samples/tomakomai/inbox as the workbook a department would send:
    numbers as numbers, a 2021/4/20-style 提出日 as a date cell."""
    import openpyxl
    inbox = os.path.join(ROOT, "Samples", "tomakomai", "inbox")
    for name in sorted(os.listdir(inbox)):
        if not name.endswith(".csv"):
            continue
        p = wanted(os.path.join("tomakomai-xlsx", name[:-4] + ".xlsx"))
        if not p:
            continue
        raw = open(os.path.join(inbox, name), "rb").read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp932")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        wb = openpyxl.Workbook(); pin_openpyxl(wb)
        ws = wb.active; ws.title = "提出票"
        for row in rows:
            values = []
            for index, value in enumerate(row):
                if row and row[0] == "提出日" and index == 1 and value.count("/") == 2:
                    y, m, d = (int(x) for x in value.split("/"))
                    values.append(datetime.date(y, m, d))
                elif value.isdigit():
                    values.append(int(value))
                else:
                    values.append(value if value != "" else None)
            ws.append(values)
        for cell in ws["B"]:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy/m/d"
        wb.save(p)


def end_to_end():
    """A submission for Tests/EndToEndTests' small plan with a rating out of range in D5 of 提出票."""
    import openpyxl
    if p := wanted("e2e/行政監理室.xlsx"):
        wb = openpyxl.Workbook(); pin_openpyxl(wb)
        ws = wb.active; ws.title = "提出票"
        for row in (["部署名", "行政監理室"], ["年度", "令和2年度"], [], ["施策ID", "施策内容", "取組事業内容", "評価"],
                    ["Ⅰ-1-1", None, "研修を実施しました", 11], ["Ⅰ-1-1", None, "計画を改定しました", 7.0]):
            ws.append(row)
        hidden = wb.create_sheet("作業用"); hidden.sheet_state = "hidden"
        hidden.append(["施策ID", "取組事業内容", "評価"]); hidden.append(["Ⅰ-1-9", "隠しシートの行", "済"])
        wb.save(p)


if __name__ == "__main__":
    handmade()
    hostile()
    by_openpyxl()
    by_xlsxwriter()
    by_libreoffice()
    tomakomai()
    end_to_end()
    print("fixtures in", HERE)
