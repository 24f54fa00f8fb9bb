"""A total under a parent heading: "REALISASI (Rp)" merged over "Semester I | Semester II |
JUMLAH". The sub-heading "JUMLAH" (or "TOTAL", "Jumlah s.d. Semester II") names no field of its
own: it is the parent's figure, whole. Read alone, "Jumlah" is a synonym of anggaran, and taking it
so would publish the realisasi as the budget and lose the realisasi. The parts beside it
("Semester I", "Semester II") are that figure's companions: read, not published, said as info.
"""

from __future__ import annotations

import re

from desa_terbuka.core.definitions import normalise_heading

# a word of the whole ("Jumlah", "Total", "Jml"), then at most a period it runs to
_TOTAL = re.compile(r"^(?:jumlah|jml|total|sub ?total|grand total)\b\s*(?P<rest>.*)$")
_TO_DATE = re.compile(r"^(?:s ?d|sampai dengan|hingga|sampai)\b")  # "s.d. Semester II"
_PERIOD_WORDS = {"semester", "sem", "smt", "triwulan", "tw", "tahap", "bulan", "tahun", "ini",
                 "akhir", "i", "ii", "iii", "iv", "1", "2", "3", "4", "dan", "rp", "rupiah"}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def is_total_heading(text: str) -> bool:
    """The heading says "the whole" and nothing else: "JUMLAH", "Total (Rp)", "Jumlah s.d.
    Semester II", "Jumlah Semester I + II"; not "Jumlah Anggaran" (a field by name)."""
    plain = normalise_heading(_BRACKETS.sub(" ", str(text or "")))
    match = _TOTAL.match(plain)
    if not match:
        return False
    rest = match["rest"].strip()
    return not rest or bool(_TO_DATE.match(rest)) or set(rest.split()) <= _PERIOD_WORDS


def total_of_parent(lower: str, parent_match: tuple[str | None, str | None, str]) -> bool:
    """The lowest heading is a total word under a parent that names a field outright (an
    amount's "REALISASI", a count's "Peserta Hadir"): the column is the parent's field."""
    name, context_name, how = parent_match
    return bool(name) and not context_name and not how and is_total_heading(lower)


def companions(parents: dict[int, str], totals: dict[int, str],
               unknown: dict[int, str]) -> dict[int, str]:
    """Unknown columns under the same parent as a total read as the parent's field: column ->
    that field ("Semester I" beside the JUMLAH of "REALISASI")."""
    by_parent = {parents[col]: name for col, name in totals.items() if col in parents}
    return {col: by_parent[parents[col]] for col in unknown
            if col in parents and parents[col] in by_parent}
