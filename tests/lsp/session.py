"""session.py CHARTERC WORKSPACE - drives `charterc lsp` through scripted
sessions and checks the answers: lifecycle and exit status, diagnostics
(ranges in UTF-16 on a line with non-ASCII text), hover, definition and
references across a `use`d file, the outline, formatting, and malformed
input.  Prints "ok NAME" or "FAIL NAME: why" per check and the summary
line "N passed, N failed"."""
import os
import re
import sys

from lspclient import Client, check, results

charterc, ws = sys.argv[1], os.path.realpath(sys.argv[2])


def uri(name):
    return "file://" + os.path.join(ws, name)


def text(name):
    with open(os.path.join(ws, name), encoding="utf-8") as f:
        return f.read()


def utf16_col(line, byte_col):
    """The UTF-16 column of a byte column of a line."""
    prefix = line.encode("utf-8")[:byte_col].decode("utf-8")
    return len(prefix.encode("utf-16-le")) // 2


def pos_of(src, line_no, needle, nth=0):
    """The LSP position (line, UTF-16 character) of needle in a line."""
    line = src.split("\n")[line_no]
    at = -1
    for _ in range(nth + 1):
        at = line.index(needle, at + 1)
    return {"line": line_no, "character": utf16_col(line, len(line[:at].encode("utf-8")))}


def start(caps=None):
    c = Client([charterc, "lsp"], cwd=ws)
    r = c.call("initialize", {"processId": None, "rootUri": "file://" + ws,
                              "capabilities": caps or {}})
    return c, r


def change(c, name, content, version):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(name), "version": version},
                                        "contentChanges": [{"text": content}]})


def end(c):
    c.call("shutdown", None)
    c.notify("exit", None)
    return c.close()


def open_doc(c, name, content=None):
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri(name), "languageId": "charter", "version": 1,
        "text": text(name) if content is None else content}})


def lifecycle():
    c, r = start()
    caps = r and r.get("result", {}).get("capabilities", {})
    check("initialize answers", caps is not None, repr(r))
    check("full text sync advertised", caps and caps["textDocumentSync"]["change"] == 1, repr(caps))
    for p in ("hoverProvider", "definitionProvider", "referencesProvider",
              "documentHighlightProvider", "documentSymbolProvider", "documentFormattingProvider", "foldingRangeProvider",
              "workspaceSymbolProvider"):
        check("advertises " + p, caps and caps.get(p) is True, repr(caps))
    check("advertises rename with prepareRename",
          caps and caps.get("renameProvider") == {"prepareProvider": True}, repr(caps))
    check("advertises quick fixes",
          caps and caps.get("codeActionProvider") == {"codeActionKinds": ["quickfix"]}, repr(caps))
    check("advertises nothing else", caps and set(caps) == {
        "positionEncoding", "textDocumentSync", "hoverProvider", "definitionProvider",
        "referencesProvider", "documentHighlightProvider", "documentSymbolProvider", "documentFormattingProvider",
        "renameProvider", "codeActionProvider", "foldingRangeProvider",
        "workspaceSymbolProvider", "completionProvider", "semanticTokensProvider"}, repr(caps))
    c.notify("initialized", {})
    r = c.call("shutdown", None)
    check("shutdown answers null", r and "result" in r and r["result"] is None, repr(r))
    r = c.call("textDocument/hover", {"textDocument": {"uri": uri("main.charter")},
                                      "position": {"line": 0, "character": 0}})
    check("requests after shutdown are refused", r and r.get("error", {}).get("code") == -32600,
          repr(r))
    c.notify("exit", None)
    check("exit after shutdown: status 0", c.close() == 0)

    c, _ = start()
    c.notify("exit", None)
    check("exit without shutdown: status 1", c.close() == 1)

    c = Client([charterc, "lsp"], cwd=ws)
    r = c.call("textDocument/hover", {})
    check("a request before initialize: -32002", r and r["error"]["code"] == -32002, repr(r))
    check("end of input without shutdown: status 1", c.close() == 1)


