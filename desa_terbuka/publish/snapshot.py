"""The portal as its search index shows it at the start of a run: what lets an unchanged dataset
cost no call of its own.

A no-change run used to read every dataset (``package_show``) inside a Prefect task of its own,
then record it in a second task: about 1,000 task runs and 500 reads for a district that changed
nothing. Now one paged ``package_search`` (the index holds each dataset as ``package_show``
answered when it was last written) is read first, and each plan is tried against it by the very
code that would publish it (``sync_dataset`` and ``finish``), through a portal that answers a
dataset's reads from the snapshot and refuses every write. A plan that gets through without a
write is settled: nothing to publish. One that would write is published the usual way, reading
the portal itself first; so a stale index can cost a read, never a wrong write. The snapshot
then answers the links' reads too (a village's three datasets each), minus what this run wrote.

The search itself first asks only each dataset's name, ``metadata_modified`` and organization
(``fl``: 0.06 s for 1,000 datasets against 0.45 s and 8 MB for the whole datasets): that is all
the plan keys compare (``publish/plan_keys.py``), and a district that changed nothing needs no
more. The whole datasets are read when a plan is settled: one by one for a few, in the same
paged search for many (``prefetch``).
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any, Callable, Iterable

from desa_terbuka.publish.portal import Portal, is_read
from desa_terbuka.publish.sync import SyncResult

SEARCH_ROWS = 1000  # CKAN's default ckan.search.rows_max


class WouldWrite(Exception):
    """A settled-check needed a write: the dataset is published the usual way."""


INDEX_FIELDS = "name,metadata_modified,organization"
PREFETCH = 8  # more datasets to settle than this: the whole datasets in one paged search


def search_packages(portal: Portal, rows: int = SEARCH_ROWS, fields: str | None = None
                    ) -> dict[str, dict[str, Any]]:
    """Every dataset the token may see (private ones too), by name, in ``rows``-sized pages;
    only ``fields`` (CKAN's ``fl``) of each when given."""
    packages: dict[str, dict[str, Any]] = {}
    start = 0
    extra = {"fl": fields} if fields else {}
    while True:
        page = portal.call("package_search", q="*:*", include_private=True, rows=rows,
                           start=start, sort="name asc", **extra)
        for package in page.get("results", []):
            packages[package["name"]] = package
        start += rows
        if start >= page.get("count", 0) or not page.get("results"):
            return packages


def _modified(package: dict[str, Any]) -> str | None:
    """``metadata_modified`` as ``package_show`` writes it (the search index adds a "Z")."""
    value = package.get("metadata_modified")
    return value[:-1] if isinstance(value, str) and value.endswith("Z") else value


class Snapshot:
    """A read-only stand-in for ``Portal``: dataset reads from the snapshot, other reads from the
    portal, writes refused (``WouldWrite``). One thread; never shared with the writers.

    ``packages``: the whole datasets; ``index``: only their names, ``metadata_modified`` and
    organizations (``INDEX_FIELDS``), the whole datasets read when first needed."""

    def __init__(self, portal: Portal, packages: dict[str, dict[str, Any]] | None = None,
                 index: dict[str, dict[str, Any]] | None = None):
        listed = packages if packages is not None else index or {}
        self.portal, self._packages = portal, packages
        self.url, self.log = portal.url, portal.log
        self.modified = {name: _modified(p) for name, p in listed.items()}
        self.known_organizations = set(getattr(portal, "known_organizations", ())) | {
            _organization(p) for p in listed.values() if p.get("organization")}
        self._settling, self._forgotten, self._missing = False, set(), set()
        self._loaded: dict[str, dict[str, Any]] = {}

    @property
    def packages(self) -> dict[str, dict[str, Any]]:
        """The whole datasets (read in one paged search the first time): for many settles."""
        if self._packages is None:
            found = search_packages(self.portal)
            self._packages = {name: self._loaded.get(name, p) for name, p in found.items()
                              if name in self.modified}
        return self._packages

    def prefetch(self, count: int) -> None:
        """``count`` datasets are to be settled: past ``PREFETCH``, read them all at once."""
        if count > PREFETCH:
            self.packages

    def _package(self, name: Any) -> dict[str, Any] | None:
        """The whole dataset ``name`` as the snapshot holds it (read once if only indexed)."""
        if name not in self.modified:
            return None
        if self._packages is not None:
            return self._packages.get(name)
        if name not in self._loaded:
            package = self.portal.show("package_show", id=name)
            if package is None:
                return None
            self._loaded[name] = package
        return self._loaded[name]

    def call(self, action: str, files: dict | None = None, **data: Any) -> Any:
        if not is_read(action):
            raise WouldWrite(action)
        if action == "package_show" and (package := self._package(data.get("id"))) is not None:
            return package
        return self.portal.call(action, files, **data)

    def show(self, action: str, **data: Any) -> Any | None:
        if action == "package_show" and (package := self._package(data.get("id"))) is not None:
            return package
        if self._settling and self._unseen(action, data.get("id")):
            return None  # the plan would create it, a write: its publication reads the portal
        if action == "package_show" and data.get("id") in self._missing:
            return None
        answer = self.portal.show(action, **data)
        if answer is None and action == "package_show":  # asked once: the links dataset, new on
            self._missing.add(data.get("id"))  # a first publish, was read for each of 168 villages
        return answer

    def _unseen(self, action: str, name: Any) -> bool:
        """Not in the snapshot: a dataset the index does not hold, an organization none of its
        datasets names (on a district's first publish, 505 reads that each answered 404)."""
        if action == "package_show":
            return name not in self.modified and name not in self._forgotten
        return action == "organization_show" and name not in self.known_organizations

    def forget(self, name: str) -> None:
        """``name`` was written this run: its next read goes to the portal."""
        self.modified.pop(name, None)
        self._loaded.pop(name, None)
        if self._packages is not None:
            self._packages.pop(name, None)
        self._forgotten.add(name)
        self._missing.discard(name)

    def written(self, name: str, package: dict[str, Any] | None) -> None:
        """``name`` was written this run and ``package`` is the portal's answer to its last
        write (``SyncResult.package``, as ``package_show`` would answer): the links read it
        from here (a district's first publish read its 504 datasets again). None: forgotten."""
        if package is None or package.get("name") != name:
            self.forget(name)
            return
        self.modified[name] = _modified(package)
        self._loaded[name] = package
        if self._packages is not None:
            self._packages[name] = package
        self._forgotten.discard(name)
        self._missing.discard(name)

    def as_left(self, names: Iterable[str]) -> dict[str, str | None]:
        """The ``metadata_modified`` of the datasets ``names`` as this run left them (the plan
        keys record them): the snapshot's, which each write's answer replaced (``written``), or
        read once when the run forgot it; one the portal does not hold is absent. PortalError
        when a read fails."""
        found = {}
        for name in names:
            if name not in self.modified and name in self._forgotten:
                package = self.portal.show("package_show", id=name)
                if package is not None:
                    self.written(name, package)
            if name in self.modified:
                found[name] = self.modified[name]
        return found

    def lock(self, name: str):
        return self.portal.lock(name)

    def writer(self, name: str) -> nullcontext:
        return nullcontext()  # one thread, no writes

    def settled(self, publish: Callable[[Any], SyncResult]) -> SyncResult | None:
        """``publish(self)``'s result when it changes nothing on the portal; else None. What the
        snapshot does not hold is taken as absent meanwhile: absent, it would be created (a
        write, so not settled), and the publication reads the portal itself first."""
        self._settling = True
        try:
            result = publish(self)
        except WouldWrite:
            return None
        finally:
            self._settling = False
        return None if result.changes else result


def _organization(package: dict[str, Any]) -> str:
    """Its organization's name: a dict in a whole dataset, the name itself in the index."""
    organization = package["organization"]
    return organization["name"] if isinstance(organization, dict) else organization
