#!/usr/bin/env python3
"""The property test of small-cell suppression (tests/tracker/test_privacy_random.sh).

For many random small ledgers (a fixed seed: the same ledgers every run) it
runs `status --format json` and `report` of the tracker of
privacy_random.charter and checks, in every output:
- nothing crashes and nothing prints nan or inf;
- no figure of a count with personal data below the threshold is printed
  (a total, a cell with a target, a cell of the breakdown table, a point's
  tooltip), and no rate's figure whose denominator's is below it;
- no such figure can be worked out from the figures printed, by the sums a
  reader can do: a parent (the total, a coarser cell) is the sum of its
  cells at each finer level;
- where nothing is hidden, the total is the sum of the table's cells.
Usage: privacy_random.py TRACKER WORKDIR [COUNT]; prints "N passed, N
failed" last."""
import json
import os
import random
import re
import subprocess
import sys

MIN = 5
AREAS = ["north", "south", "east"]
SEXES = ["female", "male"]
AS_OF = "2024-12-31"
DATES = ["2024-03-31", "2024-06-30", "2024-09-30"]

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def count(rng):
    """Mostly small counts, some zeros, some large."""
    r = rng.random()
    if r < 0.15:
        return 0
    if r < 0.6:
        return rng.randint(1, 6)
    return rng.randint(7, 60)


def ledger(rng):
    """Rows (indicator, date, value, reporter, area, sex) and the truth:
    each reporter's latest cells of each indicator, added up."""
    rows = []
    latest = {}
    for ind, reps, two in (("one", ("city", "clinic"), False), ("two", ("city",), True),
                           ("residents", ("city",), False), ("plain", ("city",), False)):
        for rep in reps:
            dates = sorted(rng.sample(DATES, rng.randint(1, 2)))
            for d in dates:
                cells = {}
                for a in AREAS:
                    if rng.random() < 0.2:
                        continue
                    for s in (SEXES if two else [""]):
                        cells[(a, s)] = count(rng)
                for (a, s), v in cells.items():
                    rows.append((ind, d, v, rep, a, s))
                if cells:   # a date with no row is no report
                    latest[(ind, rep)] = cells
    rate = {}
    for a in AREAS:
        rate[a] = round(rng.uniform(0, 100), 1)
        rows.append(("vaccinated", "2024-09-30", rate[a], "city", a, ""))
    truth = {}
    for (ind, rep), cells in latest.items():
        t = truth.setdefault(ind, {})
        for k, v in cells.items():
            t[k] = t.get(k, 0) + v
    truth["vaccinated"] = {(a, ""): rate[a] for a in AREAS}
    return rows, truth


def figures(cells, two):
    """Every figure of a table: (area or None, sex or None) -> value; the
    total is (None, None)."""
    f = {(None, None): sum(cells.values())}
    for (a, s), v in cells.items():
        if two:
            f[(a, s)] = v
            f[(a, None)] = f.get((a, None), 0) + v
            f[(None, s)] = f.get((None, s), 0) + v
        else:
            f[(a, None)] = v
    return f


def groups(figs):
    """(parent, [cells]) for every parent and finer level."""
    out = []
    keys = list(figs)
    def level(k):
        return (k[0] is not None, k[1] is not None)
    for p in keys:
        lv = {}
        for c in keys:
            lp, lc = level(p), level(c)
            if c == p or lc == lp or (lp[0] and not lc[0]) or (lp[1] and not lc[1]):
                continue
            if (p[0] is not None and c[0] != p[0]) or (p[1] is not None and c[1] != p[1]):
                continue
            lv.setdefault(lc, []).append(c)
        out.extend((p, cs) for cs in lv.values())
    return out


def derive(figs, shown):
    """The figures a reader works out from those shown, by the sums."""
    known = set(shown)
    gs = groups(figs)
    more = True
    while more:
        more = False
        for p, cs in gs:
            out = [c for c in cs if c not in known]
            if not out and p not in known:
                known.add(p)
                more = True
            elif len(out) == 1 and p in known:
                known.add(out[0])
                more = True
    return known


def num(text):
    return float(text.replace(",", "").replace("%", ""))


def article(html, ind):
    m = re.search(r'<article id="ind-%s">(.*?)</article>' % ind, html, re.S)
    return m.group(1) if m else ""


