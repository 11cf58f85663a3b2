#!/usr/bin/env python3
"""Load run of `pledgekit serve` on loopback (issue 26): DEPARTMENTS departments upload at once,
UPLOADS times each, a file of about 100 activities; then the office's 提出状況 page with every
department on it. Bounded in count (DEPARTMENTS × UPLOADS uploads, a fixed number of page loads)
and in time (a hard timeout kills the server and stops the run). Only 127.0.0.1 is contacted.

    Benchmarks/serve/load.py PLEDGEKIT [--departments 300] [--uploads 3] [--clients 300]
                             [--data DIR] [--hard-timeout 900]

The city is Benchmarks/merge/generate_city.py's (200 measures, one file of 18–22 activities on each
of its 5 measures per department, 70 % XLSX, 30 % CSV), made into DIR when missing. Every client
opens its department's link (the session cookie), reads the CSRF token from /department and
uploads its file UPLOADS times; every answer is recorded. Afterwards: every upload answered
accepted has its row in the state database with the stored file's sha256, and 提出状況 shows every
department 受付済. Prints the latencies (p50, p95, max) as a table and `N passed, M failed`.
"""
import argparse
import concurrent.futures
import hashlib
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from serve_testing.checks import Checks  # noqa: E402
from serve_testing.client import Client, content_type_for  # noqa: E402
from serve_testing.server import Server, department_links, free_port, origin_of, set_password  # noqa: E402

PASSWORD = "load-office-" + os.urandom(6).hex()


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("pledgekit")
    p.add_argument("--departments", type=int, default=300)
    p.add_argument("--uploads", type=int, default=3)
    p.add_argument("--clients", type=int, default=300, help="threads uploading at once (at most --departments)")
    p.add_argument("--office-loads", type=int, default=30, help="GET /office this many times after the uploads")
    p.add_argument("--data", default=None, help="the generated city (default Benchmarks/.data/serve-N)")
    p.add_argument("--work", default=None, help="state/inbox/out folder (default: a temporary one)")
    p.add_argument("--hard-timeout", type=float, default=900)
    a = p.parse_args()
    pledgekit = os.path.abspath(a.pledgekit)
    data = a.data or os.path.join(ROOT, "Benchmarks", ".data", f"serve-{a.departments}")
    if not os.path.exists(os.path.join(data, "plan.csv")):
        print(f"generating {a.departments} departments into {data}", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "merge", "generate_city.py"), data,
                        str(a.departments)], check=True)
    work = a.work or tempfile.mkdtemp(prefix="serve-load-")
    state = {}

    def hard_stop():
        print(f"hard timeout of {a.hard_timeout:.0f} s reached: stopping the server and the run", flush=True)
        if state.get("server"):
            state["server"].kill()
        print("0 passed, 1 failed", flush=True)
        os._exit(2)

    timer = threading.Timer(a.hard_timeout, hard_stop)
    timer.daemon = True
    timer.start()

    def finish(ok):
        timer.cancel()
        if state.get("server"):
            state["server"].stop()
        if not a.work:
            print(f"state folder: {os.path.join(work, 'state')} (server log {os.path.join(work, 'serve.log')})")

    return Checks("load").run(lambda c: run(c, a, pledgekit, data, work, state), finish)


