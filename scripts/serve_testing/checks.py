"""Counting assertions the way the scripts report them: each check prints ok/NG with its label, and
the run ends with the plain line `N passed, M failed` (`, 1 skipped` when the tools are missing)."""
import os
import sys
import traceback


class Abort(Exception):
    pass


class Checks:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, cond, label, detail="", fatal=True):
        if cond:
            self.passed += 1
            print(f"  ok  {label}", flush=True)
        else:
            self.failed += 1
            print(f"  NG  {label}" + (f": {detail}" if detail else ""), flush=True)
            if fatal:
                raise Abort(label)
        return cond

    def equal(self, got, want, label, fatal=True):
        return self.check(got == want, label, f"got {got!r}, want {want!r}", fatal)

    def run(self, body, finish=None):
        """Runs body(self); an exception is one more failure. Then finish(ok) (clean-up, notes),
        then the closing line `N passed, M failed`, last. Returns the exit status."""
        try:
            body(self)
        except Abort as e:
            print(f"{self.name}: stopped after the failed step ({e})", flush=True)
        except Exception:
            self.failed += 1
            traceback.print_exc()
            print(f"{self.name}: stopped on an unexpected error", flush=True)
        ok = self.failed == 0 and self.passed > 0
        if finish:
            try:
                finish(ok)
            except Exception:
                traceback.print_exc()
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 0 if ok else 1


def missing_tool(name, what):
    """A missing tool: a failure under CI, a visible skip elsewhere. Exits."""
    if os.environ.get("CI"):
        print(f"{name}: {what} がありません（CI では失敗です。scripts/install-deps.sh --with-test-tools --with-browser）", flush=True)
        print("0 passed, 1 failed", flush=True)
        sys.exit(1)
    print(f"{name}: {what} がないため飛ばします（scripts/install-deps.sh --with-test-tools --with-browser で入ります）", flush=True)
    print("0 passed, 0 failed, 1 skipped", flush=True)
    sys.exit(0)
