"""A small HTTP client for `pledgekit serve` on loopback: keeps the session cookie, reads a page's
forms (hidden inputs such as `csrf`), posts forms and multipart uploads, and never talks to any
address but 127.0.0.1 / localhost."""
import html.parser
import http.cookiejar
import secrets
import urllib.error
import urllib.parse
import urllib.request

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def assert_loopback(url):
    host = urllib.parse.urlsplit(url).hostname
    if host not in LOOPBACK:
        raise SystemExit(f"refusing to talk to {host!r}: these tests only use 127.0.0.1")


class Page:
    def __init__(self, status, url, body, headers):
        self.status, self.url, self.body, self.headers = status, url, body, headers

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def forms(self):
        parser = _FormParser()
        parser.feed(self.text)
        return parser.forms

    def form(self, form_id=None):
        for form in self.forms():
            if form_id is None or form["id"] == form_id:
                return form
        raise LookupError(f"no form {form_id!r} on {self.url}")

    def elements(self, tag=None, **attrs):
        """Every start tag (name, attrs dict) matching tag and the given attributes
        (class_ matches one class among several)."""
        parser = _TagParser()
        parser.feed(self.text)
        found = []
        for name, a in parser.tags:
            if tag and name != tag:
                continue
            ok = True
            for k, v in attrs.items():
                if k == "class_":
                    ok = ok and v in (a.get("class") or "").split()
                else:
                    ok = ok and a.get(k.replace("_", "-")) == v
            if ok:
                found.append(a)
        return found

    def text_of(self, tag, **attrs):
        """The text inside every element matching tag and attributes (class_ as above)."""
        parser = _TextParser(tag, attrs)
        parser.feed(self.text)
        return parser.texts


class Client:
    def __init__(self, base, timeout=60):
        assert_loopback(base)
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def url(self, path):
        url = path if path.startswith("http") else self.base + path
        assert_loopback(url)
        return url

    def request(self, method, path, data=None, headers=None):
        req = urllib.request.Request(self.url(path), data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return Page(resp.status, resp.geturl(), resp.read(), resp.headers)
        except urllib.error.HTTPError as e:
            return Page(e.code, e.geturl() or req.full_url, e.read(), e.headers)

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, data, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path, fields, files):
        """files: {name: (filename, bytes, content_type)}"""
        boundary = "----pledgekit" + secrets.token_hex(12)
        out = []
        for k, v in fields.items():
            out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
        for k, (filename, content, ctype) in files.items():
            out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{filename}"\r\n'
                       f"Content-Type: {ctype}\r\n\r\n".encode() + content + b"\r\n")
        out.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(out), {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def submit(self, page, form_id, fields=None, files=None):
        """Posts form `form_id` of `page` with its hidden inputs plus `fields` (and `files` as multipart)."""
        form = page.form(form_id)
        values = dict(form["hidden"])
        values.update(fields or {})
        action = urllib.parse.urljoin(page.url, form["action"] or page.url)
        if files or form["enctype"] == "multipart/form-data":
            return self.post_multipart(action, values, files or {})
        return self.post_form(action, values)


def content_type_for(name):
    if name.lower().endswith(".xlsx"):
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if name.lower().endswith(".csv"):
        return "text/csv"
    return "application/octet-stream"


class _FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"id": a.get("id"), "action": a.get("action") or "", "method": (a.get("method") or "get").lower(),
                               "enctype": a.get("enctype") or "", "hidden": {}, "inputs": []})
        elif tag in ("input", "button", "select", "textarea") and self.forms:
            form = self.forms[-1]
            form["inputs"].append(a)
            if tag == "input" and (a.get("type") or "").lower() == "hidden" and a.get("name"):
                form["hidden"][a["name"]] = a.get("value") or ""


class _TagParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: (v or "") for k, v in attrs}))


class _TextParser(html.parser.HTMLParser):
    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track", "param"}

    def __init__(self, tag, attrs):
        super().__init__()
        self.want, self.attrs = tag, attrs
        self.depth = 0
        self.texts, self.current = [], []

    def matches(self, tag, a):
        if tag != self.want:
            return False
        for k, v in self.attrs.items():
            if k == "class_":
                if v not in (a.get("class") or "").split():
                    return False
            elif a.get(k.replace("_", "-")) != v:
                return False
        return True

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
        elif self.matches(tag, {k: (v or "") for k, v in attrs}):
            self.depth = 1
            self.current = []

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.depth:
            return
        self.depth -= 1
        if not self.depth:
            self.texts.append(" ".join("".join(self.current).split()))

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)
