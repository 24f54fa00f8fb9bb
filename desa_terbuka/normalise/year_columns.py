"""Several years side by side: amount headings that carry a year ("ANGGARAN TA 2024 (Rp)" |
"ANGGARAN TA 2025 (Rp)", "Realisasi Tahun 2023").

A village compares its budget with last year's in one table. The heading is read without its
year ("Anggaran"), so every such column names the same field; the file's year (from its title,
file name or year column) says which one is the record's, and the others are a comparison, not
published (said as information). When no year is stated elsewhere and the year columns disagree,
which numbers to publish is a guess: that is an error asking for the year. A single year column
is itself evidence of the file's year (checked against the title like any other).

A year in a title after a comparison phrase ("dibandingkan dengan APBDes TA 2024", declared per
record type as ``comparison_words`` in ``datasets/*.yaml``) names the comparison, not the file.
"""

from __future__ import annotations

import re
from typing import Protocol

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text

# "TA 2025", "T.A. 2025", "Tahun 2023", "Tahun Anggaran 2024", "Th. 2024", "2024"
HEADING_YEAR = re.compile(r"(?:\b(?:tahun\s+anggaran|tahun|thn\.?|th\.?|t\.\s?a\.?|ta\.?)\s*)?"
                          r"(?<!\d)(20[1-9]\d)(?!\d)", re.IGNORECASE)
AMOUNT_TYPES = ("number", "integer")


class YearHeader(Protocol):
    """What this module reads and sets of ``headings.Header`` (not imported: no import loop)."""

    row_index: int
    columns: dict[int, str]
    written: dict[int, str]
    years: dict[int, str]
    other_years: dict[int, str]


def heading_year(text: str) -> tuple[str | None, str]:
    """(the one year the heading names, the heading without it); (None, text) otherwise."""
    years = set(HEADING_YEAR.findall(text or ""))
    if len(years) != 1:
        return None, text
    return years.pop(), re.sub(r"\s+", " ", HEADING_YEAR.sub(" ", text)).strip()


def is_amount(definition: DatasetDefinition, name: str | None) -> bool:
    return name is not None and definition.field(name).type in AMOUNT_TYPES \
        and name != definition.year_field


def comparison_years(text: str, phrases: list[str]) -> set[str]:
    """The years of a title row that a comparison phrase introduces ("dibandingkan dengan …
    2024") or follows ("2024 (tahun lalu)")."""
    plain = normalise_heading(text)
    words = [normalise_heading(p) for p in phrases if normalise_heading(p)]
    if not words:
        return set()
    found, start = set(), 0
    matches = list(re.finditer(r"(?<!\d)(20[1-9]\d)(?!\d)", plain))
    for index, match in enumerate(matches):
        before, after = plain[start:match.start()], plain[match.end():]
        last = index == len(matches) - 1  # a phrase before a later year introduces that one
        if any(re.search(rf"\b{re.escape(w)}\b", before) for w in words) or \
                (last and any(re.match(rf"\s*{re.escape(w)}\b", after) for w in words)):
            found.add(match[1])
        start = match.end()
    return found


def year_groups(header: YearHeader) -> dict[str, dict[str, int]]:
    """field -> {year: column} of the fields with columns for several years."""
    groups: dict[str, dict[str, int]] = {}
    for col, name in [*header.columns.items(), *header.other_years.items()]:
        if col in header.years:
            groups.setdefault(name, {})[header.years[col]] = col
    return {name: by_year for name, by_year in groups.items() if len(by_year) > 1}


def column_years(header: YearHeader) -> dict[str, str]:
    """year -> heading of the mapped amount columns that name their year (one year each)."""
    return {header.years[col]: header.written.get(col, "") for col in header.columns
            if col in header.years}


def choose(header: YearHeader, definition: DatasetDefinition, stated: str | None,
           stated_where: Text | None, file: str, sheet, row: int | None) -> list[Finding]:
    """Map each field to its column of the file's year (``stated``); the other years' columns
    are left unmapped (a comparison) and said; without a stated year among them, an error."""
    findings = []
    for name, by_year in year_groups(header).items():
        years = ", ".join(sorted(by_year))
        headings = "; ".join(f"'{header.written.get(c, '')}'" for _, c in sorted(by_year.items()))
        if stated not in by_year:
            reason = (Text("tahun berkas tidak disebut di judul, nama berkas atau kolom tahun",
                           "the file's year is not stated in its title, file name or a year column")
                      if stated is None else
                      Text(f"{stated_where} menyebut {stated}, yang tidak ada kolomnya",
                           f"{stated_where.en if stated_where else ''} says {stated}, which has no column"))
            findings.append(Finding("year-columns-unclear", file, sheet, row, name, headings,
                                    params={"years": years, "reason": reason}))
            continue
        chosen = by_year[stated]
        for col in [c for c, n in header.columns.items() if n == name]:
            del header.columns[col]
        header.columns[chosen] = name
        header.other_years.pop(chosen, None)
        for year, col in sorted(by_year.items()):
            if col == chosen:
                continue
            header.other_years[col] = name
            findings.append(Finding("year-column-comparison", file, sheet, row, name,
                                    header.written.get(col, ""),
                                    params={"year": year, "file_year": stated,
                                            "chosen": header.written.get(chosen, "")}))
    return findings
