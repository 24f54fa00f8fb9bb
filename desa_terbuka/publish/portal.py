"""The one adapter between the pipeline and CKAN: every call goes through ``Portal.call``.

It adds a user agent and an HTTP timeout (ckanapi has none by default), counts read and write
calls (so a run can prove it changed nothing), and maps every ckanapi and network failure to the
project's few portal errors: nothing outside this module sees a ckanapi exception.

Resilience (``client:`` in portal_config/portal.yaml):
- a transient failure (no connection, timeout, HTTP 5xx or 429) of a call that is safe to repeat
  (reads, patches, ``package_revise``, deletes, upserts) is retried with exponential backoff and
  full jitter (a ``Retry-After`` answer is honoured). A *create* is never repeated blindly: its
  answer may have been lost after CKAN applied it (PORTAL.md), so the caller re-reads the portal
  instead (the flow retries the whole dataset). Validation and authorisation errors are final.
- after ``breaker.failures`` transient failures in a row the portal counts as down: calls fail at
  once, without waiting for timeouts, until ``breaker.cooldown_seconds`` have passed.
- at most ``write_concurrency`` writes are in flight; ``writer(name)`` lets one thread write a
  dataset at a time (a second writer is a bug: ckan/ckan#5225 loses data).
The token is held by ckanapi only: never in a repr, a message or an exception.
"""

from __future__ import annotations

import os
import random
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import requests
from ckanapi import RemoteCKAN
from ckanapi.errors import CKANAPIError, NotAuthorized, NotFound, SearchIndexError, ValidationError

from desa_terbuka import __version__
from desa_terbuka.core.findings import Finding
from desa_terbuka.publish.config import Client, client_config

READ_SUFFIXES = ("_show", "_list", "_search", "_search_sql", "_autocomplete")
# Writes whose repetition after a lost answer changes nothing more than the first did.
REPEATABLE_WRITES = ("_patch", "_update", "_delete", "_purge", "package_revise", "member_create",
                     "package_owner_org_update",
                     "package_create_default_resource_views")  # skips view types that exist
TRANSIENT_STATUS = {408, 429, 500, 502, 503, 504}


class PortalError(Exception):
    """A CKAN call failed in a way a retry will not fix; ``code`` is its rule in the catalogue."""

    code = "portal-rejected"

    def __init__(self, action: str, reason: str, subject: str = ""):
        super().__init__(f"{action}: {reason}")
        self.action, self.reason, self.subject = action, reason, subject

    def finding(self, subject: str | None = None) -> Finding:
        """The failure as a finding about ``subject`` (a dataset name, 'portal')."""
        return Finding(self.code, value=subject or self.subject or "portal",
                       params={"action": self.action, "reason": self.reason})


class PortalRejected(PortalError):
    """The portal refused the data or the request (CKAN ValidationError, HTTP 4xx)."""


class PortalNotAuthorized(PortalError):
    """The token may not do this (a bad token is anonymous in CKAN, so this too)."""

    code = "portal-not-authorized"


class PortalNotFound(PortalError):
    """The object does not exist (``Portal.show`` turns this into None)."""


class TransientPortalError(PortalError):
    """Network trouble, a timeout or a 5xx/429 answer: worth retrying."""

    code = "portal-unreachable"

    def __init__(self, action: str, reason: str, subject: str = "", retry_after: float | None = None,
                 portal_down: bool = False):
        super().__init__(action, reason, subject)
        self.retry_after, self.portal_down = retry_after, portal_down


def is_read(action: str) -> bool:
    return action.endswith(READ_SUFFIXES)


def repeatable(action: str, data: dict[str, Any]) -> bool:
    """Whether sending this call twice is as good as once (reads and idempotent writes)."""
    if action == "datastore_upsert":
        return data.get("method", "upsert") == "upsert"
    return is_read(action) or action.endswith(REPEATABLE_WRITES)