def diagnostics():
    c, _ = start()
    c.notify("initialized", {})
    main = text("main.charter")
    open_doc(c, "main.charter")
    d = c.diagnostics(uri("main.charter"))
    check("diagnostics published on open", d is not None and len(d) == 1, repr(d))
    if d:
        g = d[0]
        want = pos_of(main, 9, "citty")
        check("undefined name: range start in UTF-16", g["range"]["start"] == want,
              "%r != %r" % (g["range"]["start"], want))
        check("undefined name: range end in UTF-16",
              g["range"]["end"] == {"line": 9, "character": want["character"] + 5}, repr(g["range"]))
        check("severity error", g["severity"] == 1, repr(g))
        check("code is the check name", g["code"] == "undefined_name", repr(g))
        href = g.get("codeDescription", {}).get("href", "")
        check("codeDescription links to the check", href.endswith("docs/checks.md#undefined_name"),
              href)
        check("the hint follows the message", g["message"] ==
              "partner 'citty' is not declared\ndid you mean 'city'?", repr(g["message"]))
    # Edit the error away: the checks run, and their findings come.
    fixed = main.replace("citty", "city")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 2},
                                        "contentChanges": [{"text": fixed}]})
    d = c.diagnostics(uri("main.charter"))
    codes = sorted({g["code"] for g in d or []})
    check("after the fix: check findings, no language error",
          d and "undefined_name" not in codes and "agenda_missing" in codes, repr(codes))
    gap = [g for g in d or [] if g["code"] == "agenda_missing"]
    check("a gap is a warning", gap and gap[0]["severity"] == 2, repr(gap))
    # An allowed finding is not shown.
    allowed = fixed.replace('lead city\n}', 'lead city\n  allow agenda_missing "not yet"\n}', 1)
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 3},
                                        "contentChanges": [{"text": allowed}]})
    d = c.diagnostics(uri("main.charter"))
    codes = {g["code"] for g in d or []}
    check("an allowed finding is not shown", d and "agenda_missing" not in codes, repr(codes))
    # The used file's open buffer wins over the disk.
    open_doc(c, "partners.charter", text("partners.charter").replace("partner city", "partner town"))
    seen = {}
    for _ in range(2):
        m = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        if m:
            seen[m["params"]["uri"]] = m["params"]["diagnostics"]
    codes = {g["code"] for g in seen.get(uri("main.charter"), [])}
    check("a use'd file is read from its open buffer", "undefined_name" in codes, repr(seen))
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri("partners.charter")}})
    check("a closed document's diagnostics are cleared", c.diagnostics(uri("partners.charter")) == [])
    c.diagnostics(uri("main.charter"))
    # A finding in the used file that points into this one: a duplicate.
    dup = fixed + '\npartner city "Again" {\n  sector government\n}\n'
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 4},
                                        "contentChanges": [{"text": dup}]})
    d = c.diagnostics(uri("main.charter"))
    rel = [g for g in d or [] if g["code"] == "duplicate_name"]
    loc = rel and rel[0].get("relatedInformation", [{}])[0].get("location", {})
    check("a finding in the used file shows where it points",
          rel and rel[0]["range"]["start"] == {"line": 16, "character": 8}, repr(rel))
    check("with a related location in the used file", loc and loc.get("uri") ==
          uri("partners.charter") and loc["range"]["start"] == {"line": 0, "character": 8}, repr(rel))
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri("main.charter")}})
    d = c.diagnostics(uri("main.charter"))
    check("cleared on close", d == [], repr(d))
    c.call("shutdown", None)
    c.notify("exit", None)
    c.close()


