"""A fault-injecting HTTP proxy in front of the tests' real portal, and the checks that compare
the portal with the warehouse after a fault (used by test_faults.py).

The proxy forwards every request to CKAN and counts the API actions it sees; a ``Fault`` picks
the nth call of one action and either answers 500 without forwarding, forwards and then drops
the answer (the write is applied but the client never hears: CKAN's half-applied failure),
delays it past the client's timeout, refuses it and every call after it (the portal went down),
or SIGKILLs the pipeline's process before or after forwarding it.
"""

from __future__ import annotations

import csv
import hashlib
import http.client
import io
import os
import re
import signal
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import requests

KINDS = ("500", "lost", "timeout", "down", "kill-before", "kill-after")
# Calls of one action told apart by their body: the switch is the package_revise that makes the
# dataset active with its new resources (sync._switch); the others add staging resources.
STEPS = {"switch": re.compile(rb'state\\?"\s*:\s*\\?"active')}


@dataclass
class Fault:
    action: str
    nth: int  # 1-based: the nth call of ``action`` (of its ``step``) since the proxy was armed
    kind: str  # one of KINDS
    delay: float = 6.0  # for "timeout": longer than the client's timeout (5 s in the tests)
    step: str = ""  # a key of STEPS: count only the calls of ``action`` in that step

    def __str__(self) -> str:
        return f"{self.kind}@{self.action}{'/' + self.step if self.step else ''}#{self.nth}"


@dataclass
class Proxy:
    target: str
    fault: Fault | None = None
    kill_pid: int | None = None  # the pipeline process, for kill-* faults
    counts: dict[str, int] = field(default_factory=dict)
    fired: bool = False
    down: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def arm(self, fault: Fault | None, kill_pid: int | None = None) -> None:
        """Inject ``fault`` from now on (None: forward everything; ``fired`` tells the last)."""
        with self._lock:
            self.down = False
            if fault is None:
                self.fault = self.kill_pid = None
                return
            self.fault, self.kill_pid, self.counts, self.fired = fault, kill_pid, {}, False

    def decide(self, action: str, body: bytes = b"") -> str | None:
        """What to do with this call: None (forward) or the fault's kind."""
        with self._lock:
            if self.down:
                return "down"
            f = self.fault
            key = action
            if f and f.step and action == f.action and STEPS[f.step].search(body):
                key = f"{action}/{f.step}"
            self.counts[key] = self.counts.get(key, 0) + 1
            wanted = f and (f"{f.action}/{f.step}" if f.step else f.action)
            if f and not self.fired and key == wanted and self.counts[key] == f.nth:
                self.fired = True
                if f.kind == "down":
                    self.down = True
                return f.kind
            return None

    def start(self) -> str:
        proxy = self
        upstream = urlsplit(self.target)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _forward(self, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
                conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host",)}
                conn.request(self.command, self.path, body=body, headers=headers)
                answer = conn.getresponse()
                data = answer.read()
                conn.close()
                return answer.status, answer.getheaders(), data

            def _reply(self, status: int, headers, data: bytes) -> None:
                self.send_response(status)
                for k, v in headers:
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _drop(self) -> None:
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                self.close_connection = True

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                action = self.path.split("/action/")[-1].split("?")[0] \
                    if self.path.startswith("/api/") and "/action/" in self.path else ""
                kind = proxy.decide(action, body) if action else None
                if kind in ("down", "kill-before"):
                    if kind == "kill-before" and proxy.kill_pid:
                        os.kill(proxy.kill_pid, signal.SIGKILL)
                    return self._drop()
                if kind == "500":
                    return self._reply(500, [("Content-Type", "text/html")],
                                       b"<h1>Internal Server Error (injected)</h1>")
                if kind == "timeout":
                    time.sleep(proxy.fault.delay)
                answer = self._forward(body)
                if kind == "kill-after" and proxy.kill_pid:
                    os.kill(proxy.kill_pid, signal.SIGKILL)
                    return self._drop()
                if kind == "lost":
                    return self._drop()
                self._reply(*answer)

            do_GET = do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- what the portal shows, against what the warehouse says it should -----------------------

def dataset_state(ckan, name: str, problems: list[str], keys: set[str]) -> tuple | None:
    """One dataset's public version: (metadata hash, ((key, content hash), ...)) of the resources
    sync publishes (``keys``: years, documents; finish.py's links and data package are not
    sync's and are left out), checking on the way that it is not mixed: one
    resource per key, each file matching its hash, each table holding the file's rows. Staging
    resources must carry their label. None: not public yet."""
    try:
        package = ckan.action.package_show(id=name)
    except Exception:
        return None
    if package.get("private"):
        return None
    seen: dict[str, str] = {}
    for r in package["resources"]:
        if r.get("desa_staging"):
            if "sedang disiapkan" not in r["name"] and "akan dihapus" not in r["name"]:
                problems.append(f"{name}: unlabelled staging resource {r['id']}")
            continue
        key = r.get("desa_key") or r["id"]
        if key not in keys and not key.startswith("tahun-"):
            continue
        if key in seen:
            problems.append(f"{name}: duplicate resource {key}")
        body = requests.get(r["url"], timeout=30).content
        digest = hashlib.sha256(body).hexdigest()
        if digest != r.get("desa_content_hash"):
            problems.append(f"{name}/{key}: file {digest[:8]} != hash {str(r.get('desa_content_hash'))[:8]}")
        if key.startswith("tahun-"):
            rows = len(list(csv.reader(io.StringIO(body.decode("utf-8"))))) - 1
            total = ckan.action.datastore_search(resource_id=r["id"], limit=0)["total"] \
                if r.get("datastore_active") else -1
            if total != rows:
                problems.append(f"{name}/{key}: DataStore {total} rows, file {rows}")
        seen[key] = r.get("desa_content_hash")
    return package.get("desa_metadata_hash"), tuple(sorted(seen.items()))


def expected_state(planned) -> tuple:
    p = planned.plan
    keys = [(f"tahun-{r.year}", r.content_hash) for r in p.resources]
    keys += [(d.key, d.content_hash) for d in p.documents]
    return p.metadata_hash, tuple(sorted(keys))


def leftovers(ckan, name: str) -> list[str]:
    """Staging resources still on a dataset (none once a run has converged)."""
    package = ckan.action.package_show(id=name)
    return [r["id"] for r in package["resources"] if r.get("desa_staging")]
