"""bench/lsp_change.py CHARTERC FILE [CHANGES] - how long the language
server takes from a change to its diagnostics: FILE is opened in
`charterc lsp`, then changed CHANGES times (default 9), one change after
the other, each a `didChange` with the whole text (full sync, as editors
send it) and a new version, timed until the `publishDiagnostics` of that
version arrives.

Each change inserts a different comment line before a declaration in the
middle of the file, so every change is new text and the findings stay
the same (a finding that appears would mean the edit broke the file).

Two times per change, and the median of each over the changes:
  wall  the client's clock from just before the message is written to
        the pipe until the diagnostics are read from it: the writing and
        reading of the message, JSON, the compilation with every check,
        the diagnostics' JSON (the messages are encoded before the clock
        starts, so Python's JSON is not counted);
  cpu   the server's CPU time over the same interval (the sum over its
        threads of /proc/PID/task/*/schedstat's run time, in nanoseconds;
        without schedstat, /proc/PID/stat's user and system ticks over all
        the changes, divided by their number: a mean, not a median).
Prints one line of NAME=VALUE fields for bench/run.sh (times in seconds):
lines, bytes, findings, open (the first diagnostics after opening, wall),
wall, cpu, wall_max, cpu_max, cpu_kind (median or mean), changes."""
import json
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lsp"))
from lspclient import open_text, start  # noqa: E402


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def schedstat_ns(pid):
    """The process's run time in ns, summed over its threads; None
    when the kernel does not keep schedstat."""
    total = 0
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                total += int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return total


def ticks_s(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edited(lines, k):
    """The text with comment line k before the top-level declaration
    nearest the middle."""
    mid = len(lines) // 2
    at = next((i for i in range(mid, len(lines)) if re.match(r"[a-z]", lines[i])), mid)
    return "\n".join(lines[:at] + ["# change %d" % k] + lines[at:])


def wait_version(c, uri, version):
    m = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
               and m["params"]["uri"] == uri and m["params"].get("version") == version,
               timeout=120)
    if m is None:
        sys.exit("lsp_change: no diagnostics for version %d" % version)
    return m["params"]["diagnostics"]


def main():
    charterc, path = os.path.abspath(sys.argv[1]), os.path.realpath(sys.argv[2])
    changes = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    c, uri = start(charterc, path)
    t0 = time.perf_counter()
    open_text(c, uri, text)
    findings = len(wait_version(c, uri, 1))
    t_open = time.perf_counter() - t0
    pid = c.proc.pid
    kind = "median" if schedstat_ns(pid) is not None else "mean"
    walls, cpus = [], []
    ticks0 = ticks_s(pid)
    for k in range(changes):
        version = k + 2
        msg = frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version},
                                "contentChanges": [{"text": edited(lines, k)}]}})
        cpu0 = schedstat_ns(pid) if kind == "median" else 0
        t0 = time.perf_counter()
        c.send_raw(msg)
        got = len(wait_version(c, uri, version))
        walls.append(time.perf_counter() - t0)
        if kind == "median":
            cpus.append((schedstat_ns(pid) - cpu0) / 1e9)
        if got != findings:
            sys.exit("lsp_change: change %d gives %d findings, not %d" % (k, got, findings))
    if kind == "mean":
        cpus = [(ticks_s(pid) - ticks0) / changes] * changes
    c.call("shutdown", None)
    c.notify("exit", None)
    c.close()
    print("lines=%d bytes=%d findings=%d open=%.4f wall=%.4f cpu=%.4f wall_max=%.4f "
          "cpu_max=%.4f cpu_kind=%s changes=%d" %
          (len(lines) - (lines[-1] == ""), len(text.encode()), findings, t_open,
           statistics.median(walls), statistics.median(cpus), max(walls), max(cpus), kind,
           changes))


main()
