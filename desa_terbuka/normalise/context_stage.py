"""The stage a file's title rows and name state ("LAPORAN REALISASI", "SEMESTER I", "APBDES
PERUBAHAN"), read from each source and settled together (see ``context.py``), and the evidence
record every context reading shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text


@dataclass(frozen=True)
class Evidence:
    value: str
    source: Text
    row: int | None = None  # the title row, when it came from one
    topic: bool = False  # a year that names a plan or budget ("RKP DESA TAHUN 2025")


@dataclass(frozen=True)
class Stage:
    """What one source says of the stage: the kind of report and, for a realisation, its period."""
    kind: str | None  # realisasi | anggaran_perubahan | anggaran
    period: str | None  # realisasi_semester_1 | realisasi_tahunan
    source: Text
    row: int | None
    alone: bool = False  # the period names a realisation by itself ("SEMESTER I"; not "TAHAP I")


_FIRST_HALF = re.compile(r"\b(?:SEMESTER|SMT|SEM)\.?\s*(?:I|1|PERTAMA|SATU)\b")
_FIRST_STAGE = re.compile(r"\bTAHAP\s*(?:I|1|PERTAMA|SATU)\b")  # of a realisation, so with that word
_YEAR_END = re.compile(r"\b(?:(?:SEMESTER|SMT|SEM)\.?\s*(?:II|2|KEDUA|DUA)|AKHIR TAHUN|TAHUNAN)\b")


def read_stage(text: str, where: Text, row: int | None) -> Stage | None:
    """What this text says of the stage, kept with the others to be settled together."""
    if "REALISASI" in text or re.search(r"\b(LRA|LPJ)\b|PERTANGGUNGJAWABAN", text):
        kind = "realisasi"
    elif "PERUBAHAN" in text:
        kind = "anggaran_perubahan"
    # "APBDES" or "TAHUN ANGGARAN" name the document, not its stage: only explicit words count
    # (otherwise the stage is derived from the data: a filled realisasi column is a realisation).
    elif re.search(r"\b(PENETAPAN|RANCANGAN|MURNI|ANGGARAN AWAL|PAGU ANGGARAN)\b", text):
        kind = "anggaran"
    else:
        kind = None
    alone = bool(_FIRST_HALF.search(text) or _YEAR_END.search(text))
    period = ("realisasi_semester_1" if _FIRST_HALF.search(text) or _FIRST_STAGE.search(text) else
              "realisasi_tahunan" if _YEAR_END.search(text) else None)
    return Stage(kind, period, where, row, alone) if kind or period else None


_KIND_ORDER = ("realisasi", "anggaran_perubahan", "anggaran")  # "Realisasi APBDes Perubahan"


def settle_stage(stages: list[Stage], file: str, sheet) -> tuple[Evidence | None, Finding | None]:
    """One stage from all sources: the strongest kind, made specific by a period; two periods
    that disagree are an error (half-year figures must not be published as year-end), returned
    as the finding."""
    kinds = [s for s in stages if s.kind]
    kind = min(kinds, key=lambda s: _KIND_ORDER.index(s.kind)) if kinds else None
    periods = [s for s in stages if s.period]
    if kind and kind.kind != "realisasi":
        # a period next to a budget word ("APBDes Perubahan Semester II") dates the change
        return Evidence(kind.kind, kind.source, kind.row), None
    if len({s.period for s in periods}) > 1:
        said = "; ".join(f"{s.source} menyebut {s.period}" for s in periods)
        said_en = "; ".join(f"{s.source.en} says {s.period}" for s in periods)
        return None, Finding("stage-conflict", file, sheet, periods[0].row, None, None,
                             params={"reason": Text(said, said_en)})
    if not periods:  # "LAPORAN REALISASI" alone: the year-end realisation
        return (Evidence("realisasi_tahunan", kind.source, kind.row) if kind else None), None
    if kind is None and not any(s.alone for s in periods):
        return None, None  # "TAHAP I" alone may be a Dana Desa disbursement: the data decide
    # the period is the specific word; a period alone names a realisation (a budget has none)
    said = [s for s in (kind, periods[0]) if s is not None]
    sources = list(dict.fromkeys(s.source for s in said))
    where = Text(" + ".join(sources), " + ".join(s.en for s in sources)) if len(sources) > 1 \
        else sources[0]
    return Evidence(periods[0].period, where, next((s.row for s in said if s.row), None)), None
