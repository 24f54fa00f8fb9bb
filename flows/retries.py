"""What a dataset's publication does on a portal error: retried alone after a transient one
(portal.yaml's ``dataset_retries``), reported as a finding otherwise. Shared by the village and
the district datasets' publication."""

from __future__ import annotations

import time
from typing import Any, Callable, TypeVar

from prefect.tasks import exponential_backoff
from prefect.utilities.math import clamped_poisson_interval

from desa_terbuka.core.findings import Finding
from desa_terbuka.publish.config import client_config
from desa_terbuka.publish.portal import PortalError, TransientPortalError

T = TypeVar("T")


def failure_finding(exc: BaseException, name: str) -> Finding:
    """Why a dataset was not published: a portal error's own rule, else ``publish-failed``
    (the exception's type and first line only: never a traceback, never a request)."""
    if isinstance(exc, PortalError):
        return exc.finding(name)
    first = (str(exc).splitlines() or [""])[0][:160]
    return Finding("publish-failed", value=name,
                   params={"reason": f"{type(exc).__name__}: {first}".rstrip(": ")})


def retrying(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` with the dataset retries of portal.yaml: after a transient portal error, again
    after an exponential backoff with jitter (Prefect's schedule), unless the portal counts as
    down (the breaker is open): then it is reported at once and the next run completes it. A
    retry repeats the whole dataset; the sync re-reads the portal first, so a create whose
    answer was lost is not made twice."""
    policy = client_config()
    delays = exponential_backoff(policy.dataset_retry_delay_seconds)(policy.dataset_retries)

    def run(*args: Any) -> T:
        for delay in [*delays, None]:
            try:
                return fn(*args)
            except TransientPortalError as exc:
                if delay is None or exc.portal_down:
                    raise
                time.sleep(clamped_poisson_interval(delay, clamping_factor=1.0))
        raise AssertionError("unreachable")
    return run
