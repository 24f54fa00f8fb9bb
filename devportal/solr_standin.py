"""Solr stand-in for the LOCAL dev/test CKAN portal — not a search engine for production.

CKAN 2.12 indexes every dataset into Solr inside its write actions, and Solr (Java) cannot be
installed on the project's machines. This stdlib-only HTTP server answers the subset of the
Solr API that CKAN calls (via pysolr) so an unmodified CKAN runs locally. A production portal
runs real Solr with CKAN's official schema (ckan-solr); nothing here is meant to replace it.

Answers (under any core prefix, e.g. ``/solr/ckan``):
- ``POST /update``: JSON list of docs or ``{"add":…,"delete":…}``; XML ``<add><doc>``,
  ``<delete><id>|<query>``, ``<commit/>``, ``<optimize/>``; ``?commit=true`` accepted.
- ``GET|POST /select``: q, fq (repeated), fl, sort, start, rows, facet.field, facet.limit,
  facet.mincount, facet.sort, defType (lucene/dismax/edismax), qf, mm, df, q.op, wt=json.
- ``GET /schema`` (``?wt=schema.xml`` or JSON), ``/admin/file/?file=schema.xml``: ``ckan-2.12``.
- ``GET /admin/ping``.
Documents persist in SQLite under ``--data-dir`` so the index survives restarts.

Run: ``python -m devportal.solr_standin --host 127.0.0.1 --port 18983 --data-dir DIR``
"""
from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from devportal import lucene

log = logging.getLogger("solr_standin")

SCHEMA_NAME = "ckan-2.12"
SCHEMA_XML = f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- Stand-in for CKAN's schema.xml (dev/test only; production runs real Solr). -->
<schema name="{SCHEMA_NAME}" version="1.6"><uniqueKey>index_id</uniqueKey></schema>
"""
UNIQUE_KEY = "index_id"
# Fields Solr would not return (stored="false" in CKAN's schema.xml).
NOT_STORED = {"text", "urls", "permission_labels", "title_string", "views_total",
              "views_recent", "resources_accessed_total", "resources_accessed_recent",
              "depends_on", "dependency_of", "derives_from", "has_derivation", "links_to",
              "linked_from", "child_of", "parent_of"}


class Index:
    """Thread-safe in-memory document store, written through to SQLite."""

    def __init__(self, data_dir: Path | None):
        self.lock = threading.RLock()
        self.docs: dict[str, dict[str, Any]] = {}
        self.db: sqlite3.Connection | None = None
        if data_dir is not None:
            data_dir.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(data_dir / "index.sqlite3", check_same_thread=False)
            self.db.execute("CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, doc TEXT)")
            for key, raw in self.db.execute("SELECT id, doc FROM docs"):
                self.docs[key] = json.loads(raw)

    def add(self, docs: list[dict[str, Any]]) -> None:
        with self.lock:
            for doc in docs:
                key = str(doc.get(UNIQUE_KEY) or doc.get("id") or "")
                if not key:
                    raise ValueError(f"document is missing required field {UNIQUE_KEY}")
                doc = {**doc, "_version_": str(time.time_ns())}
                self.docs[key] = doc
                if self.db:
                    self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?)",
                                    (key, json.dumps(doc)))
            self._flush()

    def delete_ids(self, ids: list[str]) -> None:
        with self.lock:
            for key in ids:
                self.docs.pop(key, None)
                if self.db:
                    self.db.execute("DELETE FROM docs WHERE id = ?", (key,))
            self._flush()

    def delete_query(self, q: str) -> None:
        match = lucene.matcher(q)
        with self.lock:
            self.delete_ids([k for k, d in self.docs.items() if match(d)[0]])

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.docs.values())

    def _flush(self) -> None:
        if self.db:
            self.db.commit()


# --------------------------------------------------------------------------- select
def _first(params: dict[str, list[str]], key: str, default: str | None = None) -> str | None:
    vals = params.get(key)
    return vals[0] if vals else default


def select(index: Index, params: dict[str, list[str]]) -> dict[str, Any]:
    """Run a /select request and build Solr's JSON response."""
    started = time.monotonic()
    main = lucene.matcher(
        _first(params, "q", "*:*") or "*:*",
        def_type=_first(params, "defType", "lucene") or "lucene",
        qf=_first(params, "qf"), df=_first(params, "df", "text") or "text",
        q_op=_first(params, "q.op", "OR") or "OR", mm=_first(params, "mm"))
    fqs = lucene.filters(params.get("fq", []), _first(params, "q.op", "OR") or "OR")
    hits: list[tuple[float, dict[str, Any]]] = []
    for doc in index.snapshot():
        ok, score = main(doc)
        if ok and all(f(doc)[0] for f in fqs):
            hits.append((score, doc))
    hits = _sort(hits, _first(params, "sort") or "score desc")
    start = int(_first(params, "start", "0") or 0)
    rows = int(_first(params, "rows", "10") or 10)
    fl = _first(params, "fl", "*") or "*"
    page = [_project(doc, score, fl) for score, doc in hits[start:start + max(rows, 0)]]
    out: dict[str, Any] = {
        "responseHeader": {"status": 0, "QTime": int((time.monotonic() - started) * 1000),
                           "params": {k: v[0] if len(v) == 1 else v
                                      for k, v in params.items()}},
        "response": {"numFound": len(hits), "start": start,
                     "maxScore": max((s for s, _ in hits), default=0.0), "docs": page},
    }
    if (_first(params, "facet", "false") or "").lower() == "true":
        out["facet_counts"] = _facets([d for _, d in hits], params)
    return out