def navigation():
    c, _ = start()
    c.notify("initialized", {})
    main = text("main.charter").replace("citty", "city")
    open_doc(c, "main.charter", main)
    c.diagnostics(uri("main.charter"))
    at = pos_of(main, 13, "city")   # owner city
    td = {"uri": uri("main.charter")}
    r = c.call("textDocument/definition", {"textDocument": td, "position": at})
    res = r and r.get("result")
    check("definition in the used file", res and res["uri"] == uri("partners.charter") and
          res["range"] == {"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 12}},
          repr(r))
    r = c.call("textDocument/hover", {"textDocument": td, "position": at})
    val = r and (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover: kind, id, title", val and val.startswith("**partner** `city` — Ville de Québec"),
          repr(val))
    check("hover: key facts", val and "- sector: `government`" in val and "- level: `local`" in val
          and "- signatory: Maire" in val, repr(val))
    r = c.call("textDocument/references", {"textDocument": td, "position": at,
                                           "context": {"includeDeclaration": True}})
    res = r and r.get("result") or []
    got = sorted((x["uri"].rsplit("/", 1)[1], x["range"]["start"]["line"]) for x in res)
    check("references across the used file",
          got == [("main.charter", 4), ("main.charter", 9), ("main.charter", 13),
                  ("partners.charter", 0)], repr(got))
    r = c.call("textDocument/hover", {"textDocument": td, "position": {"line": 1, "character": 0}})
    check("hover on nothing: null", r and r["result"] is None, repr(r))
    r = c.call("textDocument/hover", {"textDocument": {"uri": uri("nope.charter")},
                                      "position": {"line": 0, "character": 0}})
    check("hover in an unknown document: null", r and r["result"] is None, repr(r))
    allow = main.replace("owner city\n", "owner city\n  allow milestone_unowned \"test\"\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 2},
                                        "contentChanges": [{"text": allow}]})
    r = c.call("textDocument/hover", {"textDocument": td, "position": pos_of(allow, 14, "unowned")})
    val = r and (r.get("result") or {}).get("contents", {}).get("value", "")
    check("hover on allow CHECK: its reference text", "milestone_unowned" in val and len(val) > 80,
          repr(val))
    r = c.call("textDocument/documentSymbol", {"textDocument": td})
    res = r and r.get("result") or []
    names = [(g["name"], [s["name"] for s in g["children"]]) for g in res]
    check("outline grouped by kind", names == [("agreement (1)", ["demo"]), ("goal (1)", ["g"]),
                                               ("activity (1)", ["a"]), ("milestone (1)", ["m"])],
          repr(names))
    c.call("shutdown", None)
    c.notify("exit", None)
    c.close()


def editing():
    c, _ = start()
    main = text("main.charter")
    open_doc(c, "main.charter")
    c.diagnostics(uri("main.charter"))
    td = {"uri": uri("main.charter")}
    at = pos_of(main, 9, "citty")
    r = c.call("textDocument/codeAction", {"textDocument": td, "range": {"start": at, "end": at},
                                           "context": {"diagnostics": []}})
    res = r and r.get("result") or []
    edit = res and res[0]["edit"]["changes"].get(uri("main.charter"), [{}])[0]
    check("quick fix: did you mean", len(res) == 1 and res[0]["title"] == "Change to 'city'" and
          res[0]["kind"] == "quickfix" and edit.get("newText") == "city" and
          edit["range"]["start"] == at, repr(res))
    fixed = main.replace("citty", "city")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 2},
                                        "contentChanges": [{"text": fixed}]})
    open_doc(c, "partners.charter")
    at = pos_of(fixed, 13, "city")
    r = c.call("textDocument/prepareRename", {"textDocument": td, "position": at})
    res = r and r.get("result")
    check("prepareRename: the name's range and text", res and res["placeholder"] == "city" and
          res["range"]["start"] == at, repr(r))
    r = c.call("textDocument/prepareRename", {"textDocument": td,
                                              "position": pos_of(fixed, 1 - 1, "use")})
    check("prepareRename where there is no name: null", r and r.get("result") is None, repr(r))
    r = c.call("textDocument/rename", {"textDocument": td, "position": at, "newName": "town"})
    ch = (r and r.get("result") or {}).get("changes", {})
    got = sorted((u.rsplit("/", 1)[1], e["range"]["start"]["line"], e["newText"])
                 for u, es in ch.items() for e in es)
    check("rename across the used file", got == [
        ("main.charter", 4, "town"), ("main.charter", 9, "town"), ("main.charter", 13, "town"),
        ("partners.charter", 0, "town")], repr(r))
    r = c.call("textDocument/rename", {"textDocument": td, "position": pos_of(fixed, 2, "demo"),
                                       "newName": "x y"})
    check("rename to a name that is not one: refused", r and "error" in r, repr(r))
    collide = fixed + '\npartner town "Town" {\n  sector private\n}\n'
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 3},
                                        "contentChanges": [{"text": collide}]})
    r = c.call("textDocument/rename", {"textDocument": td, "position": at, "newName": "town"})
    check("rename onto a declared name of the kind: refused",
          r and r.get("error", {}).get("message") == "partner 'town' is already declared", repr(r))
    r = c.call("textDocument/rename", {"textDocument": td, "position": at, "newName": "g"})
    check("a goal's name is free for a partner", r and "result" in r, repr(r))
    r = c.call("workspace/symbol", {"query": "CIT"})
    res = r and r.get("result") or []
    check("workspace symbols by part of the name, without case",
          [(x["name"], x["containerName"], x["location"]["uri"].rsplit("/", 1)[1]) for x in res] ==
          [("city", "partner", "partners.charter")], repr(res))
    folded = "# one\n# two\nagreement demo \"D\" {\n  term 2024-01-01 to 2025-12-31\n" \
             "  scope \"\"\"\n    a\n    b\n  \"\"\"\n}\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 4},
                                        "contentChanges": [{"text": folded}]})
    r = c.call("textDocument/foldingRange", {"textDocument": td})
    res = sorted((x["startLine"], x["endLine"], x.get("kind")) for x in (r and r.get("result") or []))
    check("folding: blocks, long strings, comment runs",
          res == [(0, 1, "comment"), (2, 7, None), (4, 6, None)], repr(res))
    c.call("shutdown", None)
    c.notify("exit", None)
    c.close()


