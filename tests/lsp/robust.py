"""robust.py CHARTERC WORKSPACE - malformed message streams, each
followed by a request that must still be answered: the server answers
every malformed message with a JSON-RPC error and the session goes on.
Deterministic: the cases the fuzzer (tests/fuzz/fuzz_lsp.c) explores at
random, written down.  Prints "ok NAME" or "FAIL NAME: why" per check and
"N passed, N failed"."""
import json
import os
import sys

from lspclient import Client, check, results

charterc, ws = sys.argv[1], os.path.realpath(sys.argv[2])
URI = "file://" + os.path.join(ws, "main.charter")


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def error_of(c, want_id=None):
    """The next error answer with id want_id (None: id null)."""
    m = c.wait(lambda m: "error" in m and m.get("id") == want_id, timeout=10)
    return m and m["error"]["code"]


def alive(c, name):
    """The session goes on: a request is still answered."""
    r = c.call("textDocument/hover", {"textDocument": {"uri": URI},
                                      "position": {"line": 0, "character": 0}})
    check(name + ": the session goes on", r is not None and "result" in r, repr(r))


def start():
    c = Client([charterc, "lsp"], cwd=ws)
    c.call("initialize", {"capabilities": {}})
    c.notify("initialized", {})
    with open(os.path.join(ws, "main.charter"), encoding="utf-8") as f:
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": URI, "languageId": "charter", "version": 1, "text": f.read()}})
    c.diagnostics(URI)
    return c


def framing():
    """Headers and bodies that cannot be read as a message: id null."""
    c = start()
    cases = [
        ("a truncated header line", b"Content-Len\r\n\r\n", -32700),
        ("a header block cut before its Content-Length", b"Content-Type: x\r\n\r\n", -32700),
        ("a negative Content-Length", b"Content-Length: -5\r\n\r\n", -32700),
        ("a Content-Length in hex", b"Content-Length: 0x10\r\n\r\n", -32700),
        ("a Content-Length with trailing text", b"Content-Length: 12abc\r\n\r\n", -32700),
        ("a Content-Length of 0", b"Content-Length: 0\r\n\r\n", -32700),
        ("a header line over 1024 bytes", b"X-Long: " + b"a" * 2000 + b"\r\n\r\n", -32700),
        ("more than 32 header lines", b"X: y\r\n" * 40 + b"\r\n", -32700),
        ("a body cut short, JSON that ends early", frame(b'{"jsonrpc":"2.0","id":1,'), -32700),
        ("invalid UTF-8 in the body", frame(b'{"jsonrpc":"2.0","method":"\xff\xfe"}'), -32700),
        ("a NUL escaped in the body", frame(b'{"jsonrpc":"2.0","method":"a\\u0000b"}'), -32700),
        ("duplicate keys", frame(b'{"jsonrpc":"2.0","id":1,"id":2,"method":"shutdown"}'), -32700),
        ("an id too large for any integer",
         frame(b'{"jsonrpc":"2.0","id":184467440737095516160,"method":"shutdown"}'), -32700),
        ("a number as the message", frame(b"42"), -32600),
        ("a real number as id", frame(b'{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}'), -32600),
        ("an object as id", frame(b'{"jsonrpc":"2.0","id":{},"method":"shutdown"}'), -32600),
        ("a message with neither method nor id", frame(b'{"jsonrpc":"2.0"}'), -32600),
    ]
    for name, data, code in cases:
        c.send_raw(data)
        got = error_of(c)
        check("malformed: " + name, got == code, "%r != %r" % (got, code))
        alive(c, name)
    c.call("shutdown", None)
    c.notify("exit", None)
    check("framing session ends with status 0", c.close() == 0)


