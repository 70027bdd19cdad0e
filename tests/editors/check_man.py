"""Compares the synopses and options of a man page with what the programs
accept.  usage: python3 check_man.py PAGE CHARTERC TRACKER

PAGE is charterc(1).  For each command of `charterc --help` (and each
command of the tracker program TRACKER, in THE TRACKER section), the
command's synopsis (its .SS lines, or the tag of its .TP in THE TRACKER)
and its option tags (.TP) are read from the page and compared with the
command's --help: every option the page names must be accepted by the
program (it is tried: "unknown option" means it is not); every option of
--help must be on the page; a list of values (`--format text|json`) and a
placeholder (`-o NAME`) must be the same in both; the operands (FILE, OLD
NEW, ...) must be the same.  Prints one line per disagreement."""
import re, subprocess, sys

page, charterc, tracker = sys.argv[1:4]
problems = []
OPT = r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-z])(?![\w-])"


def run(argv):
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    return p.stdout + p.stderr


def unroff(line):
    """The text of one line of roff: macros' arguments joined as printed."""
    m = re.match(r"\.(B|I|BI|IB|BR|RB|IR|RI|SS|SH)\s+(.*)", line)
    if m:
        args = re.findall(r'"((?:[^"]|"")*)"|(\S+)', m.group(2))
        args = [a or b for a, b in args]
        line = (" " if m.group(1) in ("B", "I", "SS", "SH") else "").join(args)
    line = re.sub(r"\\f[BIRP]|\\f\(..|\\c|\\&|\\\(lq|\\\(rq", "", line)
    return line.replace("\\-", "-").replace("\\ ", " ").strip()


def usage_of(help_text):
    """The usage lines of a --help text, one string, and its option lines."""
    usage, opts, in_usage = [], [], False
    for line in help_text.splitlines():
        if line.startswith("usage:"):
            in_usage = True
        elif not line.strip():
            in_usage = False
        if in_usage:
            usage.append(re.sub(r"\s+\(.*\)$", "", line.replace("usage:", "")))
        elif re.match(r"\s+-", line):
            opts.append(re.match(r"\s+((?:-[\w-]+[ ,=]*)+)", line).group(1))
    return " ".join(usage), " ".join(opts)


def options(text):
    return set(re.findall(OPT, text))


def values(text):
    """{option: set of literal values} for `--opt a|b|c` and `--opt a`."""
    out = {}
    for o, v in re.findall(OPT + r"[ =]([a-z][\w-]*(?:\|[a-z][\w-]*)*)(?![\w-])", text):
        out[o] = set(v.split("|"))
    return out


def placeholders(text):
    return {o: v for o, v in re.findall(OPT + r"[ =]([A-Z][A-Z_]*)\b", text)}


def operands(text, skip_words=()):
    text = re.sub(OPT + r"[ =][A-Z][\w=,.]*", " ", text)   # options' values
    words = re.findall(r"(?<![\w=-])[A-Z][A-Z_]+\b", text)
    return set(w for w in words if w not in skip_words)


def compare(who, synopsis, tags, help_text, probe, globals_):
    usage, optlines = usage_of(help_text)
    documented = options(synopsis) | options(tags)
    for o in sorted(documented):
        if "unknown option" in probe(o):
            problems.append(f"{who}: the page names {o}, which the program does not accept")
    for o in sorted((options(usage) | options(optlines)) - globals_ - documented):
        problems.append(f"{who}: {o} (in --help) is not on the page")
    for o in sorted(options(usage) - globals_ - options(synopsis)):
        problems.append(f"{who}: {o} is in the usage of --help but not in the synopsis")
    want = values(usage)
    for o, got in {**values(tags), **values(synopsis)}.items():
        if o in want and got != want[o]:
            problems.append(f"{who}: the page gives {o} {'|'.join(sorted(got))}, "
                            f"--help {'|'.join(sorted(want[o]))}")
    want = placeholders(usage)
    for o, got in placeholders(synopsis).items():
        if o in want and got != want[o]:
            problems.append(f"{who}: the page writes {o} {got}, --help {o} {want[o]}")
    a, b = operands(synopsis), operands(usage)
    if a != b:
        problems.append(f"{who}: operands {' '.join(sorted(a)) or '(none)'} on the page, "
                        f"{' '.join(sorted(b)) or '(none)'} in --help")


lines = open(page, encoding="utf-8").read().splitlines()
# The footer names the version the page describes: the program's own.
th = re.search(r'^\.TH \S+ \d \S+ "Charter ([^"]+)"', "\n".join(lines), re.M)
version = run([charterc, "--version"]).split()[-1]
if not th or th.group(1) != version:
    problems.append(f"{page}: .TH must name \"Charter {version}\" (charterc --version)")
# Sections of the page: .SS "charterc CMD ..." (several per command) and
# the .TP items of THE TRACKER whose tag starts with NAME CMD.
synopses, tags, section, tracker_text = {}, {}, None, []
tracker_syn, tracker_tags = {}, {}
in_tracker = False
for i, line in enumerate(lines):
    if line.startswith(".SH"):
        in_tracker = unroff(line) == "THE TRACKER"
        section = None
    if in_tracker:
        tracker_text.append(unroff(line))
        if line == ".TP" and i + 1 < len(lines):
            tag = unroff(lines[i + 1])
            m = re.match(r"NAME (\w+)(.*)", tag)
            if m:
                tracker_syn[m.group(1)] = m.group(2)
        continue
    m = re.match(r'\.SS "charterc (\w+)(.*)"', line)
    if m:
        section = m.group(1)
        synopses[section] = synopses.get(section, "") + " " + unroff(line)[len("charterc " + section):]
        continue
    if section and line == ".TP" and i + 1 < len(lines):
        tags[section] = tags.get(section, "") + " " + unroff(lines[i + 1])

commands = re.findall(r"^  (\w+)  ", run([charterc, "--help"]).split("commands:")[1], re.M)
for cmd in commands:
    if cmd not in synopses:
        problems.append(f"charterc {cmd}: no .SS section")
        continue
    compare(f"charterc {cmd}", synopses[cmd], tags.get(cmd, ""),
            run([charterc, cmd, "--help"]), lambda o, c=cmd: run([charterc, c, o]),
            {"--help", "-h", "--color"})

thelp = run([tracker, "--help"])
tglobals = options(thelp.split("options of every command:")[1])
text = " ".join(tracker_text)
for o in sorted(tglobals - options(text)):
    problems.append(f"tracker: {o}, an option of every command, is not in THE TRACKER")
for cmd in re.findall(r"^  (\w+)  ", thelp.split("commands:")[1].split("options of")[0], re.M):
    if cmd not in tracker_syn:
        problems.append(f"tracker {cmd}: no item NAME {cmd} in THE TRACKER")
        continue
    compare(f"tracker {cmd}", tracker_syn[cmd], "", run([tracker, cmd, "--help"]),
            lambda o, c=cmd: run([tracker, c, o]), tglobals | {"-h"})
if problems:
    print("\n".join(problems))
sys.exit(1 if problems else 0)