def completion():
    c, _ = start()
    base = text("main.charter").replace("citty", "city")
    td = {"uri": uri("main.charter")}
    cases = [
        ("after lead: the partners", "  lead ", lambda ls: ls == ["city"]),
        ("after supports: the goals", "  supports ", lambda ls: ls == ["g"]),
        ("after sector: the prelude's sectors", "  sector ",
         lambda ls: "government" in ls and "private" in ls and "city" not in ls),
        ("after direction: up and down", "  direction ", lambda ls: ls == ["up", "down"]),
        ("after allow: the check names", "  allow ",
         lambda ls: "agenda_missing" in ls and "undefined_name" not in ls and "city" not in ls),
        ("in a report, after by: the partners", '  report r "R" every month by ',
         lambda ls: ls == ["city"]),
        ("in the statement name: the milestone's statements not given yet", "  lea",
         lambda ls: ls == ["after", "requires", "deliverable", "phase", "allow"]),
        ("on an empty line: the same", "  ",
         lambda ls: ls == ["after", "requires", "deliverable", "phase", "allow"]),
        ("in a string: nothing", '  deliverable "lea', lambda ls: ls == []),
        ("in a string after owner: nothing", '  owner "ci', lambda ls: ls == []),
        ("after frequency: the frequencies", "  frequency ",
         lambda ls: ls == ["monthly", "quarterly", "yearly", "every"]),
        ("after frequency every: a duration's units", "  frequency every ",
         lambda ls: ls == ["day", "week", "month", "quarter", "year"]),
        ("after frequency every 2: the units, plural", "  frequency every 2 ",
         lambda ls: ls == ["days", "weeks", "months", "quarters", "years"]),
        ("after frequency monthly: nothing more", "  frequency monthly ", lambda ls: ls == []),
        ("after direction up: nothing more", "  direction up ", lambda ls: ls == []),
        ("after report_within 30: the units, plural", "  report_within 30 ",
         lambda ls: ls == ["days", "weeks", "months", "quarters", "years"]),
        ("after totals: yearly and quarterly", "  totals ", lambda ls: ls == ["yearly", "quarterly"]),
        ("in a meeting, after every: a duration's units", '  meeting m "Every week" every ',
         lambda ls: ls == ["day", "week", "month", "quarter", "year"]),
        ("in a review, after every 6: the units, plural", '  review r "R" every 6 ',
         lambda ls: ls == ["days", "weeks", "months", "quarters", "years"]),
        ("in a meeting, after on: the weekdays", '  meeting m "M" every month on ',
         lambda ls: ls == ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday"]),
        ("in a meeting, after with: the partners", '  meeting m "M" every month with ',
         lambda ls: ls == ["city"]),
        ("after covers: the clause topics", "  covers ",
         lambda ls: "confidentiality" in ls and "termination" in ls and "city" not in ls and
         "government" not in ls),
        ("after covers and a topic: the topics", "  covers termination, ",
         lambda ls: "confidentiality" in ls and "data_protection" in ls),
        ("in a comment: nothing", '  # lea', lambda ls: ls == []),
    ]
    open_doc(c, "main.charter", base)
    version = 1
    for name, line, ok in cases:
        version += 1
        doc = base.replace("  owner city\n", "  owner city\n" + line + "\n")
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"),
                                                             "version": version},
                                            "contentChanges": [{"text": doc}]})
        r = c.call("textDocument/completion", {"textDocument": td, "position": {
            "line": 14, "character": len(line)}})
        labels = [x["label"] for x in (r and r.get("result") or [])]
        check("completion " + name, ok(labels), repr(labels))
    c.call("shutdown", None)
    c.notify("exit", None)
    c.close()