def run(c, a, pledgekit, data, work, shared):
    shared["load"] = os.getloadavg()
    plan = os.path.join(data, "plan.csv")
    files = {}
    for name in sorted(os.listdir(os.path.join(data, "inbox"))):
        files[re.sub(r"^\d+_", "", os.path.splitext(name)[0])] = os.path.join(data, "inbox", name)
    inbox, out, state = (os.path.join(work, n) for n in ("inbox", "out", "state"))
    os.makedirs(inbox, exist_ok=True)
    set_password(pledgekit, state, PASSWORD)
    port = free_port()
    t = time.monotonic()
    links = department_links(pledgekit, state, plan, f"http://127.0.0.1:{port}")
    c.equal(len(links), a.departments, f"--department-links made {a.departments} links ({time.monotonic() - t:.1f} s)")
    c.equal(sorted(links), sorted(files), "one generated file per department of the plan")
    server = Server(pledgekit, [inbox, "--plan", plan, "--year", "R2", "--out", out, "--state", state],
                    os.path.join(work, "serve.log"), listen=f"127.0.0.1:{port}")
    shared["server"] = server
    base = server.url
    print(f"server at {base}; {a.departments} departments × {a.uploads} uploads, {a.clients} clients at once", flush=True)

    answers = []  # (department, n, http status, data-state, upload id, seconds, error)
    lock = threading.Lock()
    start = threading.Barrier(min(a.clients, a.departments))
    sizes = {}

    def client(department):
        content = open(files[department], "rb").read()
        sizes[department] = len(content)
        name = os.path.basename(files[department])
        s = Client(base, timeout=300)
        page = s.get(origin_of(links[department], base))
        try:
            start.wait(120)
        except threading.BrokenBarrierError:
            pass
        if page.status != 200 or "/department" not in page.url:
            with lock:
                answers.append((department, 0, page.status, "", None, 0.0, f"link gave {page.status} at {page.url}"))
            return
        page = s.get("/department")
        for n in range(1, a.uploads + 1):
            t0 = time.monotonic()
            try:
                answer = s.submit(page, "upload-form", files={"file": (name, content, content_type_for(name))})
                seconds = time.monotonic() - t0
                result = answer.elements("div", id="upload-result")
                state_ = result[0].get("data-state", "") if result else ""
                m = re.search(r"/department/uploads/([^/?#]+)$", answer.url)
                error = "" if answer.status == 200 and result else f"{answer.status} at {answer.url}: {answer.text[:200]!r}"
                row = (department, n, answer.status, state_, m.group(1) if m else None, seconds, error)
            except Exception as e:  # a refused or dropped connection is an answer too
                row = (department, n, 0, "", None, time.monotonic() - t0, repr(e))
            with lock:
                answers.append(row)

    t = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(a.clients, a.departments)) as pool:
        list(pool.map(client, sorted(links)))
    wall = time.monotonic() - t
    ok = [r for r in answers if r[2] == 200 and r[3] in ("accepted", "accepted-with-warnings")]
    failed = [r for r in answers if r not in ok]
    for r in failed[:5]:
        print(f"      not accepted: {r}", flush=True)
    c.equal(len(answers), a.departments * a.uploads, "every upload got an answer")
    c.equal(len(ok), a.departments * a.uploads, "every upload answered accepted", fatal=False)

    # Nothing lost: each accepted answer's upload is in the state database with the bytes sent.
    con = sqlite3.connect(f"file:{os.path.join(state, 'pledgekit.sqlite')}?mode=ro", uri=True, timeout=30)
    rows = {str(r[0]): r[1:] for r in con.execute("SELECT id, department, stored_name, sha256, size, outcome FROM uploads")}
    con.close()
    missing = [r for r in ok if r[4] not in rows or rows[r[4]][0] != r[0]]
    c.check(not missing, f"each accepted answer's upload is in the database under its department ({len(rows)} rows)",
            repr(missing[:3]))
    digests = {d: hashlib.sha256(open(files[d], "rb").read()).hexdigest() for d in links}
    wrong = [(i, r) for i, r in rows.items() if r[2] != digests.get(r[0])]
    c.check(not wrong, "every row's sha256 is that of the file its department sent", repr(wrong[:3]))
    uploads_dir = os.path.join(state, "uploads")
    bad_files = [r[1] for r in rows.values() if not os.path.exists(os.path.join(uploads_dir, r[1]))
                 or hashlib.sha256(open(os.path.join(uploads_dir, r[1]), "rb").read()).hexdigest() != r[2]]
    c.check(not bad_files, "every stored file is there and matches its row's sha256", repr(bad_files[:3]))

    # The office: 提出状況 with every department, then its latency.
    office = Client(base, timeout=120)
    signin = office.get("/office/signin")
    landed = office.submit(signin, "signin-form", {"password": PASSWORD})
    c.check(landed.status == 200 and landed.url.endswith("/office"), "the office signs in", f"{landed.status} {landed.url}")
    office_times = []
    page = None
    for _ in range(a.office_loads):
        t0 = time.monotonic()
        page = office.get("/office")
        office_times.append(time.monotonic() - t0)
        if page.status != 200:
            break
    c.equal(page.status, 200, f"/office answers {a.office_loads} times")
    states = page.text_of("td", class_="state")
    rows_html = [x for x in page.elements("tr") if "data-department" in x]
    c.equal(len(rows_html), a.departments, "提出状況 has one row per department")
    c.equal(states.count("受付済"), a.departments, f"提出状況 shows all {a.departments} 受付済",
            fatal=False)

    # One client alone, for comparison with the crowd.
    lone = Client(base, timeout=120)
    first = sorted(links)[0]
    lone.get(origin_of(links[first], base))
    dep_page = lone.get("/department")
    name = os.path.basename(files[first])
    content = open(files[first], "rb").read()
    lone_times = []
    for _ in range(10):
        t0 = time.monotonic()
        r = lone.submit(dep_page, "upload-form", files={"file": (name, content, content_type_for(name))})
        lone_times.append(time.monotonic() - t0)
    c.equal(r.status, 200, "a lone department's uploads are answered")

    # The peer, in the same run (machines here differ up to 3× in speed): `pledgekit check` of the
    # same file as a process, which reads the plan and the file and checks it as the upload does.
    peer_times = []
    for _ in range(10):
        t0 = time.monotonic()
        subprocess.run([pledgekit, "check", files[first], "--plan", plan, "--year", "R2"], capture_output=True, timeout=120)
        peer_times.append(time.monotonic() - t0)

    crowd = [r[5] for r in answers if r[2] == 200]
    size = statistics.median(sizes.values()) if sizes else 0
    print()
    print(f"{a.departments * a.uploads} uploads by {min(a.clients, a.departments)} clients in {wall:.1f} s "
          f"({len(answers) / wall:.1f} uploads/s); median file {size / 1024:.0f} KB, ~100 activities")
    print(f"{'n':>5} {'p50 (ms)':>9} {'p95 (ms)':>9} {'max (ms)':>9}  what")
    for label, xs in ((f"upload+check of a ~100-activity file, {min(a.clients, a.departments)} clients at once", crowd),
                      ("upload+check of the same file, one client alone", lone_times),
                      (f"提出状況 (GET /office, signed in) with {a.departments} departments", office_times),
                      ("peer: `pledgekit check` of the same file, a process", peer_times)):
        print(f"{len(xs):5d} {percentile(xs, 50) * 1000:9.0f} {percentile(xs, 95) * 1000:9.0f} "
              f"{max(xs) * 1000 if xs else float('nan'):9.0f}  {label}")
    print(f"one client's upload+check / the peer's check: {percentile(lone_times, 50) / percentile(peer_times, 50):.2f}×; "
          f"load average before/after: {shared['load'][0]:.1f} / {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print()


if __name__ == "__main__":
    sys.exit(main())
