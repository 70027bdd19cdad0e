"""lspclient.py - a small Language Server Protocol client for the tests:
starts `charterc lsp`, frames messages with Content-Length, and reads the
server's messages on a thread, so a test can wait for a response or a
notification with a timeout instead of hanging.  Standard library only."""
import json
import os
import queue
import subprocess
import threading


# The test scripts' one way of counting: check() prints "ok NAME" or
# "FAIL NAME: WHY" and counts it in results, which a script prints as
# "N passed, N failed" at its end.
results = {"pass": 0, "fail": 0}


def check(name, cond, why=""):
    results["pass" if cond else "fail"] += 1
    print("ok " + name if cond else "FAIL %s: %s" % (name, why))


class Client:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.msgs = queue.Queue()
        self.next_id = 0
        self.pending = []
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.msgs.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            self.msgs.put(json.loads(out.read(length)))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        """Sends a request; returns its id."""
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, pred, timeout=10):
        """The first message (kept or new) for which pred is true, or None."""
        for i, m in enumerate(self.pending):
            if pred(m):
                return self.pending.pop(i)
        while True:
            try:
                m = self.msgs.get(timeout=timeout)
            except queue.Empty:
                return None
            if m is None:
                return None
            if pred(m):
                return m
            self.pending.append(m)

    def call(self, method, params, timeout=10):
        i = self.request(method, params)
        return self.wait(lambda m: m.get("id") == i and "method" not in m, timeout)

    def diagnostics(self, uri, timeout=10):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri, timeout)
        return m and m["params"]["diagnostics"]

    def close(self, timeout=10):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None


def start(charterc, path):
    """`charterc lsp` in the folder of the file at `path`, initialized:
    (the client, the file's URI)."""
    c = Client([charterc, "lsp"], cwd=os.path.dirname(path))
    c.call("initialize", {"capabilities": {}})
    c.notify("initialized", {})
    return c, "file://" + path


def open_text(c, uri, text):
    """didOpen of `text` as version 1 of `uri`."""
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "charter",
                                                       "version": 1, "text": text}})