LANGUAGE_ERRORS = {"syntax", "undefined_name", "duplicate_name", "wrong_kind",
                   "unknown_statement", "invalid_date", "invalid_number", "unit_mismatch"}


def labels_at(c, name, content, version, line, character):
    change(c, name, content, version)
    r = c.call("textDocument/completion", {"textDocument": {"uri": uri(name)},
                                           "position": {"line": line, "character": character}})
    return r and r.get("result") or []


def statements():
    """Statement names by block, from the resolver's tables; snippets."""
    c, _ = start()
    base = text("main.charter").replace("citty", "city")
    open_doc(c, "main.charter", base)
    lines = base.split("\n")
    agr = base.replace("  lead city\n", "  lead city\n  \n", 1)
    got = [x["label"] for x in labels_at(c, "main.charter", agr, 2, 5, 2)]
    check("statements: the agreement's, less term and lead (given once, given)", got == [
        "version", "scope", "amendment", "withdrawal", "nested_in", "binding", "allow"], repr(got))
    part = base + 'partner p2 "P" {\n  sector private\n  \n}\n'
    n = len(base.split("\n")) + 1
    got = [x["label"] for x in labels_at(c, "main.charter", part, 3, n, 2)]
    check("statements: a partner's, sector given", got == [
        "level", "signatory", "contact", "joins", "leaves", "backbone", "coordinator",
        "commits", "incentive", "allow"], repr(got))
    cont = base + 'partner p2 "P" {\n  contact "A" {\n    \n  }\n}\n'
    got = [x["label"] for x in labels_at(c, "main.charter", cont, 4, n, 4)]
    check("statements: a contact's, no allow", got == ["role", "email", "phone"], repr(got))
    top = base + "\n"
    items = labels_at(c, "main.charter", top, 5, len(lines), 0)
    got = [x["label"] for x in items]
    check("statements: the top level's, no second agreement",
          "partner" in got and "agenda" in got and "use" in got and "agreement" not in got, repr(got))
    check("no snippets for a client without snippetSupport",
          all(x.get("insertTextFormat", 1) == 1 for x in items), repr(items))
    end(c)

    c, _ = start({"textDocument": {"completion": {"completionItem": {"snippetSupport": True}}}})
    open_doc(c, "main.charter", 'use "partners.charter"\n\n')
    items = labels_at(c, "main.charter", 'use "partners.charter"\n\n', 2, 1, 0)
    snips = [x for x in items if x.get("insertTextFormat") == 2]
    check("snippets for new declarations", [x["filterText"] for x in snips] == [
        "agreement", "partner", "goal", "indicator", "activity", "milestone"], repr(items))
    names = {"partner": "city", "goal": "goal_new", "indicator": "indicator_new"}

    def expand(x):
        kind = x["filterText"]
        return re.sub(r"\$\{\d+:([^}]*)\}",
                      lambda m: kind + "_new" if m.group(1) == "id" else names.get(m.group(1),
                                                                                   m.group(1)),
                      x["insertText"])
    doc = 'use "partners.charter"\n\n' + "\n".join(expand(x) for x in snips)
    change(c, "main.charter", doc, 3)
    d = c.diagnostics(uri("main.charter")) or []
    bad = [(g["code"], g["message"]) for g in d if g["code"] in LANGUAGE_ERRORS]
    check("each snippet, filled in, compiles", d is not None and not bad, repr(bad) + doc)
    end(c)