@dataclass
class CallLog:
    reads: int = 0
    writes: list[str] = field(default_factory=list)
    retries: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, action: str) -> None:
        with self._lock:
            if is_read(action):
                self.reads += 1
            else:
                self.writes.append(action)

    def retried(self) -> None:
        with self._lock:
            self.retries += 1


class _Breaker:
    """Counts transient failures in a row across threads; open = the portal counts as down."""

    def __init__(self, failures: int, cooldown: float, clock: Callable[[], float]):
        self.failures, self.cooldown, self.clock = failures, cooldown, clock
        self._lock = threading.Lock()
        self._in_a_row = 0
        self._open_until = 0.0

    def check(self, action: str) -> None:
        with self._lock:
            if self._in_a_row >= self.failures and self.clock() < self._open_until:
                raise TransientPortalError(action, "portal dianggap mati setelah "
                                           f"{self._in_a_row} kegagalan beruntun (portal down)",
                                           portal_down=True)

    def record(self, ok: bool) -> None:
        with self._lock:
            if ok:
                self._in_a_row = 0
                return
            self._in_a_row += 1
            if self._in_a_row >= self.failures:
                self._open_until = self.clock() + self.cooldown


class Portal:
    """A CKAN portal at ``url``; ``session`` (a requests.Session-like object), ``sleep``,
    ``clock`` and ``rng`` are seams for tests (a fake transport, no real waiting)."""

    def __init__(self, url: str, token: str | None, *, timeout: float | None = None,
                 client: Client | None = None, session: Any = None,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic,
                 rng: Callable[[], float] = random.random):
        self.url = url.rstrip("/")
        self.client = client or client_config()
        env_timeout = os.environ.get("CKANAPI_REQUEST_TIMEOUT")
        self.timeout = timeout or (float(env_timeout) if env_timeout else self.client.timeout_seconds)
        self._ckan = RemoteCKAN(self.url, apikey=token, user_agent=f"desa-terbuka/{__version__}",
                                session=session)
        self.log = CallLog()
        self._sleep, self._rng = sleep, rng
        self._breaker = _Breaker(self.client.breaker.failures,
                                 self.client.breaker.cooldown_seconds, clock)
        self._writes = threading.BoundedSemaphore(self.client.write_concurrency)
        self._writers: set[str] = set()
        self._writers_lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        # organizations this run has seen or made: a village's datasets read theirs once
        self.known_organizations: set[str] = set()
        # True once every organization of the portal is in known_organizations (listed): one
        # missing from it is created without a read first
        self.organizations_listed = False
        # the dataset names the run's search snapshot holds (publish/snapshot.py), None before:
        # a dataset not among them is created without a read first
        self.indexed_datasets: set[str] | None = None
        # where the portal serves uploads, once an answer showed it (publish/derived.py)
        self.download_prefix: str | None = None

    def __repr__(self) -> str:  # never the token
        return f"Portal({self.url!r})"

    def call(self, action: str, files: dict | None = None, *, retry: bool | None = None,
             **data: Any) -> Any:
        """One CKAN action. ``retry`` overrides whether a transient failure is repeated
        (default: ``repeatable``; never with an upload, whose file object is consumed)."""
        attempts = self.client.retry.attempts
        if not (retry if retry is not None else repeatable(action, data) and not files):
            attempts = 1
        for attempt in range(1, attempts + 1):
            try:
                return self._once(action, files, data)
            except TransientPortalError as exc:
                if attempt == attempts or exc.portal_down:
                    raise
                self.log.retried()
                self._sleep(self.backoff(attempt, exc.retry_after))
        raise AssertionError("unreachable")  # pragma: no cover

    def backoff(self, attempt: int, retry_after: float | None = None) -> float:
        """Full jitter: random in [0, base * 2^(attempt-1)], capped; a Retry-After is a floor."""
        policy = self.client.retry
        ceiling = min(policy.backoff_max_seconds, policy.backoff_seconds * 2 ** (attempt - 1))
        wait = ceiling * self._rng()
        if retry_after:
            wait = max(wait, min(retry_after, policy.backoff_max_seconds))
        return wait

    def _once(self, action: str, files: dict | None, data: dict[str, Any]) -> Any:
        self._breaker.check(action)
        self.log.add(action)
        answer: dict[str, Any] = {}

        def seen(response, *args, **kwargs):  # ckanapi drops the status of unknown errors
            answer["status"] = response.status_code
            answer["retry_after"] = response.headers.get("Retry-After")

        kwargs = {"timeout": (self.client.connect_timeout_seconds, self.timeout),
                  "hooks": {"response": seen}}
        guard = self._writes if not is_read(action) else _NoLimit
        try:
            with guard:
                result = self._ckan.call_action(action, data, files=files, requests_kwargs=kwargs)
        except Exception as exc:
            error = _mapped(action, exc, answer)
            self._breaker.record(not isinstance(error, TransientPortalError))
            raise error from None
        self._breaker.record(True)
        return result

    def show(self, action: str, **data: Any) -> Any | None:
        """A *_show call that returns None for something that does not exist."""
        try:
            return self.call(action, **data)
        except PortalNotFound:
            return None

    def lock(self, name: str) -> threading.Lock:
        """A lock for something several datasets share (their organization): one at a time."""
        with self._writers_lock:
            return self._locks.setdefault(name, threading.Lock())

    @contextmanager
    def writer(self, name: str) -> Iterator[None]:
        """Claim the right to write dataset ``name``; a second claim at the same time is a bug."""
        with self._writers_lock:
            if name in self._writers:
                raise RuntimeError(f"two writers on dataset {name} (ckan/ckan#5225 loses data)")
            self._writers.add(name)
        try:
            yield
        finally:
            with self._writers_lock:
                self._writers.discard(name)


