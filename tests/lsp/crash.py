"""crash.py CHARTERC WORKSPACE - a crash in one message's handling does
not lose the session.  The same scripted session (open, hover,
definition, an edit into an error, references, the outline, hover again,
the edit undone, shutdown) runs once as is, then once for each crash the
testing aid CHARTERC_LSP_CRASH_METHOD makes (a fault, a stack overflow
or an abort in a hover, a definition, references, the outline, the
diagnostics of the document): the crashed request is answered -32603 naming its method (a
crashed publication shows one diagnostic saying so), and every other
answer is the same as without the crash, the exit status 0.  Not for a
sanitizer build, where a crash must end the process (test_lsp.sh skips
it).  Prints "ok NAME" or "FAIL NAME: why" per check and "N passed, N
failed"."""
import os
import sys

from lspclient import Client, check, results

charterc, ws = sys.argv[1], os.path.realpath(sys.argv[2])
URI = "file://" + os.path.join(ws, "main.charter")
TD = {"uri": URI}


with open(os.path.join(ws, "main.charter"), encoding="utf-8") as f:
    BROKEN = f.read()           # `lead citty`: an undefined name
CLEAN = BROKEN.replace("citty", "city")
AT = {"line": 13, "character": 9}   # `owner city`


def session(hook):
    """The answers of the scripted session, as (step, answer) pairs, and
    the exit status; with CHARTERC_LSP_CRASH_METHOD=hook when not None."""
    env = dict(os.environ)
    env.pop("CHARTERC_LSP_CRASH_METHOD", None)
    if hook is not None:
        env["CHARTERC_LSP_CRASH_METHOD"] = hook
    c = Client([charterc, "lsp"], cwd=ws, env=env)
    c.call("initialize", {"capabilities": {}})
    c.notify("initialized", {})
    steps = []

    def answer(step, r):
        steps.append((step, r and ({"error": r["error"]} if "error" in r else r.get("result"))))

    def diagnostics(step, version, text):
        c.notify("textDocument/didOpen" if version == 1 else "textDocument/didChange",
                 {"textDocument": {"uri": URI, "languageId": "charter", "version": version,
                                   "text": text}} if version == 1 else
                 {"textDocument": {"uri": URI, "version": version},
                  "contentChanges": [{"text": text}]})
        m = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"].get("version") == version)
        steps.append((step, m and m["params"]["diagnostics"]))

    pos = {"textDocument": TD, "position": AT}
    diagnostics("diagnostics on open", 1, CLEAN)
    answer("hover", c.call("textDocument/hover", pos))
    answer("definition", c.call("textDocument/definition", pos))
    diagnostics("diagnostics of an error", 2, BROKEN)
    answer("references", c.call("textDocument/references",
                                dict(pos, context={"includeDeclaration": True})))
    answer("outline", c.call("textDocument/documentSymbol", {"textDocument": TD}))
    answer("hover again", c.call("textDocument/hover", pos))
    diagnostics("diagnostics of the error undone", 3, CLEAN)
    answer("shutdown", c.call("shutdown", None))
    c.notify("exit", None)
    return steps, c.close()


def expect(hook, crashed, want, method):
    """Runs the session with `hook`: step `crashed` crashes in `method`,
    every other step answers as in `want`."""
    got, status = session(hook)
    check("crash %s: the session ends with status 0" % hook, status == 0, repr(status))
    check("crash %s: every step answered" % hook, len(got) == len(want), repr(got))
    for (step, a), (_, b) in zip(got, want):
        if step != crashed:
            check("crash %s: %s as without the crash" % (hook, step), a == b,
                  "%r != %r" % (a, b))
        elif method == "textDocument/publishDiagnostics":
            check("crash %s: %s is one diagnostic saying so" % (hook, step),
                  isinstance(a, list) and len(a) == 1 and "crashed" in a[0]["message"], repr(a))
        else:
            err = isinstance(a, dict) and a.get("error") or {}
            check("crash %s: %s answered -32603 naming %s" % (hook, step, method),
                  err.get("code") == -32603 and method in err.get("message", ""), repr(a))


def main():
    want, status = session(None)
    check("without a crash: the session ends with status 0", status == 0, repr(status))
    check("without a crash: the hover answers", "city" in repr(dict(want)["hover"]),
          repr(want))
    check("without a crash: the error is found",
          any(d["code"] == "undefined_name" for d in dict(want)["diagnostics of an error"]),
          repr(want))
    # Each hook entry crashes its method's first message only: the second
    # hover is answered after the first crashed.
    expect("textDocument/hover", "hover", want, "textDocument/hover")
    expect("textDocument/definition:abort", "definition", want, "textDocument/definition")
    expect("textDocument/references:fpe", "references", want, "textDocument/references")
    expect("textDocument/references:stack", "references", want, "textDocument/references")
    expect("textDocument/documentSymbol:bus", "outline", want, "textDocument/documentSymbol")
    expect("textDocument/publishDiagnostics", "diagnostics on open", want,
           "textDocument/publishDiagnostics")
    print("%d passed, %d failed" % (results["pass"], results["fail"]))


main()
