#!/usr/bin/env python3
"""Prints the entries of a PO file, one line each, sorted, for comparing two
files by what they say rather than how they are laid out: context, msgid,
msgstr, flags, previous msgid and whether the entry is obsolete.  The
header entry (msgid "") is left out: msgmerge rewrites some of its fields.
Reads the simple layout gettext's tools write (msgcat --no-wrap)."""
import sys


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    out, i, body = [], 0, s[1:-1]
    esc = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\'}
    while i < len(body):
        if body[i] == '\\':
            out.append(esc.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return ''.join(out)


def entries(path):
    cur, key, found = {}, None, []

    def flush():
        if 'msgid' in cur and cur['msgid'] != '':
            found.append(cur.copy())
        cur.clear()

    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n')
        obsolete = line.startswith('#~ ')
        if obsolete:
            line = line[3:]
        prev = line.startswith('#| ')
        if prev:
            line = line[3:]
        if not line.strip():
            flush()
            key = None
            continue
        if line.startswith('#,'):
            cur['flags'] = sorted(f.strip() for f in line[2:].split(','))
            continue
        if line.startswith('#'):
            continue
        if line.startswith('"'):
            cur[key] += unquote(line)
            continue
        word, _, rest = line.partition(' ')
        key = ('prev ' if prev else '') + word
        if not prev and word == 'msgctxt' and 'msgid' in cur:
            flush()
        cur[key] = unquote(rest)
        if obsolete:
            cur['obsolete'] = True
    flush()
    return found


for e in sorted(entries(sys.argv[1]), key=lambda e: (e.get('msgctxt', ''), e['msgid'])):
    print(repr((e.get('msgctxt'), e['msgid'], e.get('msgstr'), e.get('flags', []),
                e.get('prev msgid'), e.get('obsolete', False))))
