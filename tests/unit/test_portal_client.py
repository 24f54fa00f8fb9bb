"""The CKAN adapter's resilience, over a fake HTTP transport (a requests.Session stand-in):
timeouts on every call, retries with backoff and jitter on transient errors only, the circuit
breaker, the write limit, one writer per dataset, and no token in anything it raises."""

from __future__ import annotations

import json
import threading
import time

import pytest
import requests

from desa_terbuka.publish.config import Client, client_config
from desa_terbuka.publish.portal import (
    Portal,
    PortalNotAuthorized,
    PortalNotFound,
    PortalRejected,
    TransientPortalError,
)

TOKEN = "eyJ-secret-token-value"


class Response:
    def __init__(self, status: int, body: dict | str, headers: dict | None = None):
        self.status_code = status
        self.text = body if isinstance(body, str) else json.dumps(body)
        self.headers = headers or {}


def ok(result=None) -> Response:
    return Response(200, {"success": True, "result": result if result is not None else {}})


def ckan_error(status: int, kind: str, message: str = "x") -> Response:
    return Response(status, {"success": False, "error": {"__type": kind, "message": message}})


class FakeTransport:
    """Answers POSTs from a script: each item is a Response or an exception to raise."""

    def __init__(self, *script, delay: float = 0.0):
        self.script = list(script)
        self.calls: list[dict] = []
        self.delay = delay
        self.in_flight = self.max_in_flight = 0
        self._lock = threading.Lock()

    def post(self, url, data=None, headers=None, files=None, allow_redirects=False, **kwargs):
        with self._lock:
            self.calls.append({"url": url, "headers": headers, **kwargs})
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            item = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        try:
            if self.delay:
                time.sleep(self.delay)
            if isinstance(item, Exception):
                raise item
            hook = (kwargs.get("hooks") or {}).get("response")
            for h in hook if isinstance(hook, list) else [hook]:
                if h:
                    h(item)
            return item
        finally:
            with self._lock:
                self.in_flight -= 1


def portal(transport: FakeTransport, **client) -> tuple[Portal, list[float]]:
    waits: list[float] = []
    policy = Client.model_validate({"retry": {"attempts": 4, "backoff_seconds": 0.5,
                                              "backoff_max_seconds": 4}, **client})
    p = Portal("http://portal.test", TOKEN, client=policy, session=transport,
               sleep=waits.append, rng=lambda: 1.0)
    return p, waits


def test_every_call_has_the_configured_timeouts_and_the_token_only_in_the_header():
    transport = FakeTransport(ok({"name": "x"}))
    p, _ = portal(transport, timeout_seconds=7, connect_timeout_seconds=2)
    assert p.call("package_show", id="x") == {"name": "x"}
    [call] = transport.calls
    assert call["timeout"] == (2, 7)
    assert TOKEN in call["headers"]["Authorization"]
    assert TOKEN not in repr(p)


def test_the_default_timeout_comes_from_portal_yaml(monkeypatch):
    monkeypatch.delenv("CKANAPI_REQUEST_TIMEOUT", raising=False)
    policy = client_config()
    assert Portal("http://portal.test", None).timeout == policy.timeout_seconds > 0
    monkeypatch.setenv("CKANAPI_REQUEST_TIMEOUT", "5")
    assert Portal("http://portal.test", None).timeout == 5


@pytest.mark.parametrize("failure", [
    requests.ConnectionError("[Errno 111] Connection refused"),
    requests.ReadTimeout("read timed out"),
    Response(500, "<html>Internal Server Error</html>"),
    Response(502, "Bad Gateway"),
    Response(503, "Service Unavailable"),
    ckan_error(500, "Search Index Error", "Solr down"),
], ids=["refused", "timeout", "500", "502", "503", "solr"])
def test_transient_failures_of_a_read_are_retried_with_exponential_backoff(failure):
    transport = FakeTransport(failure, failure, ok({"id": "p"}))
    p, waits = portal(transport)
    assert p.call("package_show", id="p") == {"id": "p"}
    assert len(transport.calls) == 3
    assert waits == [0.5, 1.0]  # base x 2^n (the jitter draw is 1.0 here)
    assert p.log.retries == 2


def test_jitter_spreads_the_waits_and_the_cap_holds():
    transport = FakeTransport(Response(503, "busy"))
    waits: list[float] = []
    draws = iter([0.25, 0.5, 0.9])
    policy = Client.model_validate({"retry": {"attempts": 4, "backoff_seconds": 2,
                                              "backoff_max_seconds": 5}})
    p = Portal("http://portal.test", TOKEN, client=policy, session=transport,
               sleep=waits.append, rng=lambda: next(draws))
    with pytest.raises(TransientPortalError):
        p.call("package_show", id="p")
    assert waits == [0.5, 2.0, 4.5]  # random share of 2, 4, min(8, 5)
    assert len(transport.calls) == 4