def highlight():
    c, _ = start()
    base = text("main.charter").replace("citty", "city") + 'activity b "B" {\n  supports g\n}\n'
    open_doc(c, "main.charter", base)
    td = {"uri": uri("main.charter")}
    r = c.call("textDocument/documentHighlight", {"textDocument": td,
                                                  "position": pos_of(base, 13, "city")})
    got = sorted((h["range"]["start"]["line"], h["kind"]) for h in (r and r.get("result") or []))
    check("highlight: the references of a partner declared in a used file (Read)",
          got == [(4, 2), (9, 2), (13, 2)], repr(r))
    r = c.call("textDocument/documentHighlight", {"textDocument": td,
                                                  "position": pos_of(base, 7, "g", 1)})
    got = sorted((h["range"]["start"]["line"], h["kind"]) for h in (r and r.get("result") or []))
    check("highlight: a declaration (Write) and its reference (Read)",
          got == [(7, 3), (16, 2)], repr(r))
    r = c.call("textDocument/documentHighlight", {"textDocument": td,
                                                  "position": {"line": 1, "character": 0}})
    check("highlight on nothing: []", r and r.get("result") == [], repr(r))
    end(c)


def apply_edit(content, edit):
    """The text after a WorkspaceEdit's (single) insertion into content."""
    if "changes" in edit:
        (e,) = list(edit["changes"].values())[0]
        new = e["newText"]
    else:
        e = edit["documentChanges"][0]["edits"][0]
        new = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", e["snippet"]["value"])
    lines = content.split("\n")
    ln, ch = e["range"]["start"]["line"], e["range"]["start"]["character"]
    lines[ln] = lines[ln][:ch] + new + lines[ln][ch:]
    return "\n".join(lines)


def actions():
    """Allow this finding; a check's hint as a fix; Unnecessary tags."""
    for snippet_edits in (False, True):
        caps = {"workspace": {"workspaceEdit": {"snippetEditSupport": snippet_edits}}}
        c, _ = start(caps)
        doc = text("main.charter").replace("citty", "city").replace("  owner city\n", "")
        open_doc(c, "main.charter", doc)
        d = c.diagnostics(uri("main.charter")) or []
        g = [x for x in d if x["code"] == "milestone_unowned"]
        r = c.call("textDocument/codeAction", {"textDocument": {"uri": uri("main.charter")},
                                               "range": g[0]["range"] if g else {},
                                               "context": {"diagnostics": g}})
        res = r and r.get("result") or []
        how = "snippet" if snippet_edits else "plain"
        check("actions (%s): the hint's fix and allow this finding" % how,
              [a["title"] for a in res] == ["Add `owner` to milestone m",
                                             "Allow milestone_unowned in milestone m (with a reason)"],
              repr(res))
        if len(res) == 2 and snippet_edits:
            e = res[1]["edit"]["documentChanges"][0]
            check("allow as a snippet edit, the reason a placeholder",
                  e["edits"][0]["snippet"]["value"] ==
                  '  allow milestone_unowned "${1:why this is accepted}"\n' and
                  e["edits"][0]["range"]["start"] == {"line": 13, "character": 0} and
                  e["textDocument"]["version"] == 1, repr(e))
        if len(res) == 2 and not snippet_edits:
            e = res[0]["edit"]["changes"][uri("main.charter")][0]
            check("the hint's fix as a plain edit: the placeholder's text",
                  e["newText"] == "  owner partner\n" and
                  e["range"] == {"start": {"line": 13, "character": 0},
                                 "end": {"line": 13, "character": 0}}, repr(e))
        if len(res) == 2:
            allowed = apply_edit(doc, res[1]["edit"])
            change(c, "main.charter", allowed, 2)
            d = c.diagnostics(uri("main.charter")) or []
            check("(%s) the allow inserted allows the finding" % how,
                  d and "milestone_unowned" not in {x["code"] for x in d}, repr(d))
        end(c)
    c, _ = start()
    doc = text("main.charter").replace("citty", "city")
    open_doc(c, "main.charter", doc)
    d = c.diagnostics(uri("main.charter")) or []
    g = [x for x in d if x["code"] == "goal_unmeasured"]
    r = c.call("textDocument/codeAction", {"textDocument": {"uri": uri("main.charter")},
                                           "range": g[0]["range"] if g else {},
                                           "context": {"diagnostics": g}})
    res = [a for a in (r and r.get("result") or []) if "goal_unmeasured" in a["title"]]
    e = res and res[0]["edit"]["changes"][uri("main.charter")][0]
    check("allow in a one-line block: at the top of the file", res and
          res[0]["title"] == "Allow goal_unmeasured in this file (with a reason)" and
          e["range"]["start"] == {"line": 0, "character": 0} and
          e["newText"] == 'allow goal_unmeasured "why this is accepted"\n', repr(res))
    if res:
        change(c, "main.charter", apply_edit(doc, res[0]["edit"]), 2)
        d = c.diagnostics(uri("main.charter")) or []
        check("the file-level allow allows the finding",
              d and "goal_unmeasured" not in {x["code"] for x in d}, repr(d))
    orphan = doc + 'indicator lonely "Nobody reads it" {\n  unit people\n}\n'
    change(c, "main.charter", orphan, 3)
    d = c.diagnostics(uri("main.charter")) or []
    tagged = sorted((x["code"], tuple(x.get("tags", []))) for x in d if x.get("tags"))
    check("Unnecessary (1) on what nothing uses, and only there",
          tagged == [("indicator_orphan", (1,))], repr(tagged))
    end(c)