def _sort_value(doc: dict[str, Any], score: float, fld: str) -> Any:
    if fld == "score":
        return score
    vals = lucene.field_values(doc, fld)
    if not vals:
        return None
    val = vals[0]
    if isinstance(val, (int, float)):
        return val
    try:
        return float(val)
    except (TypeError, ValueError):
        return str(val)


def _sort(hits: list[tuple[float, dict]], spec: str) -> list[tuple[float, dict]]:
    """Stable multi-key sort; documents without the field sort last (Solr default)."""
    keys = [p.split() for p in spec.split(",") if p.strip()]
    for parts in reversed(keys):
        if len(parts) != 2 or parts[1].lower() not in ("asc", "desc"):
            raise lucene.QuerySyntaxError(f"Can't determine a Sort Order in {spec!r}")
        fld, desc = parts[0], parts[1].lower() == "desc"
        present = [h for h in hits if _sort_value(h[1], h[0], fld) is not None]
        missing = [h for h in hits if _sort_value(h[1], h[0], fld) is None]
        present.sort(key=lambda h: _orderable(_sort_value(h[1], h[0], fld)), reverse=desc)
        hits = present + missing
    return hits


def _orderable(val: Any) -> tuple[int, Any]:
    return (0, val) if isinstance(val, (int, float)) else (1, str(val))


def _project(doc: dict[str, Any], score: float, fl: str) -> dict[str, Any]:
    wanted = [f for f in fl.replace(",", " ").split() if f]
    stored = {k: v for k, v in doc.items() if k not in NOT_STORED}
    if not wanted or "*" in wanted:
        out = dict(stored)
    else:
        out = {k: stored[k] for k in wanted if k in stored}
    if "score" in wanted:
        out["score"] = score
    return out


def _facets(docs: list[dict[str, Any]], params: dict[str, list[str]]) -> dict[str, Any]:
    fields: dict[str, list[Any]] = {}
    for fld in params.get("facet.field", []):
        limit = int(_first(params, f"f.{fld}.facet.limit") or _first(params, "facet.limit", "100")
                    or 100)
        mincount = int(_first(params, f"f.{fld}.facet.mincount")
                       or _first(params, "facet.mincount", "0") or 0)
        order = _first(params, "facet.sort", "count" if limit > 0 else "index")
        counts: dict[str, int] = {}
        for doc in docs:
            for val in set(map(str, lucene.field_values(doc, fld))):
                counts[val] = counts.get(val, 0) + 1
        items = [(v, c) for v, c in counts.items() if c >= mincount]
        if order == "index":
            items.sort(key=lambda vc: vc[0])
        else:
            items.sort(key=lambda vc: (-vc[1], vc[0]))
        if limit >= 0:
            items = items[:limit]
        fields[fld] = [x for vc in items for x in vc]
    return {"facet_queries": {}, "facet_fields": fields, "facet_ranges": {},
            "facet_intervals": {}, "facet_heatmaps": {}}


