"""Headings of a form app's export (KoboToolbox, ODK, SurveyCTO "XML headers"): a question inside a
group is headed by its path, "musyawarah/tanggal_musyawarah", "peserta/unsur_hadir/bpd", and a
question of a repeat group by "peserta[1]/jml_laki". The groups are the form's layout; the last
segment is the question's name and is what is read. Read by its first segment, every question of
one group would name the same field ("musyawarah/...": jenis_musyawarah, twice and more).

Only a row where at least two paths share their group is read this way: one "Agenda/Pembahasan"
or "L/P" heading of an ordinary table is two words, not a path.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.definitions import normalise_heading
from desa_terbuka.core.paths import REFERENCE_DIR

# XML names (letters, digits, '_', '-', '.') joined by '/', each with an optional repeat index
_NAME = r"[A-Za-z_][\w.\-]*(?:\[\d+\])?"
_PATH = re.compile(rf"^{_NAME}(?:/{_NAME})+$")
_REPEAT = re.compile(r"\[\d+\]")


def _group(path: str) -> str:
    return _REPEAT.sub("", path.split("/", 1)[0]).lower()


def question_names(headings: list[str]) -> dict[int, str]:
    """Column -> the question's name (the path's last segment), for the group paths of a heading
    row of a form export; empty when the row is no such export."""
    paths = {col: text.strip() for col, text in enumerate(headings) if _PATH.match(text.strip())}
    groups = Counter(_group(p) for p in paths.values())
    if not any(n >= 2 for n in groups.values()):
        return {}
    return {col: _REPEAT.sub("", p.rsplit("/", 1)[1]) for col, p in paths.items()}


def choice_columns(headings: dict[int, str]) -> set[int]:
    """The columns of a select-multiple question: the question ("peserta/unsur_hadir", its chosen
    codes) and one 0/1 column per choice headed by the question's path ("…/unsur_hadir/bpd").
    They tick what was chosen, they count nobody: never parts of an attendance total."""
    paths = {col: text.strip() for col, text in headings.items() if _PATH.match(text.strip())}
    questions = set(paths.values())
    choices = {col for col, p in paths.items() if p.rsplit("/", 1)[0] in questions}
    parents = {p.rsplit("/", 1)[0] for col, p in paths.items() if col in choices}
    return choices | {col for col, p in paths.items() if p in parents}


class _FormExport(Strict):
    signature: list[str]
    meta: list[str]
    personal: list[str]
    response_time: list[str]
    respondent: list[str]


@cache
def _form_export() -> _FormExport:
    return load_config(REFERENCE_DIR / "form_export.yaml", _FormExport)


def meta_columns(headings: dict[int, str]) -> dict[int, str]:
    """Column -> heading, for the form app's own columns of an export (``reference/
    form_export.yaml``: "_uuid", "_submission_time", "start", "today"), when the table has one
    of the columns only a form app writes; in a Google Forms responses sheet ("Timestamp"), its
    response time and the question naming who filled it in."""
    spec = _form_export()
    plain = {col: text.strip().lower() for col, text in headings.items()}
    respondent = {col for col, text in headings.items() if respondent_heading(text)}
    if set(plain.values()) & set(spec.signature):
        return {col: headings[col] for col, text in plain.items() if text in spec.meta or col in respondent}
    if not any(response_time_heading(text) for text in headings.values()):
        return {}
    return {col: headings[col] for col, text in headings.items()
            if response_time_heading(text) or col in respondent}


def response_time_heading(heading: str) -> bool:
    """A form's response-time column ("Timestamp", "Stempel waktu")."""
    return normalise_heading(heading) in {normalise_heading(h) for h in _form_export().response_time}


def respondent_heading(heading: str) -> bool:
    """A form's question naming who filled it in ("Nama Petugas Pengisi")."""
    return normalise_heading(heading) in {normalise_heading(h) for h in _form_export().respondent}


def personal_meta(heading: str) -> bool:
    """The form's column names a person, their phone or device ("phonenumber", "username",
    "Nama Petugas Pengisi")."""
    return heading.strip().lower() in _form_export().personal or respondent_heading(heading)
