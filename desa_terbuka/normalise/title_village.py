"""Where a title row names the village: the words after DESA, unless they name a document.

"PEMERINTAH DESA MERAH" and "APB DESA MERAH TAHUN 2024" name the village Merah; "APB DESA PER
SUMBER DANA", "PERATURAN KEPALA DESA NOMOR 1" and "ALOKASI DANA DESA" name a report, a
regulation or a fund. The words that tell them apart are data (``reference/title_words.yaml``),
so a new report title is taught there, not in code.
"""

from __future__ import annotations

import re
from functools import cache

from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.paths import REFERENCE_DIR

NAME = r"(?P<name>[A-Z][A-Z0-9 .'\-]*?)"
# where a name written in a title ends: a cell edge, punctuation (a dash between words), the
# kecamatan, the year, a digit
STOP = (r"$|[,(:/|–—]|\s-\s|\bKEC(?:AMATAN|\b|\.)|\bKAB(?:UPATEN|\b|\.)|\bTAHUN\b|\bT\.?A\b"
        r"|\bPERIODE\b|\bSEMESTER\b|\bKODE\b|\bPROV|\d")


class TitleWords(Strict):
    not_after: list[str]  # DESA after these names a thing ("DANA DESA")
    not_a_name: list[str]  # words after DESA that begin a document's name ("PER SUMBER DANA")
    name_ends_before: list[str]  # a name stops before these ("DESA MERAH NOMOR 2")


@cache
def title_words() -> TitleWords:
    return load_config(REFERENCE_DIR / "title_words.yaml", TitleWords)


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w.upper()) for w in sorted(words, key=len, reverse=True))


@cache
def village_re() -> re.Pattern[str]:
    words = title_words()
    not_after = "".join(f"(?<!{re.escape(w.upper())} )" for w in words.not_after)
    stop = rf"\s*(?={STOP}|\b(?:{_words(words.name_ends_before)})\b)"
    return re.compile(rf"{not_after}\b(?:DESA|KELURAHAN|DS\.|KEL\.)[\s:|]*"
                      rf"(?!(?:{_words(words.not_a_name)})\b)" + NAME + stop)


def village_phrase(text: str) -> str | None:
    """The village name a title row writes after DESA (upper case), or None."""
    found = village_re().search(text)
    return found["name"].strip() if found else None
