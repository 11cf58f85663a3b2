#!/usr/bin/env python3
"""Kills `pledgekit serve` (SIGKILL) during uploads and during a merge, restarts it over the same
state folder, and checks what issue 26 promises: no upload that was answered 受け付けました is lost,
no partial file is in the round, the round goes on, and the --out folder holds all-old or all-new
outputs, never a mixture or a partial file.

    scripts/serve-kill-test.py PLEDGEKIT [--work DIR] [--merge-kills 6]

The round is the Tomakomai sample (令和2年度): the server's inbox holds 20 departments' files, the
other 20 departments upload theirs through their links, each in its own thread, over and over,
with one more thread uploading a 4 MB version of 財政課's file (its own rows and 700,000 empty
ones: same figures); the server is killed once 40 answers have come back. After the restart:
every upload answered accepted is in the state database and shows on its department's page, each
row's stored file is there with its sha256 and size, 提出状況 shows the 20 uploaders 受付済, and the
round accepts uploads and merges. Then the merge: two complete runs give the outputs of the two
versions of 行政監理室's file (one rating changed), and each of --merge-kills runs is killed at a
different moment after it was started, alternating the version; after each restart --out must be
byte for byte one of the two complete outputs, and the merge must then complete again.

Only 127.0.0.1 is contacted. Ends with `N passed, M failed`; exit 1 on any failure.
"""
import argparse
import csv
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from serve_testing.checks import Checks  # noqa: E402
from serve_testing.client import Client, content_type_for  # noqa: E402
from serve_testing.server import Server, department_links, free_port, origin_of, set_password  # noqa: E402

SAMPLE = os.path.join(ROOT, "Samples", "tomakomai")
YEAR = "令和2年度"
PASSWORD = "kill-office-" + os.urandom(6).hex()
BIG = "財政課"          # uploads a 4 MB file in its own thread
TOGGLE = "行政監理室"   # its file alternates between two versions in the merge part
ANSWERS_BEFORE_KILL = 40
RUN_TIMEOUT = 180
ACCEPTED = ("accepted", "accepted-with-warnings")
TAKEN = ("受付済", "警告あり")  # in the round; a department's own check warns of a measure it left empty


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("pledgekit")
    p.add_argument("--work", help="scratch folder (default: a temporary one, removed when everything passed)")
    p.add_argument("--merge-kills", type=int, default=6)
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="serve-kill-")
    os.makedirs(work, exist_ok=True)
    test = KillTest(os.path.abspath(a.pledgekit), os.path.abspath(work), a.merge_kills)

    def finish(ok):
        if test.server:
            test.server.kill()
        if ok and not a.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"scratch folder kept: {work}")

    return Checks("serve-kill-test").run(test.run, finish)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def snapshot(folder):
    """{name: sha256} of every file under folder (names relative), {} when it does not exist."""
    out = {}
    if not os.path.isdir(folder):
        return out
    for dirpath, _, names in os.walk(folder):
        for n in names:
            full = os.path.join(dirpath, n)
            out[os.path.relpath(full, folder)] = sha256(full)
    return out


