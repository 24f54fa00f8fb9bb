"""The one adapter between the pipeline and CKAN: every call goes through ``Portal.call``.

It adds a user agent and a timeout (ckanapi has none by default), counts read and write calls
(so a run can prove it changed nothing), and maps every ckanapi and network failure to the
project's few portal errors: nothing outside this module sees a ckanapi exception.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

import requests
from ckanapi import RemoteCKAN
from ckanapi.errors import CKANAPIError, NotAuthorized, NotFound, ValidationError

from desa_terbuka import __version__
from desa_terbuka.core.findings import Finding

READ_SUFFIXES = ("_show", "_list", "_search", "_search_sql", "_autocomplete")


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
    """The portal refused the data or the request (CKAN ValidationError)."""


class PortalNotAuthorized(PortalError):
    """The token may not do this (a bad token is anonymous in CKAN, so this too)."""

    code = "portal-not-authorized"


class PortalNotFound(PortalError):
    """The object does not exist (``Portal.show`` turns this into None)."""


class TransientPortalError(PortalError):
    """Network trouble, a timeout or a 5xx/429 answer: worth retrying."""

    code = "portal-unreachable"


@dataclass
class CallLog:
    reads: int = 0
    writes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, action: str) -> None:
        with self._lock:
            if action.endswith(READ_SUFFIXES):
                self.reads += 1
            else:
                self.writes.append(action)


class Portal:
    def __init__(self, url: str, token: str | None, *, timeout: float | None = None):
        self.url = url.rstrip("/")
        self.timeout = timeout or float(os.environ.get("CKANAPI_REQUEST_TIMEOUT", "60"))
        self._ckan = RemoteCKAN(self.url, apikey=token, user_agent=f"desa-terbuka/{__version__}")
        self.log = CallLog()

    def __repr__(self) -> str:  # never the token
        return f"Portal({self.url!r})"

    def call(self, action: str, files: dict | None = None, **data: Any) -> Any:
        self.log.add(action)
        try:
            return self._ckan.call_action(action, data, files=files,
                                          requests_kwargs={"timeout": self.timeout})
        except NotFound as exc:
            raise PortalNotFound(action, _short(exc) or "tidak ada / not found") from None
        except NotAuthorized as exc:
            raise PortalNotAuthorized(action, _short(exc) or "tidak berhak / not authorized") from None
        except ValidationError as exc:
            raise PortalRejected(action, _short(exc)) from None
        except requests.RequestException as exc:
            raise TransientPortalError(action, f"portal tidak terjangkau ({type(exc).__name__})") from None
        except CKANAPIError as exc:
            raise TransientPortalError(action, f"portal menjawab galat ({_short(exc)})") from None

    def show(self, action: str, **data: Any) -> Any | None:
        """A *_show call that returns None for something that does not exist."""
        try:
            return self.call(action, **data)
        except PortalNotFound:
            return None


def _short(exc: Exception, limit: int = 200) -> str:
    text = str(exc)
    return text if len(text) <= limit else text[:limit] + "…"
