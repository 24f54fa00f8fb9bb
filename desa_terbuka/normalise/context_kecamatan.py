"""The kecamatan a file states, and how it settles a village name several kecamatan share.

"Sumber Makmur" is a desa of three kecamatan; a report that says "DESA SUMBER MAKMUR" in one title
row and "KECAMATAN TELAWANG – KABUPATEN ..." in the next (or "Kec. Telawang", "KEC TELAWANG",
"Kecamatan: Telawang", or TELAWANG in its file name) names one of them. The kecamatan of each
desa is the reference's (``reference/kotim_villages.csv``); the reading is said as information.
A kecamatan that names none of the candidates, or two stated kecamatan that each fit one, settle
nothing: the village stays ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import Village
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.context_stage import Evidence
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.title_village import NAME, STOP
from desa_terbuka.normalise.village_match import VillageMatch, find_kecamatan

# "KECAMATAN TELAWANG", "KEC. TELAWANG", "KEC TELAWANG", "KECAMATAN : TELAWANG" (upper-cased text)
KECAMATAN_RE = re.compile(r"\bKEC(?:AMATAN\b|\.|\b)[\s:|.]*" + NAME + rf"\s*(?={STOP})")


@dataclass(frozen=True)
class Kecamatan:
    kode: str  # kode kecamatan, e.g. 62.02.14
    written: str
    source: Text


def title_kecamatan(text: str, source: Text) -> Kecamatan | None:
    """The kecamatan a title row names after KECAMATAN / KEC., when it is one of the district's."""
    for match in KECAMATAN_RE.finditer(text):
        written = match["name"].strip(" .")
        if written and (kode := find_kecamatan(written)):
            return Kecamatan(kode, written, source)
    return None


def file_kecamatan(words: list[str], source: Text) -> Kecamatan | None:
    """A kecamatan named exactly by consecutive words of the file name (no edit allowed: a file
    name has no label saying the words are a kecamatan)."""
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            written = " ".join(words[start:start + size])
            if kode := find_kecamatan(written, exact=True):
                return Kecamatan(kode, written, source)
    return None


def column_kecamatan(table: RawTable, header) -> Kecamatan | None:
    """The one kecamatan a "Kecamatan" column names in every data row that fills it."""
    col = next((c for c, name in header.context.items() if name == "nama_kecamatan"), None)
    if col is None:
        return None
    written = {text for row in table.rows[header.row_index + 1:]
               if col < len(row) and (text := clean_text(row[col]))}
    kodes = {find_kecamatan(text) for text in written}
    if len(kodes) != 1 or None in kodes:
        return None
    heading = clean_text(table.rows[header.row_index][col])
    return Kecamatan(kodes.pop(), sorted(written)[0], Text(f"kolom '{heading}'", f"column '{heading}'"))


def narrow(found: VillageMatch, stated: list[Kecamatan]) -> tuple[Village, Kecamatan] | None:
    """The one candidate of an ambiguous name that lies in a stated kecamatan, with the statement."""
    if found.status != "ambiguous" or not stated:
        return None
    fits: dict[str, tuple[Village, Kecamatan]] = {}
    for kecamatan in stated:  # the first statement is the one cited
        for village in found.candidates:
            if village.kode_kecamatan == kecamatan.kode:
                fits.setdefault(village.kode_desa, (village, kecamatan))
    return next(iter(fits.values())) if len(fits) == 1 else None


def narrowed_params(name_source: Text, found: VillageMatch, village: Village,
                    kecamatan: Kecamatan) -> dict:
    """The params of the ``village-kecamatan-narrowed`` finding."""
    return {"source": name_source, "candidates": found.candidate_text(), "kode": village.kode_desa,
            "kecamatan": village.nama_kecamatan, "reason": kecamatan.source}


_VILLAGE_ERRORS = {"village-ambiguous", "village-uncertain", "village-not-found", "village-conflict",
                   "siskeudes-unmapped-village", "village-column-unknown"}


def settle_by_column(table: RawTable, header, context) -> None:
    """Title names several kecamatan share, settled by the table's "Kecamatan" column when every
    other source agrees; their village-ambiguous error becomes the information that says so.
    ``context`` is ``context.FileContext`` (which calls this: no import back)."""
    kecamatan = column_kecamatan(table, header)
    for entry in list(context.unsettled) if kecamatan else []:
        name, row, found, finding = entry
        narrowed = narrow(found, [kecamatan])
        if narrowed is None or {e.value for e in context.villages} - {narrowed[0].kode_desa}:
            continue
        village = narrowed[0]
        where = Text(f"judul baris {row}", f"title row {row}")
        context.unsettled.remove(entry)
        context.findings.remove(finding)
        context.villages.append(Evidence(village.kode_desa, where, row))
        context.findings.append(Finding("village-kecamatan-narrowed", finding.file, finding.sheet, row,
                                        None, name,
                                        params=narrowed_params(where, found, village, kecamatan)))
    if not any(f.code in _VILLAGE_ERRORS for f in context.findings):
        context.explained.discard("kode_desa")
