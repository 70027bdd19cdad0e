"""bench/lsp_hover.py CHARTERC DENSE [SCALE] [HOVERS] - the language
server's answers on a large agreement: the agreement of `DENSE agreement
SCALE` (bench/dense.c; default scale 1, about 660 declarations) is opened,
its first diagnostics timed (one compilation with every check), then
HOVERS hovers (default 1,000), one after the other, on the names of its
partners, activities and milestones, each waiting for its answer.  Since
the server keeps a document's compilation until a document changes, a
hover costs a lookup, not a compilation; the compilation's time is what
each would cost otherwise.  Prints the figures for bench/RESULTS.md.
Wall-clock times on the client's side, the median of three runs."""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lsp"))
from lspclient import open_text, start  # noqa: E402


def run_once(charterc, path, text, positions, hovers):
    c, uri = start(charterc, path)
    t0 = time.perf_counter()
    open_text(c, uri, text)
    d = c.diagnostics(uri, timeout=120)
    t_open = time.perf_counter() - t0
    answered = 0
    t0 = time.perf_counter()
    for i in range(hovers):
        r = c.call("textDocument/hover", {"textDocument": {"uri": uri},
                                          "position": positions[i % len(positions)]}, timeout=120)
        answered += bool(r and r.get("result"))
    t_hover = time.perf_counter() - t0
    c.call("shutdown", None)
    c.notify("exit", None)
    c.close()
    return t_open, t_hover, answered, len(d or [])


def main():
    charterc, dense = sys.argv[1], sys.argv[2]
    scale = sys.argv[3] if len(sys.argv) > 3 else "1"
    hovers = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    work = tempfile.mkdtemp(prefix="lsp-bench-")
    path = os.path.join(work, "dense.charter")
    subprocess.run([dense, "agreement", scale, "-o", path], check=True)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    positions = [{"line": i, "character": m.start(1)}
                 for i, line in enumerate(lines)
                 for m in [re.match(r"(?:partner|activity|milestone) (\w)", line)] if m]
    runs = [run_once(charterc, path, text, positions, hovers) for _ in range(3)]
    t_open = statistics.median(r[0] for r in runs)
    t_hover = statistics.median(r[1] for r in runs)
    answered, ndiag = runs[0][2], runs[0][3]
    print("agreement: dense scale %s, %d lines, %d bytes, %d findings shown" %
          (scale, len(lines), len(text.encode()), ndiag))
    print("open to diagnostics (one compilation and every check): %.1f ms" % (t_open * 1000))
    print("%d hovers, each answered (%d with a result): %.1f ms in all, %.3f ms each" %
          (hovers, answered, t_hover * 1000, t_hover * 1000 / hovers))
    print("a compilation per hover would take about %.1f s" % (t_open * hovers))
    os.remove(path)
    os.rmdir(work)


main()
