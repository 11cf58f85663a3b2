#!/usr/bin/env python3
"""The year's round in a real browser (issue 26): headless Chromium from Debian, driven by Selenium,
uses `pledgekit serve` as a department and the planning office would, and saves a screenshot of
every page it sees.

    scripts/browser-round.py PLEDGEKIT [SCREENSHOT_DIR] [--work DIR]

The round is the Tomakomai sample (Samples/tomakomai, 令和2年度, last year from previous/summary.csv):
the server's inbox holds every department's file but 財政課's, and 財政課 uploads its own through
its personal link: first with its rating of 9 changed to 11 (refused, the cell named), then the
original (accepted). The office signs in, sees 財政課 受付済, runs the merge, and downloads the
outputs: the workbook and every CSV must be byte for byte what `pledgekit merge` writes for the
same files, and the workbook's 総括表 must hold the figures of that merge's summary.csv (全体 74.8).

Only 127.0.0.1 is ever contacted. Ends with the line `N passed, M failed`; exit 1 on any failure.
Without Chromium, chromedriver or Selenium the round is skipped (a failure when CI is set).
"""
import argparse
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zipfile

# Selenium reports usage to an outside host unless told not to; the intranet reaches nothing outside.
os.environ.setdefault("SE_AVOID_STATS", "true")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from serve_testing.checks import Checks, missing_tool  # noqa: E402
from serve_testing.client import assert_loopback  # noqa: E402
from serve_testing.server import Server, department_links, free_port, origin_of, set_password  # noqa: E402

SAMPLE = os.path.join(ROOT, "Samples", "tomakomai")
YEAR = "令和2年度"
DEPARTMENT = "財政課"
CHROMIUM = os.environ.get("BROWSER_ROUND_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("BROWSER_ROUND_CHROMEDRIVER", "/usr/bin/chromedriver")
PASSWORD = "round-office-" + os.urandom(6).hex()
RUN_TIMEOUT = 120


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("pledgekit")
    p.add_argument("screenshots", nargs="?", default=os.path.join(ROOT, ".build", "screenshots"))
    p.add_argument("--work", help="scratch folder (default: a new temporary one, removed unless the round fails)")
    a = p.parse_args()
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            missing_tool("browser-round", tool)
    try:
        import selenium  # noqa: F401
        import python_calamine  # noqa: F401
    except ImportError as e:
        missing_tool("browser-round", f"Python の {e.name}（.venv）")
    pledgekit = os.path.abspath(a.pledgekit)
    if not os.access(pledgekit, os.X_OK):
        print(f"browser-round: {pledgekit} がありません")
        print("0 passed, 1 failed")
        return 1
    os.makedirs(a.screenshots, exist_ok=True)
    work = a.work or tempfile.mkdtemp(prefix="browser-round-")
    os.makedirs(work, exist_ok=True)
    round_ = Round(pledgekit, os.path.abspath(a.screenshots), os.path.abspath(work))

    def finish(ok):
        round_.close()
        if ok and not a.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"scratch folder kept: {work} (server log {os.path.join(work, 'serve.log')})")
        print(f"screenshots: {a.screenshots}")

    return Checks("browser-round").run(round_.run, finish)


