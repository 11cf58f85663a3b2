"""Writes the KPI sample: plan.csv (4 basic policies, 82 measures, one outcome indicator each) and
inbox/ (one CSV per department: indicator, target, actual, direction) for 令和5年度, and
history/<year>/figures.csv for the earlier years of the term (each year's inbox merged by pledgekit;
only its figures.csv is kept). The published figures it reproduces (issue 13, one city's KPI report,
the city not named there): 81 computable targets of 82; bands A ≥ 100 % 44, B 90–100 % 17,
C 80–90 % 7, D < 80 % 13; mean achievement overall 98.3 %, and 93.6, 88.6, 95.9 in the earlier years.
Everything else (policies, indicators, values, departments, the per-policy means) is written to fit.
Run after `swift build`: python3 Samples/kpi/make_sample.py [path/to/pledgekit]
"""
from fractions import Fraction
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, submission, write_csv  # noqa: E402

POLICIES = [
    ("1", "安心して子どもを産み育てられるまち", 21, "こども政策課"),
    ("2", "健やかに暮らせるまち", 20, "健康推進課"),
    ("3", "安全で快適なまち", 21, "都市整備課"),
    ("4", "活力ある産業のまち", 20, "産業振興課"),
]
# Per-policy mean achievement per fiscal year; the overall mean (of the rounded policy means) is the
# published one: 93.6 (R2), 88.6 (R3), 95.9 (R4), 98.3 (R5).
MEANS = {
    2020: dict(zip("1234", map(Fraction, ["92.1", "94.0", "93.5", "94.8"]))),
    2021: dict(zip("1234", map(Fraction, ["87.0", "89.9", "88.2", "89.3"]))),
    2022: dict(zip("1234", map(Fraction, ["95.2", "96.8", "95.0", "96.6"]))),
    2023: dict(zip("1234", map(Fraction, ["97.6", "99.0", "98.1", "98.5"]))),
}
EARLIER = {
    2020: ("令和2年度", "2021/5/14", Fraction("4.8")),
    2021: ("令和3年度", "2022/5/13", Fraction("9.7")),
    2022: ("令和4年度", "2023/5/12", Fraction("2.4")),
}
BANDS = {"A": 44, "B": 17, "C": 7, "D": 13}
# Achievement rates per band, one decimal, cycled (A ≥ 100, 90 ≤ B < 100, 80 ≤ C < 90, D < 80).
RATES = {
    "A": ["100.0", "104.5", "112.0", "101.2", "108.8", "120.0", "103.3", "100.6"],
    "B": ["95.0", "92.4", "98.8", "90.0", "96.5"],
    "C": ["85.0", "88.2", "80.0", "83.7"],
    "D": ["75.0", "62.5", "79.9", "70.0"],
}
# Every fifth indicator is one where lower is better (accidents, waiting children, days).
HEADER = ["施策ID", "施策内容", "指標名", "目標値", "実績値", "方向", "備考"]
LOWER = "低いほどよい"
HIGHER = "高いほどよい"


def decimal(value):
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    assert Fraction(text) == value, value
    return text


def write_year(inbox, year_label, submitted, means, shift):
    """One year's inbox: every rate lowered by `shift` (earlier years of the term did worse), then the
    first A indicator of each policy adjusted so that the policy's mean is exactly `means[policy]`."""
    bands = [band for band, count in BANDS.items() for _ in range(count)]
    # Deal the bands out to the policies in turn; policy 4's last indicator has no actual value yet.
    slots = {number: [] for number, *_ in POLICIES}
    order = [number for number, _, size, *_ in POLICIES for _ in range(size)]
    computable = [i for i in range(82) if i != 81]
    for band_index, position in enumerate(sorted(computable, key=lambda i: (i % 21, i))):
        slots[order[position]].append((position, bands[band_index]))
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    counters = {band: 0 for band in BANDS}
    for number, title, size, department in POLICIES:
        items = sorted(slots[number])
        rates = []
        for _, band in items:
            rates.append(Fraction(RATES[band][counters[band] % len(RATES[band])]) - shift)
            counters[band] += 1
        first_a = next(i for i, (_, band) in enumerate(items) if band == "A")
        rates[first_a] = means[number] * len(rates) - (sum(rates) - rates[first_a])
        assert rates[first_a] > 0, (number, rates[first_a])
        rows = []
        for measure in range(1, size + 1):
            measure_title = f"{title} 施策{measure}"
            plan.append([number, title, str(measure), measure_title, department])
            index = measure - 1
            indicator = f"{measure_title}の成果指標"
            if index >= len(rates):
                rows.append([f"{number}-{measure}", measure_title, indicator, "100", "", HIGHER, "実績は年度末に確定"])
                continue
            rate = rates[index]
            if measure % 5 == 0:
                # Lower is better: achievement = target ÷ actual, the actual fixed at 200.
                rows.append([f"{number}-{measure}", measure_title, indicator, decimal(rate * 2), "200", LOWER, ""])
            else:
                scale = [1, 2, 5, 10][measure % 4]
                rows.append([f"{number}-{measure}", measure_title, indicator, str(100 * scale), decimal(rate * scale), HIGHER, ""])
        write_csv(inbox / f"{department}.csv", submission(department, year_label, submitted, HEADER, rows))
    return plan


def main():
    plan = write_year(fresh_inbox(HERE / "inbox"), "令和5年度", "2024/5/15", MEANS[2023], 0)
    write_csv(HERE / "plan.csv", plan)
    # The earlier years of the term as pledgekit wrote them: each year's inbox merged, its figures.csv kept.
    binary = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else HERE.parents[1] / ".build/debug/pledgekit")
    for year, (label, submitted, shift) in EARLIER.items():
        with tempfile.TemporaryDirectory() as scratch:
            inbox = pathlib.Path(scratch) / "inbox"
            inbox.mkdir()
            write_year(inbox, label, submitted, MEANS[year], shift)
            out = pathlib.Path(scratch) / "out"
            subprocess.run([str(binary), "merge", str(inbox), "--plan", str(HERE / "plan.csv"), "--year", label,
                            "--layout", str(HERE.parents[1] / "templates/kpi"), "--out", str(out)], check=True,
                           stdout=subprocess.DEVNULL)
            folder = HERE / "history" / label
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(out / "figures.csv", folder / "figures.csv")


if __name__ == "__main__":
    main()