def ids():
    """Ids are echoed as sent, however large or long."""
    c = start()
    for name, ident in [("the largest 64-bit id", 9223372036854775807),
                        ("a negative id", -1), ("a long string id", "x" * 10000),
                        ("an empty string id", "")]:
        c.send(frame_req(ident, "textDocument/hover", {"textDocument": {"uri": URI},
                                                      "position": {"line": 0, "character": 0}}))
        m = c.wait(lambda m: m.get("id") == ident and "method" not in m)
        check("id: " + name + " is echoed", m is not None and "result" in m, repr(m)[:200])
    c.send({"jsonrpc": "2.0", "id": 7, "method": 5, "params": {}})
    check("a method that is not a string: -32600", error_of(c, 7) == -32600)
    c.send({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": "x"})
    check("params that are neither object nor array: -32600", error_of(c, 8) == -32600)
    alive(c, "ids")
    c.call("shutdown", None)
    c.notify("exit", None)
    c.close()


def frame_req(ident, method, params):
    return {"jsonrpc": "2.0", "id": ident, "method": method, "params": params}


def params():
    """Params of the wrong types, for every request: -32602, the id
    echoed, nothing changed."""
    c = start()
    td = {"uri": URI}
    pos = {"line": 0, "character": 0}
    rng = {"start": pos, "end": pos}
    good = {
        "textDocument/hover": {"textDocument": td, "position": pos},
        "textDocument/definition": {"textDocument": td, "position": pos},
        "textDocument/references": {"textDocument": td, "position": pos},
        "textDocument/documentHighlight": {"textDocument": td, "position": pos},
        "textDocument/completion": {"textDocument": td, "position": pos},
        "textDocument/prepareRename": {"textDocument": td, "position": pos},
        "textDocument/rename": {"textDocument": td, "position": {"line": 13, "character": 9},
                                "newName": "x"},
        "textDocument/codeAction": {"textDocument": td, "range": rng, "context": {}},
        "textDocument/documentSymbol": {"textDocument": td},
        "textDocument/foldingRange": {"textDocument": td},
        "textDocument/formatting": {"textDocument": td, "options": {}},
        "textDocument/semanticTokens/full": {"textDocument": td},
        "workspace/symbol": {"query": "c"},
    }
    bad_values = [("textDocument", 5), ("textDocument", {"uri": 5}), ("position", {"line": "0"}),
                  ("position", {"line": -1, "character": 0}),
                  ("position", {"line": 2 ** 40, "character": 0}), ("range", []),
                  ("range", {"start": pos}), ("newName", 3), ("query", {})]
    for method, p in sorted(good.items()):
        r = c.call(method, p)
        check(method + " with good params: an answer", r and "result" in r, repr(r)[:200])
        for key, value in bad_values:
            if key not in p:
                continue
            q = dict(p)
            q[key] = value
            r = c.call(method, q)
            check("%s with %s=%s: -32602" % (method, key, json.dumps(value)),
                  r and r.get("error", {}).get("code") == -32602, repr(r)[:200])
        r = c.call(method, [])
        check(method + " with params an array: -32602",
              r and r.get("error", {}).get("code") == -32602, repr(r)[:200])
    for method in ("textDocument/didOpen", "textDocument/didChange", "textDocument/didClose"):
        for junk in ({"textDocument": 5}, {"textDocument": {"uri": URI, "text": 5}},
                     {"textDocument": {"uri": URI}, "contentChanges": [5, {"text": 6}]}, []):
            c.notify(method, junk)
    alive(c, "notifications with params of the wrong types")
    c.call("shutdown", None)
    c.notify("exit", None)
    check("params session ends with status 0", c.close() == 0)


def lifecycle():
    """Requests before initialize and after shutdown."""
    c = Client([charterc, "lsp"], cwd=ws)
    for method in ("textDocument/hover", "shutdown", "workspace/symbol", "no/such"):
        r = c.call(method, {})
        check("before initialize, %s: -32002" % method,
              r and r.get("error", {}).get("code") == -32002, repr(r))
    c.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "text": "x"}})
    r = c.call("initialize", {"capabilities": {}})
    check("then initialize is answered", r and "capabilities" in r.get("result", {}), repr(r))
    r = c.call("initialize", {"capabilities": {}})
    check("a second initialize: -32600", r and r.get("error", {}).get("code") == -32600, repr(r))
    r = c.call("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
    check("a document opened before initialize is not known",
          r and r.get("result") == [], repr(r))
    c.call("shutdown", None)
    r = c.call("textDocument/hover", {"textDocument": {"uri": URI},
                                      "position": {"line": 0, "character": 0}})
    check("after shutdown: -32600", r and r.get("error", {}).get("code") == -32600, repr(r))
    c.notify("exit", None)
    check("exit after shutdown: status 0", c.close() == 0)


framing()
ids()
params()
lifecycle()
print("%d passed, %d failed" % (results["pass"], results["fail"]))
sys.exit(1 if results["fail"] else 0)