def formatting():
    c, _ = start()
    messy = 'agreement demo "D" {\n      term 2024-01-01   to 2025-12-31\n}\n'
    open_doc(c, "main.charter", messy)
    td = {"uri": uri("main.charter")}
    r = c.call("textDocument/formatting", {"textDocument": td, "options": {"tabSize": 2,
                                                                            "insertSpaces": True}})
    res = r and r.get("result")
    check("formatting: one edit, the canonical layout", res and len(res) == 1 and
          res[0]["newText"] == 'agreement demo "D" {\n  term 2024-01-01 to 2025-12-31\n}\n' and
          res[0]["range"] == {"start": {"line": 0, "character": 0},
                              "end": {"line": 3, "character": 0}}, repr(r))
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri("main.charter"), "version": 2},
                                        "contentChanges": [{"text": messy + "partner {\n"}]})
    r = c.call("textDocument/formatting", {"textDocument": td, "options": {}})
    check("no edits while the file has syntax errors", r and r.get("result") == [], repr(r))
    c.call("shutdown", None)
    c.notify("exit", None)
    check("formatting session ends with status 0", c.close() == 0)


def malformed():
    c, _ = start()
    cases = [
        ("not JSON", b"Content-Length: 5\r\n\r\n{oops", -32700),
        ("no Content-Length", b"Content-Type: x\r\n\r\n", -32700),
        ("Content-Length not a number", b"Content-Length: ten\r\n\r\n", -32700),
        ("huge Content-Length", b"Content-Length: 99999999999999999999999\r\n\r\n", -32700),
        ("a header line without a colon", b"garbage\r\n\r\n", -32700),
        ("JSON that is not an object", b"Content-Length: 2\r\n\r\n[]", -32600),
        ("an id of the wrong type", b'Content-Length: 36\r\n\r\n{"jsonrpc":"2.0","id":[],"method":1}',
         -32600),
    ]
    for name, data, code in cases:
        c.send_raw(data)
        r = c.wait(lambda m: "error" in m and m.get("id") is None)
        check("malformed: " + name, r and r["error"]["code"] == code, repr(r))
    r = c.call("no/such/method", {})
    check("unknown method: -32601", r and r["error"]["code"] == -32601, repr(r))
    r = c.call("textDocument/hover", {"textDocument": {"uri": uri("main.charter")},
                                      "position": {"line": 0, "character": 0}})
    check("hover on an unknown document: null", r and r.get("result") is None, repr(r))
    open_doc(c, "main.charter")
    c.diagnostics(uri("main.charter"))
    r = c.call("textDocument/hover", {"textDocument": {"uri": uri("main.charter")}})
    check("hover without a position: -32602", r and r["error"]["code"] == -32602, repr(r))
    # A body above the limit is skipped without being held, and the
    # session goes on.
    big = 161 * 1024 * 1024
    c.send_raw(b"Content-Length: %d\r\n\r\n" % big)
    chunk = b" " * (1 << 20)
    for _ in range(161):
        c.send_raw(chunk)
    r = c.wait(lambda m: "error" in m and m.get("id") is None, timeout=60)
    check("a message above the limit: -32600", r and r["error"]["code"] == -32600, repr(r))
    r = c.call("shutdown", None)
    check("the session goes on after malformed input", r and "result" in r, repr(r))
    c.notify("exit", None)
    check("and ends with status 0", c.close() == 0)


lifecycle()
diagnostics()
navigation()
editing()
completion()
statements()
highlight()
actions()
formatting()
malformed()
print("%d passed, %d failed" % (results["pass"], results["fail"]))
sys.exit(1 if results["fail"] else 0)
