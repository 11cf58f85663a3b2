#!/usr/bin/env python3
"""A stand-in for `pledgekit serve` speaking the page contract of issue 26 (same command lines, same
ids), used only to check the test scripts themselves before (or without) a build of the real server:

    PLEDGEKIT_REAL=.build/debug/pledgekit python3 scripts/serve_testing/fake_serve.py serve …

`check`, `merge` and `template` go to the real binary (PLEDGEKIT_REAL), as does every other
subcommand. Not a server to use: sessions live in memory, no rate limits, little escaping care.
"""
import argparse, csv, hashlib, html, http.server, io, os, re, secrets, shutil, sqlite3, subprocess, sys
import tempfile, threading, time, urllib.parse, zipfile

REAL = os.environ.get("PLEDGEKIT_REAL", "pledgekit")


def plan_departments(plan):
    with open(plan, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    col = next(i for i, h in enumerate(rows[0]) if h in ("担当部署", "departments"))
    seen = []
    for row in rows[1:]:
        for d in re.split(r"[\n;、]", row[col]):
            d = d.strip().lstrip("・").strip()
            if d and d not in seen:
                seen.append(d)
    return seen


def db(state):
    os.makedirs(os.path.join(state, "uploads"), exist_ok=True)
    con = sqlite3.connect(os.path.join(state, "pledgekit.sqlite"), timeout=30, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.executescript("""
      CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE IF NOT EXISTS links(department TEXT PRIMARY KEY, token_sha256 TEXT, revoked INTEGER DEFAULT 0);
      CREATE TABLE IF NOT EXISTS uploads(id INTEGER PRIMARY KEY, department TEXT, original_name TEXT,
        stored_name TEXT, sha256 TEXT, size INTEGER, uploaded_at TEXT, outcome TEXT, problems TEXT);
      CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, state TEXT, started_at TEXT, finished_at TEXT, message TEXT);
    """)
    return con


def page(title, body):
    return f"""<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body><header>市長公約 取組状況の提出（fake）</header>{body}</body></html>"""


def office_nav():
    return ('<nav><a id="nav-status" href="/office">提出状況</a> <a id="nav-figures" href="/office/figures">数値</a> '
            '<a id="nav-reconciliation" href="/office/reconciliation">照合結果</a> <a id="nav-runs" href="/office/runs">集計</a> '
            '<a id="nav-links" href="/office/links">リンク</a></nav>')


class App:
    def __init__(self, a):
        self.a = a
        self.con = db(a.state)
        self.lock = threading.Lock()
        self.sessions = {}
        self.departments = plan_departments(a.plan)
        self.inbox_departments = {}
        for name in sorted(os.listdir(a.inbox)):
            stem = os.path.splitext(name)[0]
            for d in self.departments:
                if d == stem or re.sub(r"[()（）]", "", d) == stem:
                    self.inbox_departments[d] = name

    def q(self, sql, *args):
        with self.lock:
            cur = self.con.execute(sql, args)
            rows = cur.fetchall()
            self.con.commit()
            return rows, cur.lastrowid


class Handler(http.server.BaseHTTPRequestHandler):
    app: App = None
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def session(self):
        for part in (self.headers.get("Cookie") or "").split(";"):
            k, _, v = part.strip().partition("=")
            if k == "sid" and v in self.app.sessions:
                return self.app.sessions[v]
        return None

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Referrer-Policy", "no-referrer")
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, to, cookie=None):
        h = [("Location", to)]
        if cookie:
            h.append(("Set-Cookie", f"sid={cookie}; Path=/; HttpOnly; SameSite=Strict"))
        self.send(303, b"", headers=h)

    def new_session(self, **kw):
        sid = secrets.token_urlsafe(24)
        self.app.sessions[sid] = dict(kw, csrf=secrets.token_urlsafe(16))
        return sid

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def form(self):
        return dict(urllib.parse.parse_qsl(self.body().decode()))

    def multipart(self):
        ctype = self.headers.get("Content-Type", "")
        boundary = re.search(r"boundary=(.+)", ctype).group(1).strip('"').encode()
        fields, files = {}, {}
        for part in self.body().split(b"--" + boundary):
            if b"\r\n\r\n" not in part:
                continue
            head, _, data = part.partition(b"\r\n\r\n")
            data = data[:-2] if data.endswith(b"\r\n") else data
            head = head.decode("utf-8", "replace")
            name = re.search(r'name="([^"]*)"', head)
            filename = re.search(r'filename="([^"]*)"', head)
            if not name:
                continue
            if filename:
                files[name.group(1)] = (filename.group(1), data)
            else:
                fields[name.group(1)] = data.decode()
        return fields, files

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        s = self.session()
        a = self.app
        if path == "/":
            return self.redirect("/office" if s and s["kind"] == "office" else "/office/signin")
        if path.startswith("/d/"):
            token = path[3:]
            rows, _ = a.q("SELECT department FROM links WHERE token_sha256=? AND revoked=0", hashlib.sha256(token.encode()).hexdigest())
            if not rows:
                return self.send(404, page("リンク", "<p>このリンクは使えません。</p>"))
            return self.redirect("/department", self.new_session(kind="department", department=rows[0][0]))
        if path == "/office/signin":
            return self.send(200, page("サインイン", '<form id="signin-form" method="post" action="/office/signin">'
                             '<input type="password" name="password" id="password"><button id="signin">サインイン</button></form>'))
        if path.startswith("/department"):
            if not s or s["kind"] != "department":
                return self.send(403, page("403", "<p>リンクから開いてください。</p>"))
            d = s["department"]
            if path == "/department":
                rows, _ = a.q("SELECT id, original_name, uploaded_at, outcome FROM uploads WHERE department=? ORDER BY id DESC", d)
                hist = "".join(f'<li><a href="/department/uploads/{i}">{html.escape(n)}</a> {t} {o}</li>' for i, n, t, o in rows)
                return self.send(200, page(d, f'<h1 id="department-name">{html.escape(d)}</h1>'
                                 '<a id="download-template" href="/department/template.xlsx">提出票をダウンロード</a>'
                                 '<form id="upload-form" method="post" action="/department/uploads" enctype="multipart/form-data">'
                                 f'<input type="hidden" name="csrf" value="{s["csrf"]}"><input type="file" name="file" id="file">'
                                 f'<button id="upload">提出する</button></form><ul id="history">{hist}</ul>'))
            if path == "/department/template.xlsx":
                with tempfile.TemporaryDirectory() as t:
                    subprocess.run([REAL, "template", "--plan", a.a.plan, "--year", a.a.year, "--out", t], capture_output=True, check=True)
                    name = next(n for n in os.listdir(t) if os.path.splitext(n)[0] in (d, re.sub(r"[()（）]", "", d)))
                    data = open(os.path.join(t, name), "rb").read()
                return self.send(200, data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                 [("Content-Disposition", "attachment; filename*=UTF-8''" + urllib.parse.quote(name))])
            m = re.fullmatch(r"/department/uploads/(\d+)", path)
            if m:
                rows, _ = a.q("SELECT original_name, outcome, problems FROM uploads WHERE id=? AND department=?", int(m.group(1)), d)
                if not rows:
                    return self.send(404, page("404", "<p>ありません。</p>"))
                name, outcome, problems = rows[0]
                items = "".join(f'<li class="problem" data-severity="{"error" if p.startswith("エラー") else "warning"}">{html.escape(p)}</li>'
                                for p in problems.splitlines() if p)
                return self.send(200, page("結果", f'<div id="upload-result" data-state="{outcome}"><p>{html.escape(name)}</p>'
                                 f'<ul>{items}</ul></div><a id="back" href="/department">戻る</a>'))
        if path.startswith("/office"):
            if not s or s["kind"] != "office":
                return self.redirect("/office/signin")
            if path == "/office":
                out = []
                for d in a.departments:
                    rows, _ = a.q("SELECT outcome, uploaded_at, original_name FROM uploads WHERE department=? ORDER BY id DESC LIMIT 1", d)
                    if rows:
                        st = {"rejected": "エラーあり", "accepted-with-warnings": "警告あり"}.get(rows[0][0], "受付済")
                        when, name = rows[0][1], rows[0][2]
                    elif d in a.inbox_departments:
                        st, when, name = "受付済", "", a.inbox_departments[d]
                    else:
                        st, when, name = "未提出", "", ""
                    out.append(f'<tr data-department="{html.escape(d)}"><td>{html.escape(d)}</td><td class="state">{st}</td>'
                               f'<td>{when}</td><td>{html.escape(name)}</td></tr>')
                return self.send(200, page("提出状況", office_nav() + '<table id="status"><tr><th>部署</th><th>状態</th><th>日時</th><th>ファイル</th></tr>'
                                 + "".join(out) + "</table>"))
            if path == "/office/runs":
                rows, _ = a.q("SELECT id, state, started_at FROM runs ORDER BY id DESC")
                lst = "".join(f'<li><a href="/office/runs/{i}">{i} {st} {t}</a></li>' for i, st, t in rows)
                return self.send(200, page("集計", office_nav() + f'<form id="run-form" method="post" action="/office/runs">'
                                 f'<input type="hidden" name="csrf" value="{s["csrf"]}"><button id="run-merge">集計する</button></form><ul>{lst}</ul>'))
            m = re.fullmatch(r"/office/runs/(\d+)", path)
            if m:
                rows, _ = a.q("SELECT state, message FROM runs WHERE id=?", int(m.group(1)))
                if not rows:
                    return self.send(404, "")
                st, msg = rows[0]
                links = ""
                if st == "完了":
                    links = "".join(f'<a class="download" data-name="{html.escape(n)}" href="/office/runs/{m.group(1)}/files/{urllib.parse.quote(n)}">{html.escape(n)}</a> '
                                    for n in sorted(os.listdir(a.a.out)))
                    links += f'<a id="download-zip" href="/office/runs/{m.group(1)}/outputs.zip">zip</a>'
                refresh = '<meta http-equiv="refresh" content="1">' if st == "実行中" else ""
                return self.send(200, page("集計", refresh + office_nav() + f'<progress id="run-progress" max="100" value="{100 if st != "実行中" else 50}"></progress>'
                                 f'<span id="run-state">{st}</span><pre>{html.escape(msg or "")}</pre>{links}'))
            m = re.fullmatch(r"/office/runs/(\d+)/files/(.+)", path)
            if m:
                name = urllib.parse.unquote(m.group(2))
                p = os.path.join(a.a.out, os.path.basename(name))
                return self.send(200, open(p, "rb").read(), "application/octet-stream")
            m = re.fullmatch(r"/office/runs/(\d+)/outputs.zip", path)
            if m:
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w") as z:
                    for n in sorted(os.listdir(a.a.out)):
                        z.write(os.path.join(a.a.out, n), n)
                return self.send(200, buf.getvalue(), "application/zip")
            if path == "/office/figures":
                with tempfile.TemporaryDirectory() as t:
                    self.merge_into(os.path.join(t, "inbox"), os.path.join(t, "out"))
                    with open(os.path.join(t, "out", "summary.csv"), encoding="utf-8-sig") as f:
                        rows = [r for r in csv.DictReader(f) if r["fiscal_year_label"] == a.a.year]
                trs = "".join(f'<tr data-id="{r["id"]}"><td>{r["id"]}</td><td>{html.escape(r["title"])}</td><td>{r["progress_pct"]}</td></tr>' for r in rows)
                return self.send(200, page(path, office_nav() + f'<table id="summary-table">{trs}</table><svg id="policy-chart"></svg>'))
            if path.startswith("/office/"):
                return self.send(200, page(path, office_nav() + '<p>fake</p>'))
        self.send(404, page("404", "<p>ありません。</p>"))

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        s = self.session()
        a = self.app
        if path == "/office/signin":
            f = self.form()
            rows, _ = a.q("SELECT value FROM settings WHERE key='password'")
            salt, _, h = rows[0][0].partition("$") if rows else ("", "", "")
            if rows and hashlib.pbkdf2_hmac("sha256", f.get("password", "").encode(), salt.encode(), 1000).hex() == h:
                return self.redirect("/office", self.new_session(kind="office"))
            return self.send(401, page("サインイン", "<p>パスワードが違います。</p>"))
        if path == "/department/uploads":
            if not s or s["kind"] != "department":
                return self.send(403, "")
            fields, files = self.multipart()
            if fields.get("csrf") != s["csrf"] or "file" not in files:
                return self.send(403, page("403", "<p>CSRF</p>"))
            name, data = files["file"]
            ext = os.path.splitext(name)[1].lower()
            stored = secrets.token_hex(16) + ext
            up = os.path.join(a.a.state, "uploads")
            tmp = os.path.join(up, ".partial-" + stored)
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.rename(tmp, os.path.join(up, stored))
            r = subprocess.run([REAL, "check", os.path.join(up, stored), "--plan", a.a.plan, "--year", a.a.year], capture_output=True, text=True)
            problems = "\n".join(l for l in (r.stdout + r.stderr).splitlines() if l.startswith(("エラー", "警告")))
            outcome = "rejected" if r.returncode else ("accepted-with-warnings" if "警告 " in problems else "accepted")
            _, rid = a.q("INSERT INTO uploads(department, original_name, stored_name, sha256, size, uploaded_at, outcome, problems) VALUES (?,?,?,?,?,?,?,?)",
                         s["department"], name, stored, hashlib.sha256(data).hexdigest(), len(data), time.strftime("%Y-%m-%d %H:%M:%S"), outcome, problems)
            return self.redirect(f"/department/uploads/{rid}")
        if path == "/office/runs":
            if not s or s["kind"] != "office":
                return self.send(403, "")
            if self.form().get("csrf") != s["csrf"]:
                return self.send(403, "")
            _, rid = a.q("INSERT INTO runs(state, started_at) VALUES ('実行中', ?)", time.strftime("%Y-%m-%d %H:%M:%S"))
            threading.Thread(target=self.merge, args=(rid,), daemon=True).start()
            return self.redirect(f"/office/runs/{rid}")
        self.send(404, "")

    def merge(self, rid):
        a = self.app
        r = self.merge_into(os.path.join(a.a.state, "runs", str(rid), "inbox"), a.a.out)
        time.sleep(float(os.environ.get("FAKE_MERGE_DELAY", "1")))
        a.q("UPDATE runs SET state=?, finished_at=?, message=? WHERE id=?", "完了" if r.returncode == 0 else "エラー",
            time.strftime("%Y-%m-%d %H:%M:%S"), r.stdout + r.stderr, rid)

    def merge_into(self, inbox, out):
        a = self.app
        os.makedirs(inbox, exist_ok=True)
        uploaded = {}
        rows, _ = a.q("SELECT department, original_name, stored_name FROM uploads WHERE outcome != 'rejected' ORDER BY id")
        for d, name, stored in rows:
            uploaded[d] = (name, stored)
        for name in os.listdir(a.a.inbox):
            if not any(a.inbox_departments.get(d) == name for d in uploaded):
                shutil.copy(os.path.join(a.a.inbox, name), inbox)
        for d, (name, stored) in uploaded.items():
            shutil.copy(os.path.join(a.a.state, "uploads", stored), os.path.join(inbox, os.path.basename(name)))
        cmd = [REAL, "merge", inbox, "--plan", a.a.plan, "--year", a.a.year, "--out", out]
        if a.a.previous:
            cmd += ["--previous", a.a.previous]
        return subprocess.run(cmd, capture_output=True, text=True)


def main():
    argv = sys.argv[1:]
    if not argv or argv[0] != "serve":
        os.execvp(REAL, [REAL] + argv)
    p = argparse.ArgumentParser()
    p.add_argument("inbox", nargs="?")
    for o in ("--plan", "--year", "--out", "--state", "--previous", "--listen", "--base-url", "--layout", "--history"):
        p.add_argument(o)
    p.add_argument("--set-password", action="store_true")
    p.add_argument("--department-links", action="store_true")
    a = p.parse_args(argv[1:])
    con = db(a.state)
    if a.set_password:
        pw = sys.stdin.readline().rstrip("\n")
        salt = secrets.token_hex(8)
        con.execute("INSERT OR REPLACE INTO settings VALUES ('password', ?)", (salt + "$" + hashlib.pbkdf2_hmac("sha256", pw.encode(), salt.encode(), 1000).hex(),))
        con.commit()
        print("パスワードを設定しました。", file=sys.stderr)
        return
    if a.department_links:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["部署", "リンク"])
        have = {r[0] for r in con.execute("SELECT department FROM links")}
        for d in plan_departments(a.plan):
            if d in have:
                continue
            token = secrets.token_urlsafe(24)
            con.execute("INSERT INTO links VALUES (?,?,0)", (d, hashlib.sha256(token.encode()).hexdigest()))
            w.writerow([d, (a.base_url or "http://127.0.0.1:8080").rstrip("/") + "/d/" + token])
        con.commit()
        sys.stdout.write(out.getvalue())
        return
    con.close()
    host, _, port = (a.listen or "127.0.0.1:8080").rpartition(":")
    Handler.app = App(a)
    http.server.ThreadingHTTPServer.request_queue_size = 1024
    srv = http.server.ThreadingHTTPServer((host, int(port)), Handler)
    srv.daemon_threads = True
    print(f"待ち受け: http://{host}:{srv.server_address[1]}/", flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
