"""Quarantine: a rejected submission is kept, with its report, where a data officer can find it.

The bytes are also in the warehouse archive; this folder is the human view: one folder per
village, one sub-folder per rejected receipt holding the original file and the report in
Bahasa Indonesia (``laporan.txt``) and as JSON (``laporan.json``).
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from desa_terbuka.validate.check import CheckedSubmission


def quarantine(checked: CheckedSubmission, root: Path, received_at: datetime,
               reports: dict[str, str]) -> Path:
    """Copy the rejected file and its reports (file name -> text) under ``root``; returns the folder."""
    village = checked.villages[0] if len(checked.villages) == 1 else "tanpa-kode-desa"
    stamp = received_at.strftime("%Y%m%dT%H%M%SZ")
    # Name and content both: two files with equal bytes received together stay apart.
    folder = root / village / f"{stamp}_{checked.submission.path.name}_{checked.submission.sha256[:8]}"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(checked.submission.path, folder / checked.submission.path.name)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