class KillTest:
    def __init__(self, pledgekit, work, merge_kills):
        self.pk, self.work, self.merge_kills = pledgekit, work, merge_kills
        self.server = None
        self.restarts = 0

    # --- the server -----------------------------------------------------------------------------

    def start(self):
        self.server = Server(self.pk, [self.inbox, "--plan", self.plan, "--year", YEAR, "--previous", self.previous,
                                       "--out", self.out, "--state", self.state],
                             os.path.join(self.work, "serve.log"), listen=f"127.0.0.1:{self.port}")
        self.base = self.server.url

    def kill_and_restart(self, c, label):
        self.server.kill()
        c.check(self.server.proc.returncode == -9, f"{label}: the server died of SIGKILL", repr(self.server.proc.returncode))
        self.restarts += 1
        self.start()
        c.check(True, f"{label}: the server restarted over the same state folder")

    def db(self, sql, *args):
        con = sqlite3.connect(f"file:{os.path.join(self.state, 'pledgekit.sqlite')}?mode=ro", uri=True, timeout=30)
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()

    def department(self, name):
        """A client with the department's session (re-opening its link when the session is gone)."""
        s = self.clients.get(name)
        if s is None or s.base != self.base or s.get("/department").status != 200:
            s = Client(self.base, timeout=120)
            page = s.get(origin_of(self.links[name], self.base))
            if page.status != 200:
                raise RuntimeError(f"{name}'s link gave {page.status}")
            self.clients[name] = s
        return s

    def office(self):
        s = getattr(self, "_office", None)
        if s is not None and s.base == self.base:
            page = s.get("/office")
            if page.status == 200 and page.url.endswith("/office"):
                return s
        s = Client(self.base, timeout=120)
        page = s.submit(s.get("/office/signin"), "signin-form", {"password": PASSWORD})
        if not page.url.endswith("/office"):
            raise RuntimeError(f"the office cannot sign in: {page.status} {page.url}")
        self._office = s
        return s

    def upload(self, name, path, filename=None):
        s = self.department(name)
        page = s.get("/department")
        filename = filename or os.path.basename(path)
        answer = s.submit(page, "upload-form", files={"file": (filename, open(path, "rb").read(), content_type_for(filename))})
        result = answer.elements("div", id="upload-result")
        m = re.search(r"/department/uploads/([^/?#]+)$", answer.url)
        return answer.status, (result[0].get("data-state") if result else ""), (m.group(1) if m else None)

    def run_merge(self, wait=True):
        """Starts a run; returns (run url, final state or None when not waited for, seconds)."""
        s = self.office()
        t0 = time.monotonic()
        page = s.submit(s.get("/office/runs"), "run-form")
        if not re.search(r"/office/runs/[^/]+$", page.url):
            raise RuntimeError(f"POST /office/runs led to {page.status} {page.url}")
        if not wait:
            return page.url, None, time.monotonic() - t0
        return page.url, self.wait_run(page.url), time.monotonic() - t0

    def wait_run(self, url):
        s = self.office()
        deadline = time.monotonic() + RUN_TIMEOUT
        while time.monotonic() < deadline:
            state = s.get(url).text_of("span", id="run-state")
            if state and state[0] != "実行中":
                return state[0]
            time.sleep(0.05)
        return "実行中"

    # --- the test -------------------------------------------------------------------------------

    def prepare(self, c):
        w = self.work
        self.plan = os.path.join(SAMPLE, "plan.csv")
        self.previous = os.path.join(SAMPLE, "previous", "summary.csv")
        self.inbox, self.out, self.state = (os.path.join(w, n) for n in ("inbox", "out", "state"))
        os.makedirs(self.inbox, exist_ok=True)
        names = sorted(os.listdir(os.path.join(SAMPLE, "inbox")))
        set_password(self.pk, self.state, PASSWORD)
        self.port = free_port()
        self.links = department_links(self.pk, self.state, self.plan, f"http://127.0.0.1:{self.port}")
        by_file = {}
        for d in self.links:
            f = re.sub(r"[()（）]", "", d) + ".csv"
            if f in names:
                by_file[d] = f
        c.equal(len(by_file), 40, "every Tomakomai department has its sample file")
        ordered = sorted(by_file)
        self.uploaders = [d for i, d in enumerate(ordered) if i % 2 == 0 or d in (BIG, TOGGLE)][:20]
        for d in ordered:
            if d not in self.uploaders:
                shutil.copy(os.path.join(SAMPLE, "inbox", by_file[d]), self.inbox)
        self.files = {d: os.path.join(SAMPLE, "inbox", by_file[d]) for d in self.uploaders}
        big = os.path.join(w, "big", by_file[BIG])
        os.makedirs(os.path.dirname(big), exist_ok=True)
        with open(big, "wb") as f:
            f.write(open(self.files[BIG], "rb").read() + b",,,,\r\n" * 700000)
        self.big = big
        # 行政監理室 with its first rating lowered by one: the second version of the round.
        original = open(self.files[TOGGLE], "rb").read()
        self.toggled = os.path.join(w, "toggled", by_file[TOGGLE])
        os.makedirs(os.path.dirname(self.toggled), exist_ok=True)
        changed = re.sub(rb",(\d+),(\r\n)", lambda m: b"," + str(int(m.group(1)) - 1 if int(m.group(1)) > 0 else 1).encode()
                         + b"," + m.group(2), original, count=1)
        c.check(changed != original, f"the second version of {TOGGLE}'s file differs by one rating")
        open(self.toggled, "wb").write(changed)
        self.clients = {}
        print(f"inbox: {len(os.listdir(self.inbox))} files; uploading: {', '.join(self.uploaders)}", flush=True)

    def run(self, c):
        print("== set-up", flush=True)
        self.prepare(c)
        self.start()
        self.uploads_part(c)
        self.merge_part(c)
        print(f"(the server was killed and restarted {self.restarts} times)")

    def uploads_part(self, c):
        print("== SIGKILL during uploads", flush=True)
        answers = []
        lock = threading.Lock()
        enough = threading.Event()
        stop = threading.Event()
        for d in self.uploaders:  # sessions first, so that every thread is uploading when the kill comes
            self.department(d)

        def uploader(d, path):
            s = self.clients[d]
            try:
                page = s.get("/department")
            except Exception as e:
                with lock:
                    answers.append((d, None, "", None, repr(e)))
                return
            data = open(path, "rb").read()
            for _ in range(200):
                if stop.is_set():
                    return
                try:
                    ans = s.submit(page, "upload-form", files={"file": (os.path.basename(path), data, content_type_for(path))})
                    result = ans.elements("div", id="upload-result")
                    m = re.search(r"/department/uploads/([^/?#]+)$", ans.url)
                    row = (d, ans.status, result[0].get("data-state") if result else "", m.group(1) if m else None, "")
                except Exception as e:
                    row = (d, None, "", None, repr(e))
                with lock:
                    answers.append(row)
                    if len(answers) >= ANSWERS_BEFORE_KILL:
                        enough.set()
                if row[1] is None:
                    return

        threads = [threading.Thread(target=uploader, args=(d, self.files[d])) for d in self.uploaders]
        threads.append(threading.Thread(target=uploader, args=(BIG, self.big)))
        for t in threads:
            t.start()
        enough.wait(120)
        self.server.kill()
        stop.set()
        for t in threads:
            t.join(150)
        accepted = [a for a in answers if a[1] == 200 and a[2] in ACCEPTED]
        cut = [a for a in answers if a[1] is None]
        other = [a for a in answers if a not in accepted and a not in cut]
        print(f"      {len(answers)} answers before and at the kill: {len(accepted)} accepted, "
              f"{len(cut)} cut off by the kill, {len(other)} other", flush=True)
        for a in other[:5]:
            print(f"      other answer: {a}", flush=True)
        c.check(len(accepted) >= ANSWERS_BEFORE_KILL // 2, "uploads were being answered accepted when the server was killed")
        c.check(len(cut) >= 1, "some uploads were cut off by the kill", fatal=False)
        c.equal(other, [], "no upload was answered anything but accepted", fatal=False)
        self.restarts += 1
        self.start()
        c.check(True, "the server restarted over the same state folder")

        rows = {str(r[0]): r[1:] for r in self.db("SELECT id, department, stored_name, sha256, size FROM uploads")}
        lost = [a for a in accepted if a[3] not in rows or rows[a[3]][0] != a[0]]
        c.check(not lost, f"every upload answered accepted is in the database ({len(accepted)} answers, {len(rows)} rows)",
                repr(lost[:3]))
        shown = []
        for d, _, state, upload_id, _ in accepted:
            page = self.department(d).get(f"/department/uploads/{upload_id}")
            got = page.elements("div", id="upload-result")
            if page.status != 200 or not got or got[0].get("data-state") != state:
                shown.append((d, upload_id, page.status))
        c.check(not shown, "every upload answered accepted still shows as accepted on its department's page", repr(shown[:3]))
        uploads_dir = os.path.join(self.state, "uploads")
        broken = []
        for i, (d, stored, digest, size) in rows.items():
            path = os.path.join(uploads_dir, stored)
            if not os.path.isfile(path) or os.path.getsize(path) != size or sha256(path) != digest:
                broken.append((i, d, stored))
        c.check(not broken, f"every row's stored file is there, whole (size and sha256 as recorded)", repr(broken[:3]))
        sent = {sha256(p) for p in list(self.files.values()) + [self.big]}
        c.check(all(r[2] in sent for r in rows.values()), "every stored file is byte for byte a file that was sent")
        stray = [n for n in os.listdir(uploads_dir) if n not in {r[1] for r in rows.values()}]
        partial = [n for n in stray if os.path.isfile(os.path.join(uploads_dir, n))
                   and sha256(os.path.join(uploads_dir, n)) not in sent]
        print(f"      files in uploads/ without a row: {len(stray)} ({len(partial)} of them partial): {stray[:4]}", flush=True)
        status = self.office().get("/office")
        states = dict(zip([x["data-department"] for x in status.elements("tr") if "data-department" in x],
                          status.text_of("td", class_="state")))
        c.equal(len(states), 40, "提出状況 lists the 40 departments")
        answered = {a[0] for a in accepted}
        c.check(all(states.get(d) in TAKEN for d in answered),
                "提出状況: every department with an accepted upload is 受付済 (警告あり where its file has a warning)",
                repr({d: states.get(d) for d in answered if states.get(d) not in TAKEN}))
        # The round goes on: every uploader sends its file once more (all 20 are then 受付済).
        again = [self.upload(d, self.files[d]) for d in self.uploaders]
        c.check(all(a[0] == 200 and a[1] in ACCEPTED for a in again), "after the restart every uploader's file is accepted",
                repr([a for a in again if a[1] not in ACCEPTED][:3]))
        status = self.office().get("/office")
        c.equal(sum(st in TAKEN for st in status.text_of("td", class_="state")), 40,
                "提出状況: all 40 departments 受付済 or 警告あり")

    def reference(self, toggle_file):
        """`pledgekit merge` of the round's files as they stand, with TOGGLE's file given."""
        inbox = os.path.join(self.work, "ref-inbox")
        shutil.rmtree(inbox, ignore_errors=True)
        shutil.copytree(self.inbox, inbox)
        # The server gives merge each department's latest accepted upload as `部署名.ext`
        # (RoundSnapshot), whatever the uploaded file was called: 市立病院経営管理課.csv is merged as
        # (市立病院)経営管理課.csv, and activities.csv's source_file says so.
        for d in self.uploaders:
            source = toggle_file if d == TOGGLE else self.files[d]
            shutil.copy(source, os.path.join(inbox, d + os.path.splitext(source)[1]))
        out = os.path.join(self.work, "ref-out-" + hashlib.sha256(toggle_file.encode()).hexdigest()[:8])
        r = subprocess.run([self.pk, "merge", inbox, "--plan", self.plan, "--year", YEAR, "--previous", self.previous,
                            "--out", out], capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError(f"reference merge failed: {r.stdout}{r.stderr}")
        return out

    def merge_part(self, c):
        print("== SIGKILL during a merge", flush=True)
        versions = {"A": self.files[TOGGLE], "B": self.toggled}
        outputs, durations = {}, []
        for v in ("A", "B"):
            st, state, _ = self.upload(TOGGLE, versions[v])
            c.check(st == 200 and state in ACCEPTED, f"version {v} of {TOGGLE}'s file is accepted")
            url, final, seconds = self.run_merge()
            c.equal(final, "完了", f"a run with version {v} completes")
            durations.append(seconds)
            outputs[v] = snapshot(self.out)
            ref = self.reference(versions[v])
            c.equal(outputs[v], snapshot(ref), f"version {v}: --out is byte for byte `pledgekit merge` of the same files",
                    fatal=False)
            c.check(outputs[v].get("summary.csv") == sha256(os.path.join(ref, "summary.csv")),
                    f"version {v}: summary.csv has the reference figures")
        c.check(outputs["A"] != outputs["B"], "the two versions give different outputs")
        duration = max(durations)
        print(f"      a complete run takes {duration:.2f} s from the POST to 完了", flush=True)
        current = "B"
        for k in range(1, self.merge_kills + 1):
            new = "A" if current == "B" else "B"
            st, state, _ = self.upload(TOGGLE, versions[new])
            c.check(st == 200 and state in ACCEPTED, f"kill {k}: version {new} accepted")
            delay = duration * (k - 1) / self.merge_kills
            url, _, _ = self.run_merge(wait=False)
            time.sleep(delay)
            self.server.kill()
            got = snapshot(self.out)
            which = [v for v in ("A", "B") if outputs[v] == got]
            c.check(len(which) == 1, f"kill {k} ({delay:.2f} s into the run): --out is all-old or all-new",
                    f"{sorted(got)} matches neither whole output")
            print(f"      kill {k}: --out holds version {which[0] if which else '?'} "
                  f"({'new' if which == [new] else 'old'})", flush=True)
            siblings = [n for n in os.listdir(os.path.dirname(self.out)) if n.startswith(os.path.basename(self.out))
                        and n != os.path.basename(self.out)]
            if siblings:
                print(f"      beside --out after the kill: {siblings}", flush=True)
            self.restarts += 1
            self.start()
            c.check(snapshot(self.out) == got, f"kill {k}: restarting does not change --out")
            after = self.office().get(url).text_of("span", id="run-state")
            c.check(after and after[0] != "実行中", f"kill {k}: after the restart the killed run is not shown as 実行中",
                    repr(after), fatal=False)
            _, final, _ = self.run_merge()
            c.equal(final, "完了", f"kill {k}: the next run completes")
            c.equal(snapshot(self.out), outputs[new], f"kill {k}: --out is then the new version, whole")
            current = new


if __name__ == "__main__":
    sys.exit(main())