def listed(portal: "Portal", action: str, limit: int, **data: Any) -> Iterator[Any]:
    """Every item of a paged ``*_list`` action (``limit`` and ``offset``), page by page."""
    offset = 0
    while True:
        page = portal.call(action, limit=limit, offset=offset, **data)
        yield from page
        if len(page) < limit:
            return
        offset += limit


class _NoLimitType:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None


_NoLimit = _NoLimitType()


def _mapped(action: str, exc: Exception, answer: dict[str, Any]) -> Exception:
    """The project's error for what ckanapi or requests raised (the original is dropped: a
    ckanapi error's text can hold a whole page, never anything worth a traceback)."""
    if isinstance(exc, NotFound):
        return PortalNotFound(action, _short(exc) or "tidak ada / not found")
    if isinstance(exc, NotAuthorized):
        return PortalNotAuthorized(action, _short(exc) or "tidak berhak / not authorized")
    if isinstance(exc, ValidationError):
        return PortalRejected(action, _short(exc))
    if isinstance(exc, requests.Timeout):
        return TransientPortalError(action, f"portal tidak menjawab dalam batas waktu "
                                    f"({type(exc).__name__})")
    if isinstance(exc, requests.RequestException):
        return TransientPortalError(action, f"portal tidak terjangkau ({type(exc).__name__})")
    status = answer.get("status")
    if isinstance(exc, SearchIndexError) or (isinstance(exc, CKANAPIError)
                                             and (status is None or status in TRANSIENT_STATUS)):
        return TransientPortalError(action, f"portal menjawab galat HTTP {status or '?'}",
                                    retry_after=_seconds(answer.get("retry_after")))
    if isinstance(exc, CKANAPIError):
        return PortalRejected(action, f"portal menolak permintaan (HTTP {status})")
    raise exc


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:  # an HTTP date: not worth parsing, the backoff applies
        return None


def _short(exc: Exception, limit: int = 200) -> str:
    text = str(exc)
    return text if len(text) <= limit else text[:limit] + "…"
