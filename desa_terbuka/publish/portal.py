"""The one adapter between the pipeline and CKAN: every call goes through ``Portal.call``.

It adds a user agent and a timeout (ckanapi has none by default), counts write calls (so a run
can prove it changed nothing), and sorts failures into transient (retry) and permanent ones.
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

READ_SUFFIXES = ("_show", "_list", "_search", "_search_sql", "_autocomplete")


class PortalError(Exception):
    """A CKAN call failed in a way a retry will not fix (validation, permission, ...)."""


class TransientPortalError(PortalError):
    """Network trouble or a 5xx answer: worth retrying."""


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

    def call(self, action: str, files: dict | None = None, **data: Any) -> Any:
        self.log.add(action)
        try:
            return self._ckan.call_action(action, data, files=files,
                                          requests_kwargs={"timeout": self.timeout})
        except (NotFound, NotAuthorized, ValidationError):
            raise
        except requests.RequestException as exc:
            raise TransientPortalError(f"{action}: portal tidak terjangkau ({type(exc).__name__})") from exc
        except CKANAPIError as exc:
            raise TransientPortalError(f"{action}: portal menjawab galat ({_short(exc)})") from exc

    def show(self, action: str, **data: Any) -> Any | None:
        """A *_show call that returns None for something that does not exist."""
        try:
            return self.call(action, **data)
        except NotFound:
            return None

    def dataset_url(self, name: str) -> str:
        return f"{self.url}/dataset/{name}"


def _short(exc: Exception, limit: int = 200) -> str:
    text = str(exc)
    return text if len(text) <= limit else text[:limit] + "…"
