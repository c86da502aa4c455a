#!/usr/bin/python3
"""Live proof that `kgforge push` killed with SIGKILL part-way and run again gives the same
database as one clean run (ctest neo4j_live.push_killed), against a real Neo4j 5.

  check_push_killed.py KGFORGE WORKDIR

kgforge talks to Neo4j through a small forwarding proxy on 127.0.0.1 that counts the
transactions (POST .../tx/commit, one per batch) and kills kgforge at a chosen point:
  - between batches: after batch K has committed and before kgforge hears of it;
  - in the middle of a batch: when batch K arrives, before Neo4j sees it.
The database then holds part of the graph; a second `kgforge push` of the same input
(directly, no proxy) must leave exactly the database of a clean run (full dumps equal).
"""
import http.server
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import live


class KillingProxy(http.server.ThreadingHTTPServer):
    """Forwards every request to Neo4j; kills `victim` at transaction number `kill_at`."""

    def __init__(self, upstream, kill_at, before_forwarding):
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        self.upstream = upstream
        self.kill_at = kill_at
        self.before_forwarding = before_forwarding
        self.transactions = 0
        self.victim = None
        self.lock = threading.Lock()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def kill(self):
        if self.victim is not None:
            os.kill(self.victim.pid, signal.SIGKILL)


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.forward(None)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        self.forward(self.rfile.read(length))

    def forward(self, body):
        proxy = self.server
        is_transaction = self.command == "POST" and self.path.endswith("/tx/commit")
        number = 0
        if is_transaction:
            with proxy.lock:
                proxy.transactions += 1
                number = proxy.transactions
        if number == proxy.kill_at and proxy.before_forwarding:
            proxy.kill()  # batch K never reaches Neo4j
            self.close_connection = True
            return
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "content-length", "connection")}
        request = urllib.request.Request(proxy.upstream + self.path, data=body, headers=headers,
                                         method=self.command)
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                status, reply, content_type = response.status, response.read(), \
                    response.headers.get("Content-Type", "application/json")
        except urllib.error.HTTPError as error:
            status, reply, content_type = error.code, error.read(), "application/json"
        if number == proxy.kill_at:
            proxy.kill()  # batch K committed; kgforge dies before it hears so
            self.close_connection = True
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


def push_command(kgforge, server, url, inputs):
    return [kgforge, "push", *inputs, "--neo4j", url, "--user", server.user,
            "--password-env", "KG_LIVE_PASSWORD", "--batch-size", "2", "--quiet"]


def run_push(kgforge, server, url, inputs, proxy=None):
    env = dict(os.environ, KG_LIVE_PASSWORD=server.password)
    process = subprocess.Popen(push_command(kgforge, server, url, inputs), env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proxy is not None:
        proxy.victim = process
    stdout, stderr = process.communicate(timeout=600)
    return process.returncode, stderr


def main():
    kgforge, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    server = live.Server()
    inputs = [os.path.join(live.ROOT, "samples")]

    server.wipe()
    code, stderr = run_push(kgforge, server, server.url, inputs)
    live.check(code == 0, f"clean push failed ({code}): {stderr}")
    clean = server.dump()
    counter = KillingProxy(server.url, kill_at=0, before_forwarding=False)
    threading.Thread(target=counter.serve_forever, daemon=True).start()
    server.wipe()
    code, stderr = run_push(kgforge, server, counter.url, inputs)
    counter.shutdown()
    live.check(code == 0, f"push through the proxy failed ({code}): {stderr}")
    total = counter.transactions
    live.require_same(server.dump(), clean, "push through the proxy vs direct")
    live.check(total >= 6, f"only {total} transactions: too few batches to kill between")

    for kill_at, before in ((2, False), (total // 2, False), (total // 2 + 1, True),
                            (total, False)):
        server.wipe()
        proxy = KillingProxy(server.url, kill_at, before)
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        code, _ = run_push(kgforge, server, proxy.url, inputs, proxy)
        proxy.shutdown()
        where = (f"in batch {kill_at} of {total} (before Neo4j saw it)" if before
                 else f"after batch {kill_at} of {total} committed")
        live.check(code == -signal.SIGKILL, f"killed {where}: exit {code}, not SIGKILL")
        partial = server.dump()
        if kill_at < total:
            live.check(partial != clean, f"killed {where}: the database is already complete")
        code, stderr = run_push(kgforge, server, server.url, inputs)
        live.check(code == 0, f"push after the kill failed ({code}): {stderr}")
        live.require_same(server.dump(), clean, f"killed {where}, then pushed again")
        print(f"ok: push killed {where} ({len(partial[0])} of {len(clean[0])} nodes there), "
              f"pushed again: the same database as one clean run")


if __name__ == "__main__":
    main()
