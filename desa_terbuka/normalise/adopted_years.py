"""The year of the act that adopted a plan or budget, which is not the data's year.

An RKP Desa 2026 is adopted in 2025 ("Ditetapkan dengan Peraturan Desa Nomor 4 Tahun 2025
tanggal 29 September 2025"), an APBDes 2025 by a Perdes of 2024. A title row's regulation number
and adoption date are blanked before its years are read, and their years kept apart: a weaker
claim that decides only when nothing else names a year (``context.py``). The words are data
(``reference/adoption_words.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.paths import REFERENCE_DIR
from desa_terbuka.normalise.formats import MONTHS


class AdoptionWords(Strict):
    regulations: list[str]  # acts whose number may be written "Nomor 12/2025"
    adopted: list[str]  # verbs before the adoption date ("ditetapkan … tanggal …")


@cache
def adoption_words() -> AdoptionWords:
    return load_config(REFERENCE_DIR / "adoption_words.yaml", AdoptionWords)


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w.upper()).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


_MONTH = "|".join(sorted((m.upper() for m in MONTHS), key=len, reverse=True))
# "29 September 2025", "29-09-2025", "29/09/2025", "2025-09-29"
DATE = (rf"(?:\d{{1,2}}\s*(?:{_MONTH})\.?\s*(?P<y1>20\d\d)|\d{{1,2}}[-/.]\d{{1,2}}[-/.](?P<y2>20\d\d)"
        rf"|(?P<y3>20\d\d)-\d{{1,2}}-\d{{1,2}})(?!\d)")
_DATE_AFTER = rf"(?:\s*,?\s*(?:TANGGAL|TGL\.?)\s*:?\s*{DATE})?"


@cache
def _patterns() -> list[re.Pattern[str]]:
    words = adoption_words()
    return [
        # "NOMOR : 02 TAHUN 2023", "No. 5/2023 Tahun 2023", with the date that follows
        re.compile(rf"\b(?:NOMOR|NO\.?)\s*:?\s*[\w./-]*\s+TAHUN\s+(?P<n>20\d\d){_DATE_AFTER}"),
        # "PERDES NO. 7/2024", "SK KADES NOMOR 141/12/2025"
        re.compile(rf"\b(?:{_words(words.regulations)})\s*(?:NOMOR|NO\.?)\s*:?\s*[\w.-]*(?:/[\w.-]*)*"
                   rf"/\s*(?P<n>20\d\d)(?!\d){_DATE_AFTER}"),
        # "DITETAPKAN DI TUMBANG KAMINTING PADA TANGGAL 29 SEPTEMBER 2025"
        re.compile(rf"\b(?:{_words(words.adopted)})\b[^|\d]{{0,80}}?"
                   rf"\b(?:TANGGAL|TGL\.?|PADA)\s*:?\s*{DATE}"),
    ]


def without_adoption(text: str) -> tuple[str, list[str]]:
    """(the upper-case text with its regulation numbers and adoption dates blanked, their years)."""
    years: list[str] = []

    def blank(match: re.Match[str]) -> str:
        years.extend(y for k, y in match.groupdict().items() if y and k in ("n", "y1", "y2", "y3"))
        return " "

    for pattern in _patterns():
        text = pattern.sub(blank, text)
    return text, list(dict.fromkeys(years))
