"""The inbox: which files are submissions, and what identifies each one."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

from desa_terbuka.collect.base import Submission


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe(path: Path) -> Submission:
    stat = path.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc)
    return Submission(path, file_sha256(path), stat.st_size, modified)


def discover(inbox: Path) -> list[Submission]:
    """Every file in the inbox (recursively) except hidden and Office lock files, oldest first.

    Unsupported files are returned too: the reader rejects them with a message, so an operator
    who sent a PDF hears about it instead of being silently ignored.
    """
    files = [
        p for p in inbox.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(inbox).parts)
        and not p.name.startswith("~$")
    ]
    submissions = [describe(p) for p in files]
    return sorted(submissions, key=lambda s: (s.modified_at, str(s.path)))
