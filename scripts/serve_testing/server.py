"""Starting and stopping `pledgekit serve` as the tests need it: the two set-up commands (office
password, department links) and the server itself, whose address is read from the line
`待ち受け: http://HOST:PORT/` it prints when ready."""
import csv
import io
import os
import re
import signal
import socket
import subprocess
import threading
import time

from .client import assert_loopback

READY = re.compile(r"待ち受け:\s*(http://\S+)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def set_password(pledgekit, state, password):
    r = subprocess.run([pledgekit, "serve", "--state", state, "--set-password"], input=password + "\n",
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"--set-password failed ({r.returncode}): {r.stderr.strip()}")


def department_links(pledgekit, state, plan, base_url):
    """{部署: link} from `pledgekit serve --department-links` (CSV 部署,リンク)."""
    r = subprocess.run([pledgekit, "serve", "--state", state, "--plan", plan, "--department-links",
                        "--base-url", base_url], capture_output=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"--department-links failed ({r.returncode}): {r.stderr.decode(errors='replace').strip()}")
    text = r.stdout.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0][:2] != ["部署", "リンク"]:
        raise RuntimeError(f"--department-links printed no 部署,リンク header: {text[:200]!r}")
    links = {row[0]: row[1] for row in rows[1:] if row}
    for link in links.values():
        assert_loopback(link)
    return links


class Server:
    """`pledgekit serve …` in the background; `url` once it printed its address. Its output goes to log."""

    def __init__(self, pledgekit, args, log_path, listen="127.0.0.1:0", ready_timeout=120):
        self.log_path = log_path
        self.log = open(log_path, "ab")
        self.cmd = [pledgekit, "serve", *args, "--listen", listen]
        self.log.write(("$ " + " ".join(self.cmd) + "\n").encode())
        self.log.flush()
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=self.log, start_new_session=True)
        self.url = None
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.log.write(line)
                self.log.flush()
                m = READY.search(line.decode("utf-8", "replace"))
                if m and not self.url:
                    self.url = m.group(1)
                    ready.set()
            ready.set()

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + ready_timeout
        while not ready.wait(0.2):
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"server printed no 待ち受け line in {ready_timeout} s (log {log_path})")
        if not self.url:
            raise RuntimeError(f"server stopped before listening (exit {self.proc.wait()}; log {log_path}):\n"
                               + tail(log_path))
        assert_loopback(self.url)
        self.url = self.url.rstrip("/")

    def kill(self, sig=signal.SIGKILL):
        if self.proc.poll() is None:
            try:  # the whole process group (its own session): nothing it started survives it
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                pass
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(30)

    def stop(self):
        self.kill(signal.SIGTERM)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def tail(path, lines=20):
    try:
        with open(path, "rb") as f:
            return "\n".join(f.read().decode("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return ""


def origin_of(link, base):
    """The link with its scheme://host:port replaced by base's (the token path is what counts)."""
    import urllib.parse
    parts = urllib.parse.urlsplit(link)
    b = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit((b.scheme, b.netloc, parts.path, parts.query, ""))
