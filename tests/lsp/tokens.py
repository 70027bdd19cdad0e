"""tokens.py CHARTERC WORKSPACE - semantic tokens of `charterc lsp`
(textDocument/semanticTokens/full): the legend initialize advertises, and
the token stream of tests/lsp/ws/main.charter and of additions to it,
decoded and checked token by token (line, UTF-16 column and length, type,
modifiers) on lines with accented letters and emoji before the names; a
string that spans lines, a check name after `allow`, quantities with a
unit of the prelude, a document with a syntax error, an unknown document.
Prints "ok NAME" or "FAIL NAME: why" per check and the summary line
"N passed, N failed"."""
import os
import sys

from lspclient import Client, check, results

charterc, ws = sys.argv[1], os.path.realpath(sys.argv[2])
URI = "file://" + os.path.join(ws, "main.charter")
LEGEND = {
    "tokenTypes": ["namespace", "class", "struct", "interface", "enum", "enumMember", "type",
                   "event", "property", "function", "decorator", "string", "number", "date"],
    "tokenModifiers": ["declaration", "defaultLibrary"],
}
D, STD = ("declaration",), ("defaultLibrary",)


def decode(data, legend):
    """The relative encoding of the protocol, as absolute tokens
    (line, UTF-16 column, UTF-16 length, type, modifiers)."""
    out, line, col = [], 0, 0
    for i in range(0, len(data), 5):
        dl, dc, n, t, m = data[i:i + 5]
        line += dl
        col = col + dc if dl == 0 else dc
        mods = tuple(x for k, x in enumerate(legend["tokenModifiers"]) if m >> k & 1)
        out.append((line, col, n, legend["tokenTypes"][t], mods))
    return out


def text_of(src, tok):
    """The text a token covers, cut by its UTF-16 column and length."""
    u16 = src.split("\n")[tok[0]].encode("utf-16-le")
    return u16[2 * tok[1]:2 * (tok[1] + tok[2])].decode("utf-16-le")


with open(os.path.join(ws, "main.charter"), encoding="utf-8") as f:
    MAIN = f.read()

# main.charter, its `citty` corrected: lines 7 and 9 have accented
# letters and emoji (two UTF-16 units each) before a date and a name.
FIXED = [
    (0, 4, 18, "string", ()),           # use "partners.charter"
    (2, 10, 4, "namespace", D),         # agreement demo
    (2, 15, 6, "string", ()),           # "Démo"
    (3, 7, 10, "date", ()),             # term 2024-01-01
    (3, 21, 10, "date", ()),            # to 2025-12-31
    (4, 7, 4, "class", ()),             # lead city (declared in partners.charter)
    (7, 5, 1, "event", D),              # goal g
    (7, 7, 10, "string", ()),           # "Accès 🎒"
    (7, 23, 10, "date", ()),            # by 2025-06-30, after the emoji
    (9, 9, 1, "function", D),           # activity a
    (9, 11, 11, "string", ()),          # "Café 🎒 ☕"
    (9, 30, 4, "class", ()),            # lead city, after the emoji
    (11, 10, 1, "event", D),            # milestone m
    (11, 12, 3, "string", ()),          # "M"
    (12, 6, 10, "date", ()),            # due 2025-01-01
    (13, 8, 4, "class", ()),            # owner city
]

MORE = '''indicator reach "Reach 🎒" {
  unit people
  baseline 0 on 2024-01-01
  target 1_500 by 2025-12-31
  reported_by city
  source """
    Café 🎒 list
  """
  allow indicator_orphan "kept for later"
}
milestone m2 "M2" {
  due 2025-06-30
  requires reach >= 1_000 people
}
'''
MORE_TOKENS = [
    (15, 10, 5, "property", D),         # indicator reach
    (15, 16, 10, "string", ()),
    (16, 7, 6, "type", STD),            # unit people: the prelude's
    (17, 11, 1, "number", ()),          # baseline 0
    (17, 16, 10, "date", ()),
    (18, 9, 5, "number", ()),           # target 1_500, as written
    (18, 18, 10, "date", ()),
    (19, 14, 4, "class", ()),           # reported_by city
    (20, 9, 3, "string", ()),           # a string over three lines: a token per line
    (21, 0, 16, "string", ()),
    (22, 0, 5, "string", ()),
    (23, 8, 16, "decorator", ()),       # allow indicator_orphan
    (23, 25, 16, "string", ()),
    (25, 10, 2, "event", D),            # milestone m2
    (25, 13, 4, "string", ()),
    (26, 6, 10, "date", ()),
    (27, 11, 5, "property", ()),        # requires reach >= 1_000 people
    (27, 20, 5, "number", ()),
    (27, 26, 6, "type", STD),
]


def main():
    c = Client([charterc, "lsp"], cwd=ws)
    r = c.call("initialize", {"processId": None, "rootUri": "file://" + ws, "capabilities": {}})
    prov = (r and r.get("result", {}).get("capabilities", {})).get("semanticTokensProvider")
    check("semantic tokens advertised: the legend, full documents only",
          prov == {"legend": LEGEND, "full": True}, repr(prov))
    legend = prov["legend"] if prov else LEGEND
    c.notify("initialized", {})

    def tokens(content, version):
        if version == 1:
            c.notify("textDocument/didOpen", {"textDocument": {
                "uri": URI, "languageId": "charter", "version": 1, "text": content}})
        else:
            c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                                "contentChanges": [{"text": content}]})
        r = c.call("textDocument/semanticTokens/full", {"textDocument": {"uri": URI}})
        data = r and (r.get("result") or {}).get("data")
        return decode(data, legend) if isinstance(data, list) and len(data) % 5 == 0 else data

    def same(name, got, want, src):
        bad = [(g, w, text_of(src, g)) for g, w in zip(got or [], want) if g != w]
        check(name, got == want, "%d tokens for %d; first differences %r" % (
            len(got or []), len(want), bad[:3] or (got or [])[len(want):][:3]))

    got = tokens(MAIN, 1)
    want = [t for t in FIXED if t[:2] != (9, 30)]
    same("main.charter: every token, an undefined name none", got, want, MAIN)
    fixed = MAIN.replace("citty", "city")
    same("main.charter corrected: the name after the emoji is a partner", tokens(fixed, 2), FIXED,
         fixed)
    check("each token covers its text", [text_of(fixed, t) for t in FIXED if t[3] != "string"] ==
          ["demo", "2024-01-01", "2025-12-31", "city", "g", "2025-06-30", "a", "city", "m",
           "2025-01-01", "city"], repr([text_of(fixed, t) for t in FIXED]))
    more = fixed + MORE
    same("a long string, allow, quantities, prelude units", tokens(more, 3), FIXED + MORE_TOKENS,
         more)
    broken = fixed + 'goal x "X" {\n  by 2025-01-01 )\n}\nmilestone q "Q" { due 2025-02-02 }\n'
    same("a syntax error: the tokens of what parsed", tokens(broken, 4), FIXED + [
        (15, 5, 1, "event", D), (15, 7, 3, "string", ()),
        (18, 10, 1, "event", D), (18, 12, 3, "string", ()), (18, 22, 10, "date", ())], broken)
    r = c.call("textDocument/semanticTokens/full",
               {"textDocument": {"uri": "file://" + os.path.join(ws, "nope.charter")}})
    check("an unknown document: no tokens", r and r.get("result") == {"data": []}, repr(r))
    c.call("shutdown", None)
    c.notify("exit", None)
    check("the session ends with status 0", c.close() == 0)


main()
print("%d passed, %d failed" % (results["pass"], results["fail"]))
sys.exit(1 if results["fail"] else 0)
