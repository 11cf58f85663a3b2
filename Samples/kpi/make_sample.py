"""Writes the KPI sample: plan.csv (4 basic policies, 82 measures, one outcome indicator each) and
inbox/ (one CSV per department: indicator, target, actual, direction). The published figures it
reproduces (issue 13, one city's KPI report, the city not named there): 81 computable targets of
82; bands A ≥ 100 % 44, B 90–100 % 17, C 80–90 % 7, D < 80 % 13; mean achievement overall 98.3 %.
Everything else (policies, indicators, values, departments, the per-policy means 97.6 / 99.0 /
98.1 / 98.5, whose mean is 98.3) is written to fit. Run: python3 Samples/kpi/make_sample.py
"""
from fractions import Fraction
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample_csv import fresh_inbox, write_csv  # noqa: E402

POLICIES = [
    ("1", "安心して子どもを産み育てられるまち", 21, "こども政策課", Fraction("97.6")),
    ("2", "健やかに暮らせるまち", 20, "健康推進課", Fraction("99.0")),
    ("3", "安全で快適なまち", 21, "都市整備課", Fraction("98.1")),
    ("4", "活力ある産業のまち", 20, "産業振興課", Fraction("98.5")),
]
BANDS = {"A": 44, "B": 17, "C": 7, "D": 13}
# Achievement rates per band, one decimal, cycled (A ≥ 100, 90 ≤ B < 100, 80 ≤ C < 90, D < 80).
RATES = {
    "A": ["100.0", "104.5", "112.0", "101.2", "108.8", "120.0", "103.3", "100.6"],
    "B": ["95.0", "92.4", "98.8", "90.0", "96.5"],
    "C": ["85.0", "88.2", "80.0", "83.7"],
    "D": ["75.0", "62.5", "79.9", "70.0"],
}
# Every fifth indicator is one where lower is better (accidents, waiting children, days).
LOWER = "低いほどよい"
HIGHER = "高いほどよい"


def decimal(value):
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    assert Fraction(text) == value, value
    return text


def main():
    bands = [band for band, count in BANDS.items() for _ in range(count)]
    # Deal the bands out to the policies in turn; policy 4's last indicator has no actual value yet.
    slots = {number: [] for number, *_ in POLICIES}
    order = [number for number, _, size, *_ in POLICIES for _ in range(size)]
    deal = sorted(range(82), key=lambda i: (i % 4, i))
    computable = [i for i in deal if i != 81]
    for band_index, position in enumerate(sorted(computable, key=lambda i: (i % 21, i))):
        slots[order[position]].append((position, bands[band_index]))
    plan = [["基本政策番号", "基本政策", "公約番号", "公約", "担当部署"]]
    inbox = fresh_inbox(HERE / "inbox")
    counters = {band: 0 for band in BANDS}
    for number, title, size, department, mean in POLICIES:
        items = sorted(slots[number])
        rates = []
        for _, band in items:
            rates.append(Fraction(RATES[band][counters[band] % len(RATES[band])]))
            counters[band] += 1
        # The first A indicator takes what makes the policy mean exact.
        first_a = next(i for i, (_, band) in enumerate(items) if band == "A")
        rates[first_a] = mean * len(rates) - (sum(rates) - rates[first_a])
        assert rates[first_a] >= 100, (number, rates[first_a])
        rows = [["部署名", department], ["年度", "令和5年度"], ["提出日", "2024/5/15"], [],
                ["施策ID", "施策内容", "指標名", "目標値", "実績値", "方向", "備考"]]
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
        write_csv(inbox / f"{department}.csv", rows)
        print(number, len(rates), float(sum(rates) / len(rates)), [b for _, b in items].count("A"))
    write_csv(HERE / "plan.csv", plan)


if __name__ == "__main__":
    main()