class Round:
    def __init__(self, pledgekit, shots, work):
        self.pk, self.shots, self.work = pledgekit, shots, work
        self.server = None
        self.driver = None
        self.n = 0

    def close(self):
        if self.driver:
            self.driver.quit()
        if self.server:
            self.server.stop()

    # --- set-up -------------------------------------------------------------------------------

    def prepare(self, c):
        w = self.work
        self.plan = os.path.join(SAMPLE, "plan.csv")
        self.previous = os.path.join(SAMPLE, "previous", "summary.csv")
        self.inbox = os.path.join(w, "inbox")
        os.makedirs(self.inbox, exist_ok=True)
        for name in os.listdir(os.path.join(SAMPLE, "inbox")):
            if name != DEPARTMENT + ".csv":
                shutil.copy(os.path.join(SAMPLE, "inbox", name), self.inbox)
        original = open(os.path.join(SAMPLE, "inbox", DEPARTMENT + ".csv"), "rb").read()
        self.good = os.path.join(w, "good", DEPARTMENT + ".csv")
        self.bad = os.path.join(w, "bad", DEPARTMENT + ".csv")
        for path, data in ((self.good, original), (self.bad, original.replace(b",9,\r\n", b",11,\r\n"))):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "wb").write(data)
        c.check(open(self.bad, "rb").read() != original, "the bad file differs from the original by one rating (9 → 11)")
        # What the round must produce: `pledgekit merge` over the same files (the inbox and the
        # department's file under its own name), into a folder of its own.
        self.ref_inbox = os.path.join(w, "ref-inbox")
        shutil.copytree(self.inbox, self.ref_inbox)
        shutil.copy(self.good, self.ref_inbox)
        self.ref = os.path.join(w, "ref-out")
        r = subprocess.run([self.pk, "merge", self.ref_inbox, "--plan", self.plan, "--year", YEAR,
                            "--previous", self.previous, "--out", self.ref], capture_output=True, text=True, timeout=300)
        c.equal(r.returncode, 0, "reference `pledgekit merge` of the same files succeeds")
        self.state, self.out = os.path.join(w, "state"), os.path.join(w, "out")
        set_password(self.pk, self.state, PASSWORD)
        port = free_port()
        links = department_links(self.pk, self.state, self.plan, f"http://127.0.0.1:{port}")
        c.check(DEPARTMENT in links, f"--department-links prints a link for {DEPARTMENT}", f"{len(links)} links")
        self.departments = list(links)
        self.server = Server(self.pk, [self.inbox, "--plan", self.plan, "--year", YEAR, "--previous", self.previous,
                                       "--out", self.out, "--state", self.state],
                             os.path.join(w, "serve.log"), listen=f"127.0.0.1:{port}")
        c.check(True, f"server listening at {self.server.url}")
        self.link = origin_of(links[DEPARTMENT], self.server.url)
        self.token = urllib.parse.urlsplit(self.link).path.rstrip("/").rsplit("/", 1)[-1]

    def start_browser(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        self.downloads = os.path.join(self.work, "downloads")
        os.makedirs(self.downloads, exist_ok=True)
        o = webdriver.ChromeOptions()
        o.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                    "--lang=ja", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"):
            o.add_argument(arg)
        o.add_experimental_option("prefs", {"intl.accept_languages": "ja,en",
                                            "download.default_directory": self.downloads,
                                            "download.prompt_for_download": False,
                                            "safebrowsing.enabled": False})
        # Chromium's own words (the file button) in Japanese, as a clerk sees them (chromium-l10n).
        env = dict(os.environ, LANGUAGE="ja", LANG="C.UTF-8")  # C.UTF-8: file paths stay UTF-8
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER, log_output=os.path.join(self.work, "chromedriver.log"),
                                                       env=env), options=o)
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads})
        self.driver.set_page_load_timeout(60)

    # --- browser helpers ----------------------------------------------------------------------

    def shot(self, name):
        """A screenshot of the whole page (the window grown to the page's height, at most 6000 px)."""
        d = self.driver
        self.n += 1
        height = d.execute_script("return Math.max(document.body ? document.body.scrollHeight : 0,"
                                  " document.documentElement.scrollHeight)") or 1000
        d.set_window_size(1280, max(1000, min(int(height) + 140, 6000)))
        path = os.path.join(self.shots, f"{self.n:02d}-{name}.png")
        d.save_screenshot(path)
        d.set_window_size(1280, 1000)
        print(f"      screenshot {path}", flush=True)
        return path

    def find(self, css, timeout=20):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait
        return WebDriverWait(self.driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))

    def all(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def path(self):
        return urllib.parse.urlsplit(self.driver.current_url).path

    def wait_path(self, pattern, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.fullmatch(pattern, self.path()):
                return True
            time.sleep(0.1)
        return False

    def cookie_header(self):
        return "; ".join(f"{k['name']}={k['value']}" for k in self.driver.get_cookies())

    def fetch(self, href):
        """GET href with the browser's cookies (the session), as the browser would download it."""
        url = urllib.parse.urljoin(self.driver.current_url, href)
        assert_loopback(url)
        req = urllib.request.Request(url, headers={"Cookie": self.cookie_header()})
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers, resp.read()

    def wait_download(self, before, timeout=30):
        """The file that appeared in the download folder since `before` (a set of names)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = [n for n in os.listdir(self.downloads) if n not in before]
            done = [n for n in new if not n.endswith((".crdownload", ".tmp")) and not n.startswith(".")]
            if done and not [n for n in new if n.endswith(".crdownload")]:
                return os.path.join(self.downloads, done[0])
            time.sleep(0.2)
        return None

    def upload(self, c, path, label):
        from selenium.webdriver.common.by import By
        self.find("#upload-form")
        self.driver.find_element(By.ID, "file").send_keys(path)
        self.driver.find_element(By.ID, "upload").click()
        c.check(self.wait_path(r"/department/uploads/[^/]+", 60), f"{label}: the answer is at /department/uploads/<id>",
                self.driver.current_url)
        return self.find("#upload-result", 60)

    # --- the round ------------------------------------------------------------------------------

    def run(self, c):
        from selenium.webdriver.common.by import By
        print("== set-up", flush=True)
        self.prepare(c)
        self.start_browser()
        d = self.driver

        print(f"== {DEPARTMENT} opens its link", flush=True)
        d.get(self.link)
        name = self.find("#department-name")
        c.check(self.path() == "/department", "the link lands on /department", d.current_url)
        c.check(self.token not in d.current_url, "the token is no longer in the address bar", d.current_url)
        c.equal(name.text.strip(), DEPARTMENT, "#department-name is the department")
        cookies = d.get_cookies()
        c.check(any(k.get("httpOnly") for k in cookies), "the session cookie is HttpOnly", repr(cookies), fatal=False)
        c.check(all(k.get("sameSite") == "Strict" for k in cookies if k.get("httpOnly")),
                "the session cookie is SameSite=Strict", repr(cookies), fatal=False)
        self.shot("department")

        print("== it downloads its template", flush=True)
        template = d.find_element(By.ID, "download-template")
        c.check(template.get_attribute("href").endswith("/department/template.xlsx"), "#download-template links the template",
                template.get_attribute("href"), fatal=False)
        before = set(os.listdir(self.downloads))
        template.click()
        got = self.wait_download(before)
        if got is None:  # the browser kept nothing: fetch it with the session as it would
            status, _, data = self.fetch(template.get_attribute("href"))
            c.check(False, "Chromium saved the template into its download folder", f"GET gave {status}", fatal=False)
        else:
            data = open(got, "rb").read()
            c.check(True, f"Chromium saved the template as {os.path.basename(got)}")
        c.check(data[:2] == b"PK", "the template is a zip (starts PK)", repr(data[:8]))
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            c.check("xl/workbook.xml" in z.namelist(), "the template is a workbook (xl/workbook.xml)")
            sheets = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.startswith("xl/sharedStrings")
                             or n.startswith("xl/worksheets/"))
            c.check(DEPARTMENT in sheets, f"the template names {DEPARTMENT}", fatal=False)

        # A common first mistake: the template sent back untouched. Kept, not taken in.
        print("== it uploads the template untouched", flush=True)
        self.template = os.path.join(self.work, "template", DEPARTMENT + ".xlsx")
        os.makedirs(os.path.dirname(self.template), exist_ok=True)
        open(self.template, "wb").write(data)
        result = self.upload(c, self.template, "untouched template")
        c.equal(result.get_attribute("data-state"), "rejected", "the untouched template: data-state=rejected")
        refusal = self.all("#upload-refusal")
        c.check(refusal and "取組" in refusal[0].text, "the answer says no activity is filled in",
                refusal[0].text if refusal else "no #upload-refusal", fatal=False)
        self.shot("upload-template-untouched")
        d.find_element(By.ID, "back").click()
        self.find("#department-name")

        print("== it uploads a file with a rating of 11", flush=True)
        result = self.upload(c, self.bad, "bad file")
        c.equal(result.get_attribute("data-state"), "rejected", "#upload-result data-state=rejected")
        errors = self.all('li.problem[data-severity="error"]')
        c.check(len(errors) >= 1, "the answer lists an error", f"{len(errors)} errors")
        c.check(any("D6" in e.text for e in errors), "the error names the cell D6", " | ".join(e.text for e in errors))
        c.check(any("11" in e.text for e in errors), "the error quotes the value 11", " | ".join(e.text for e in errors), fatal=False)
        self.shot("upload-rejected")

        print("== it uploads the fixed file", flush=True)
        d.find_element(By.ID, "back").click()
        self.find("#department-name")
        c.check(self.path() == "/department", "#back returns to /department", d.current_url)
        result = self.upload(c, self.good, "fixed file")
        c.equal(result.get_attribute("data-state"), "accepted", "#upload-result data-state=accepted")
        c.equal(len(self.all('li.problem[data-severity="error"]')), 0, "the accepted answer lists no error")
        self.shot("upload-accepted")
        d.find_element(By.ID, "back").click()
        self.find("#department-name")
        history = [r.find_element(By.CSS_SELECTOR, "td.state").text.strip() for r in self.all("#history tr[data-upload]")]
        c.check(len(history) == 3 and history[0] == "受付済" and history[1] == "エラーあり",
                "its history lists the three uploads, newest first: 受付済, エラーあり, …", repr(history), fatal=False)
        self.shot("department-history")

        print("== the office signs in", flush=True)
        d.delete_all_cookies()
        d.get(self.server.url + "/")
        self.find("#signin-form")
        c.check(self.path() == "/office/signin", "/ without a session goes to /office/signin", d.current_url)
        d.find_element(By.ID, "password").send_keys("wrong-" + PASSWORD)
        d.find_element(By.ID, "signin").click()
        time.sleep(0.5)
        c.check(self.path() != "/office", "a wrong password does not sign in", d.current_url)
        self.shot("signin-refused")
        d.get(self.server.url + "/office/signin")
        d.find_element(By.ID, "password").send_keys(PASSWORD)
        self.shot("signin")
        d.find_element(By.ID, "signin").click()
        self.find("#status")
        c.check(self.path() == "/office", "signing in lands on /office", d.current_url)
        rows = self.all("#status tr[data-department]")
        states = {r.get_attribute("data-department"): r.find_element(By.CSS_SELECTOR, "td.state").text.strip() for r in rows}
        c.equal(states.get(DEPARTMENT), "受付済", f"提出状況: {DEPARTMENT} 受付済")
        c.equal(sorted(states), sorted(self.departments), "提出状況 lists every department of the plan", fatal=False)
        # A department listed on a measure it reported nothing for is 警告あり by its own check.
        c.check(all(s in ("受付済", "警告あり") for s in states.values()), "no department 未提出 or エラーあり",
                repr({k: v for k, v in states.items() if v not in ("受付済", "警告あり")}), fatal=False)
        self.shot("office-status")

        print("== the figures, the reconciliation and the links", flush=True)
        summary = [r for r in read_csv(os.path.join(self.ref, "summary.csv")) if r["fiscal_year"] == "2020"]
        d.find_element(By.ID, "nav-figures").click()
        self.find("#summary-table")
        for row in summary:
            if row["level"] != "policy":
                continue
            tr = self.all(f'#summary-table tr[data-id="{row["id"]}"]')
            cells = [td.text.strip() for td in tr[0].find_elements(By.CSS_SELECTOR, "td,th")] if tr else []
            c.check(row["progress_pct"] in cells, f"数値: policy {row['id']} shows {row['progress_pct']}", repr(cells), fatal=False)
        c.check(len(self.all("#policy-chart")) == 1, "数値: #policy-chart is there", fatal=False)
        self.shot("office-figures")
        d.find_element(By.ID, "nav-reconciliation").click()
        time.sleep(0.3)
        c.check(self.path().startswith("/office"), "照合結果 opens", d.current_url, fatal=False)
        self.shot("office-reconciliation")
        d.find_element(By.ID, "nav-links").click()
        time.sleep(0.3)
        c.check(self.token not in d.page_source, "the links page does not show a department's token again", fatal=False)
        self.shot("office-links")

        print("== the office runs the merge", flush=True)
        d.find_element(By.ID, "nav-runs").click()
        self.find("#run-form")
        self.shot("office-runs")
        d.find_element(By.ID, "run-merge").click()
        c.check(self.wait_path(r"/office/runs/[^/]+", 30), "#run-merge leads to the run's page", d.current_url)
        run_url = d.current_url
        self.find("#run-progress")
        # The page's small script polls; without it (or if it stops) the page is loaded again.
        deadline = time.monotonic() + RUN_TIMEOUT
        loaded = time.monotonic()
        state = self.find("#run-state").text.strip()
        while state == "実行中" and time.monotonic() < deadline:
            time.sleep(0.5)
            if time.monotonic() - loaded > 3 or not self.all("#run-state"):
                d.get(run_url)
                loaded = time.monotonic()
            state = self.find("#run-state").text.strip()
        c.equal(state, "完了", f"#run-state is 完了 within {RUN_TIMEOUT} s")
        links = {a.get_attribute("data-name"): a for a in self.all("a.download")}
        self.shot("office-run-done")
        want = sorted(os.listdir(self.ref))
        c.equal(sorted(links), want, "the run offers every output file for download")
        c.check(len(self.all("#download-zip")) == 1, "the run offers one zip of all outputs")

        print("== the office downloads the workbook and the files", flush=True)
        book = next(n for n in links if n.endswith(".xlsx"))
        before = set(os.listdir(self.downloads))
        links[book].click()
        got = self.wait_download(before)
        if got:
            data = open(got, "rb").read()
            c.check(True, f"Chromium saved the workbook as {os.path.basename(got)}")
        else:
            _, _, data = self.fetch(links[book].get_attribute("href"))
            c.check(False, "Chromium saved the workbook into its download folder", fatal=False)
        c.check(data[:2] == b"PK", "the workbook is a zip (starts PK)")
        downloaded = os.path.join(self.work, "downloaded")
        os.makedirs(downloaded, exist_ok=True)
        open(os.path.join(downloaded, book), "wb").write(data)
        check_summary_sheet(c, os.path.join(downloaded, book), summary)
        for name, a_ in sorted(links.items()):
            status, _, body = self.fetch(a_.get_attribute("href")) if name != book else (200, None, data)
            open(os.path.join(downloaded, name), "wb").write(body)
            ref = open(os.path.join(self.ref, name), "rb").read()
            c.check(status == 200 and body == ref, f"{name} is byte for byte what `pledgekit merge` writes",
                    f"status {status}, {len(body)} bytes vs {len(ref)}; sha256 {sha(body)} vs {sha(ref)}", fatal=False)
        zip_href = self.all("#download-zip")[0].get_attribute("href")
        status, _, body = self.fetch(zip_href)
        c.check(status == 200 and body[:2] == b"PK", "the zip downloads")
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            inside = {os.path.basename(n): z.read(n) for n in z.namelist() if not n.endswith("/")}
        c.equal(sorted(inside), want, "the zip holds every output file", fatal=False)
        c.check(all(inside.get(n) == open(os.path.join(self.ref, n), "rb").read() for n in want),
                "every file in the zip is what `pledgekit merge` writes", fatal=False)
        got_summary = [r for r in read_csv(os.path.join(downloaded, "summary.csv")) if r["fiscal_year"] == "2020"]
        c.equal([(r["id"], r["progress_pct"]) for r in got_summary], [(r["id"], r["progress_pct"]) for r in summary],
                "the downloaded summary.csv has the reference figures")
        c.check(sorted(os.listdir(self.out)) == want, "--out holds the same files after the run", repr(sorted(os.listdir(self.out))))

        print("== the office looks at the record of what was done", flush=True)
        audit = self.all("#nav-audit")
        if audit:
            audit[0].click()
            time.sleep(0.3)
            text = d.find_element(By.TAG_NAME, "body").text
            c.check(DEPARTMENT in text, f"操作の記録 names {DEPARTMENT}'s uploads", fatal=False)
            self.shot("office-audit")
        else:
            print("      (no #nav-audit on this server)", flush=True)
        d.find_element(By.ID, "nav-runs").click()
        self.find("#run-form")
        self.shot("office-runs-after")


def check_summary_sheet(c, path, summary):
    """The workbook's 総括表: this year's column, row by row, against summary.csv's figures."""
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(path).get_sheet_by_name("総括表").to_python()
    table = []
    for r in rows:
        if r and isinstance(r[-1], float) and str(r[0]).strip():
            table.append((str(r[1] or r[0]).strip(), r[-1]))
    want = [(r["title"], float(r["progress_pct"])) for r in summary]
    c.equal(len(table), len(want), "総括表: one row per policy, pledge and 全体")
    bad = [(t, v, wt, wv) for (t, v), (wt, wv) in zip(table, want) if t != wt or v != wv]
    c.check(not bad, "総括表: every figure of 令和2年度 is the reference merge's", repr(bad[:3]))
    c.equal(table[-1], ("全体", 74.8), "総括表: 全体 74.8 (the published figure)")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def sha(b):
    return hashlib.sha256(b).hexdigest()[:12]


if __name__ == "__main__":
    sys.exit(main())