def test_429_honours_retry_after():
    transport = FakeTransport(Response(429, "slow down", {"Retry-After": "3"}), ok([]))
    waits: list[float] = []
    p = Portal("http://portal.test", TOKEN, session=transport, sleep=waits.append,
               rng=lambda: 0.0, client=Client.model_validate({}))
    assert p.call("package_list") == []
    assert waits == [3.0]


@pytest.mark.parametrize("answer, error", [
    (ckan_error(409, "Validation Error", "name already in use"), PortalRejected),
    (ckan_error(403, "Authorization Error", "not authorized"), PortalNotAuthorized),
    (ckan_error(404, "Not Found Error", "not found"), PortalNotFound),
    (Response(400, "Bad request: JSON"), PortalRejected),
    (Response(413, "Request Entity Too Large"), PortalRejected),
], ids=["validation", "authorization", "not-found", "400", "413"])
def test_refusals_are_never_retried(answer, error):
    transport = FakeTransport(answer, ok())
    p, waits = portal(transport)
    with pytest.raises(error):
        p.call("package_patch", id="p", title="t")
    assert len(transport.calls) == 1 and waits == []


@pytest.mark.parametrize("action, data", [
    ("resource_create", {"package_id": "p"}),
    ("package_create", {"name": "p"}),
    ("datastore_create", {"resource_id": "r"}),
    ("datastore_upsert", {"resource_id": "r", "method": "insert"}),
])
def test_a_create_whose_answer_may_be_lost_is_not_repeated(action, data):
    """A create can be applied although the answer was a timeout: repeating it could make a
    duplicate. The caller re-reads the portal instead (the flow retries the dataset)."""
    transport = FakeTransport(requests.ReadTimeout("lost"), ok())
    p, _ = portal(transport)
    with pytest.raises(TransientPortalError):
        p.call(action, **data)
    assert len(transport.calls) == 1


def test_repeatable_writes_are_retried():
    for action, data in [("package_revise", {"match": {"id": "p"}}), ("resource_delete", {"id": "r"}),
                         ("datastore_upsert", {"resource_id": "r", "method": "upsert"})]:
        transport = FakeTransport(Response(502, "bad gateway"), ok())
        p, _ = portal(transport)
        p.call(action, **data)
        assert len(transport.calls) == 2, action


def test_the_breaker_stops_calls_to_a_dead_portal_until_the_cool_down():
    now = [0.0]
    transport = FakeTransport(requests.ConnectionError("refused"))
    policy = Client.model_validate({"retry": {"attempts": 1}, "breaker": {
        "failures": 3, "cooldown_seconds": 30}})
    p = Portal("http://portal.test", TOKEN, client=policy, session=transport,
               sleep=lambda s: None, clock=lambda: now[0])
    for _ in range(3):
        with pytest.raises(TransientPortalError):
            p.call("package_show", id="p")
    with pytest.raises(TransientPortalError, match="dianggap mati"):
        p.call("package_show", id="p")
    assert len(transport.calls) == 3  # the fourth never reached the network
    now[0] = 31.0
    transport.script = [ok({"id": "p"})]
    assert p.call("package_show", id="p") == {"id": "p"}  # the probe after the cool-down


def test_writes_in_flight_never_exceed_the_limit_and_reads_are_not_limited():
    transport = FakeTransport(ok(), delay=0.05)
    p, _ = portal(transport, write_concurrency=2)
    threads = [threading.Thread(target=p.call, args=("resource_patch",), kwargs={"id": str(i)})
               for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert transport.max_in_flight == 2
    transport.max_in_flight = 0
    threads = [threading.Thread(target=p.call, args=("package_show",), kwargs={"id": str(i)})
               for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert transport.max_in_flight > 2


def test_one_writer_per_dataset():
    p, _ = portal(FakeTransport(ok()))
    with p.writer("apbdes-x"):
        with pytest.raises(RuntimeError, match="two writers"):
            with p.writer("apbdes-x"):
                pass
        with p.writer("apbdes-y"):  # another dataset is fine
            pass
    with p.writer("apbdes-x"):  # released
        pass


def test_no_token_in_errors():
    answers = [requests.ConnectionError(f"refused Authorization: {TOKEN}"),
               Response(500, f"<pre>{TOKEN}</pre>"), ckan_error(403, "Authorization Error", "no")]
    for answer in answers:
        p, _ = portal(FakeTransport(answer), retry={"attempts": 1})
        with pytest.raises(Exception) as caught:
            p.call("package_show", id="p")
        assert TOKEN not in str(caught.value) and TOKEN not in repr(caught.value)
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
