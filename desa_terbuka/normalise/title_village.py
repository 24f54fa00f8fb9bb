"""Where a title row names the village: the words after DESA, unless they name a document.

"PEMERINTAH DESA MERAH" and "APB DESA MERAH TAHUN 2024" name the village Merah; "APB DESA PER
SUMBER DANA", "PERATURAN KEPALA DESA NOMOR 1" and "ALOKASI DANA DESA" name a report, a
regulation or a fund. After a meeting or a fund ("MUSYAWARAH DESA …", "MUSDES …", "DANA DESA …")
the words may be the village ("MUSYAWARAH DESA MERAH") or the meeting's topic ("MUSYAWARAH DESA
PENETAPAN APBDES"): there they name the village only when they are exactly a village's name. The
words that tell them apart are data (``reference/title_words.yaml``), so a new report title is
taught there, not in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.paths import REFERENCE_DIR
from desa_terbuka.normalise.village_match import match_village

NAME = r"(?P<name>[A-Z][A-Z0-9 .'\-]*?)"
# where a name written in a title ends: a cell edge, punctuation (a dash between words), the
# kecamatan, the year, a digit
STOP = (r"$|[,(:/|–—]|\s-\s|\bKEC(?:AMATAN|\b|\.)|\bKAB(?:UPATEN|\b|\.)|\bTAHUN\b|\bT\.?A\b"
        r"|\bPERIODE\b|\bSEMESTER\b|\bKODE\b|\bPROV|\d")
KNOWN = ("exact", "alias", "ambiguous")  # the words are a village's name as the list writes it


class TitleWords(Strict):
    not_after: list[str]  # DESA after these names a thing, unless a village's exact name follows
    marks: list[str]  # words that stand for "<thing> DESA" ("MUSDES"), read like not_after
    not_a_name: list[str]  # words after DESA that begin a document's name ("PER SUMBER DANA")
    name_ends_before: list[str]  # a name stops before these ("DESA MERAH NOMOR 2")


@dataclass(frozen=True)
class TitlePhrase:
    name: str  # upper case, as written
    after: str | None  # "MUSYAWARAH DESA", "MUSDES": the words only name a known village


@cache
def title_words() -> TitleWords:
    return load_config(REFERENCE_DIR / "title_words.yaml", TitleWords)


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w.upper()) for w in sorted(words, key=len, reverse=True))


@cache
def village_re() -> re.Pattern[str]:
    words = title_words()
    stop = rf"\s*(?={STOP}|\b(?:{_words(words.name_ends_before)})\b)"
    return re.compile(rf"\b(?P<mark>DESA|KELURAHAN|DS\.|KEL\.|(?:{_words(words.marks)})\b)[\s:|]*"
                      rf"(?!(?:{_words(words.not_a_name)})\b)" + NAME + stop)


@cache
def _after_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words(title_words().not_after)})\s+$")


def title_phrases(text: str) -> list[TitlePhrase]:
    """Every 'DESA <words>' of a title row (upper case), with the thing DESA belongs to when
    it belongs to one."""
    found, pos = [], 0
    while match := village_re().search(text, pos):
        pos = match.start() + 1
        mark = match["mark"]
        before = _after_re().search(text[:match.start()]) if mark in ("DESA", "DS.") else None
        after = (f"{before[0].strip()} {mark}" if before else
                 mark if mark not in ("DESA", "KELURAHAN", "DS.", "KEL.") else None)
        if name := match["name"].strip():
            found.append(TitlePhrase(name, after))
    return found


def village_phrase(text: str) -> str | None:
    """The village name a title row writes after DESA (upper case), or None: the first phrase
    that is not a thing's name, or that is exactly a village after one."""
    return next((p.name for p in title_phrases(text)
                 if p.after is None or match_village(p.name).status in KNOWN), None)


def unknown_after(text: str) -> list[TitlePhrase]:
    """The phrases after a thing's name ("MUSYAWARAH DESA <words>") that are no village's exact
    name: said when the file names no village at all."""
    return [p for p in title_phrases(text)
            if p.after is not None and match_village(p.name).status not in KNOWN]