def table(art, two):
    """The breakdown table's cells: key -> number, or None when suppressed."""
    out = {}
    for m in re.finditer(r"<tr>((?:<td>[^<]*</td>)+)<td class=\"n( supp)?\">([^<]*)</td></tr>", art):
        names = re.findall(r"<td>([^<]*)</td>", m.group(1))
        key = tuple(None if n == "(all)" else n for n in names)
        key = key if two else (key[0], None)
        out[key] = None if m.group(2) else num(m.group(3))
    return out


def run_case(tracker, work, seed):
    rng = random.Random(seed)
    rows, truth = ledger(rng)
    data = os.path.join(work, "d%d" % seed)
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(data, "observations.csv"), "w") as f:
        f.write("indicator,date,value,reporter,area,sex\n")
        for r in rows:
            f.write("%s,%s,%s,%s,%s,%s\n" % r)
    st = subprocess.run([tracker, "--data", data, "status", "--as-of", AS_OF, "--format", "json"],
                        capture_output=True, text=True)
    html_path = os.path.join(data, "r.html")
    rp = subprocess.run([tracker, "--data", data, "report", "--as-of", AS_OF, "-o", html_path],
                        capture_output=True, text=True)
    check(st.returncode == 0 and rp.returncode == 0,
          "seed %d: status exits %d, report %d: %s" % (seed, st.returncode, rp.returncode,
                                                       st.stderr + rp.stderr))
    if st.returncode or rp.returncode:
        return
    html = open(html_path).read()
    check(not re.search(r"\b(nan|inf)\b", st.stdout + html, re.I), "seed %d: nan or inf" % seed)
    js = json.loads(st.stdout)
    inds = {x["id"]: x for x in js["indicators"]}
    jcells = {}
    for c in js["cells"]:
        key = (c["cell"], None) if c["dimension"] == "area" else (None, c["cell"])
        jcells[(c["indicator"], key)] = c["value"]
    for ind, two, size_of in (("one", False, "one"), ("two", True, "two"),
                              ("vaccinated", False, "residents"), ("residents", False, "residents"),
                              ("plain", False, None)):
        figs = figures(truth.get(ind, {}), two)
        sizes = figures(truth.get(size_of, {}), two) if size_of else None
        art = article(html, ind)
        shown = {}
        # The total: in status and in the dashboard's scorecard.
        if ind != "vaccinated" and inds[ind]["value"] is not None:
            shown[(None, None)] = inds[ind]["value"]
        for (i, key), v in jcells.items():
            if i == ind and v is not None:
                shown[key] = v
        for key, v in table(art, two).items():
            if v is not None:
                shown[key] = v
        where = "seed %d, %s" % (seed, ind)
        if sizes is None:
            cells = {k: v for k, v in table(art, two).items()}
            if cells and None not in cells.values() and inds[ind]["value"] is not None:
                check(abs(sum(cells.values()) - inds[ind]["value"]) < 1e-9,
                      where + ": the total is the sum of the cells")
            continue
        for key, v in shown.items():
            check(sizes.get(key, 0) >= MIN, where + ": %s shown (%s) though its count %s is small"
                  % (key, v, sizes.get(key, 0)))
        if ind == "vaccinated":
            continue
        known = derive(figs, [k for k in shown if k in figs])
        for key in known - set(shown):
            check(figs[key] >= MIN, where + ": %s = %s can be worked out" % (key, figs[key]))
        for m in re.finditer(r"value ([0-9.,]+) on (\d{4}-\d{2}-\d{2})", art):
            check(num(m.group(1)) >= MIN, where + ": a tooltip shows %s" % m.group(1))
            if inds[ind]["value"] is None and inds[ind]["date"] == m.group(2):
                check(False, where + ": the tooltip of %s gives the hidden total" % m.group(2))
        if (None, None) in shown and all(v is not None for v in table(art, two).values()):
            t = table(art, two)
            full = [v for k, v in t.items() if (k[0] is not None) and (k[1] is not None or not two)]
            if full:
                check(abs(sum(full) - shown[(None, None)]) < 1e-9,
                      where + ": the total is the sum of the cells")


def main():
    tracker, work = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    for seed in range(n):
        run_case(tracker, work, seed)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