# --------------------------------------------------------------------------- update
def update(index: Index, body: bytes, content_type: str) -> None:
    """Apply a JSON or XML update message (commit is implicit: writes are visible at once)."""
    text = body.decode("utf-8").strip()
    if not text:
        return
    if "json" in content_type or text[0] in "[{":
        _update_json(index, json.loads(text))
    else:
        _update_xml(index, ET.fromstring(text))


def _update_json(index: Index, msg: Any) -> None:
    if isinstance(msg, list):
        index.add(msg)
        return
    for key, val in msg.items():
        if key == "add":
            index.add([d.get("doc", d) for d in (val if isinstance(val, list) else [val])])
        elif key == "delete":
            for item in val if isinstance(val, list) else [val]:
                if isinstance(item, dict) and "query" in item:
                    index.delete_query(item["query"])
                else:
                    index.delete_ids([str(item.get("id") if isinstance(item, dict) else item)])


def _update_xml(index: Index, root: ET.Element) -> None:
    elems = [root] if root.tag != "update" else list(root)
    for elem in elems:
        if elem.tag == "add":
            index.add([_xml_doc(d) for d in elem.findall("doc")])
        elif elem.tag == "delete":
            index.delete_ids([e.text or "" for e in elem.findall("id")])
            for q in elem.findall("query"):
                index.delete_query(q.text or "")


def _xml_doc(elem: ET.Element) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for f in elem.findall("field"):
        name, val = f.get("name", ""), f.text or ""
        if name in doc:
            doc[name] = (doc[name] if isinstance(doc[name], list) else [doc[name]]) + [val]
        else:
            doc[name] = val
    return doc


# --------------------------------------------------------------------------- HTTP
class Handler(BaseHTTPRequestHandler):
    """Routes by the last path segment(s) so any core prefix (``/solr/ckan``) works."""

    server_version = "DesaSolrStandin/1.0"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        self._dispatch(b"")

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self._dispatch(self.rfile.read(length) if length else b"")

    def _dispatch(self, body: bytes) -> None:
        url = urlsplit(self.path)
        path = url.path.rstrip("/")
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = self.headers.get("Content-Type", "")
        index: Index = self.server.index  # type: ignore[attr-defined]
        try:
            if path.endswith("/select"):
                if body and "x-www-form-urlencoded" in ctype:
                    for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                        params.setdefault(k, []).extend(v)
                self._json(200, select(index, params))
            elif path.endswith("/update"):
                update(index, body, ctype)
                self._json(200, {"responseHeader": {"status": 0, "QTime": 0}})
            elif path.endswith("/admin/ping"):
                self._json(200, {"responseHeader": {"status": 0}, "status": "OK"})
            elif path.endswith("/schema") or path.endswith("/admin/file"):
                self._schema(params)
            else:
                self._json(404, _error(404, f"no handler for {url.path}"))
        except (lucene.QuerySyntaxError, ValueError, ET.ParseError) as exc:
            self._json(400, _error(400, str(exc)))

    def _schema(self, params: dict[str, list[str]]) -> None:
        if _first(params, "wt") == "json" and "file" not in params:
            self._json(200, {"schema": {"name": SCHEMA_NAME, "version": 1.6,
                                        "uniqueKey": UNIQUE_KEY}})
        else:
            self._send(200, SCHEMA_XML.encode(), "application/xml; charset=utf-8")

    def _json(self, status: int, payload: Any) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json; charset=utf-8")

    def _send(self, status: int, data: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), fmt % args)


def _error(code: int, msg: str) -> dict[str, Any]:
    return {"responseHeader": {"status": code}, "error": {"msg": msg, "code": code}}


def make_server(host: str, port: int, data_dir: Path | None) -> ThreadingHTTPServer:
    """Create (not start) a server; port 0 picks a free port (tests)."""
    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    server.index = Index(data_dir)  # type: ignore[attr-defined]
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=18983)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--log-level", default="WARNING")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(message)s")
    server = make_server(args.host, args.port, args.data_dir)
    log.warning("Solr stand-in (dev/test only) on http://%s:%s", args.host, args.port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
