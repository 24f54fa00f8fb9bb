"""Which record type a table is: the heading row that names a type's required headings best.

``headings.py`` reads one heading row for one record type; this module ranks every (table,
type) pair, so that a bare "KODE" over account codes or "Kode Rekening" read only by its words
decides between types the way a careful reader would.
"""

from __future__ import annotations

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.code_values import code_fit, holds_own_codes
from desa_terbuka.normalise.context import title_lines
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.headings import Header, find_header
from desa_terbuka.normalise.values import has_values, read_value


def detect(tables: list[RawTable], definitions: list[DatasetDefinition]):
    """Pick the (table, definition, header) whose heading row matches best; None if none does."""
    found = ranked(tables, definitions)
    return found[0][1:] if found else None


def ranked(tables: list[RawTable], definitions: list[DatasetDefinition]):
    """Every (score, table, definition, header) a heading row matches, best first: the record
    type whose required headings it names, then whose code columns hold some code of their own
    field (a "Kode Rek." over kegiatan codes "01.01.01." only is a kegiatan list; so is a tree whose
    bidang rows "4", "4.2" bear bidang names, not account names: ``code_values.named_bidang``),
    then names outright (a heading only read by its words
    for one type, "Kode Rekening" as a kegiatan's "kode", is another type's own synonym), then
    whose code columns hold codes of their shape (a bare "KODE" over "4.1.2.01" is a kode
    rekening, ``code_values.py``), then the most fields."""
    candidates = []
    for table in tables:
        for definition in definitions:
            header = find_header(table, definition)
            if header:
                needed = required_headings(definition)
                named = set(header.columns.values()) | header.codes_in_names
                named |= title_gives(table, header, definition, needed - named)
                outright = {name for col, name in header.columns.items()
                            if col not in header.interpreted} | header.codes_in_names
                covered = len(needed & named) / max(len(needed), 1)
                plain = len(needed & outright) / max(len(needed), 1)
                share = len(header.columns) / len(definition.input_fields)
                own = holds_own_codes(table, header, definition)
                score = (covered, own, plain, code_fit(table, header, definition),
                         len(header.columns), share)
                candidates.append((score, table, definition, header))
    return sorted(candidates, key=lambda c: c[0], reverse=True)


def title_gives(table: RawTable, header: Header, definition: DatasetDefinition,
                wanted: set[str]) -> set[str]:
    """The ``wanted`` fields of declared values the table's own title names ("REKAP MUSDUS",
    "DAFTAR MUSYAWARAH DESA": each line's jenis_musyawarah, ``values_from_title``): a sheet per
    kind of meeting names its required kind there, not in a column, and is still a list of them
    (read with its sister sheets under the same headings, not left as a summary)."""
    wanted = {name for name in wanted if has_values(definition, name)}
    if not wanted or "values_from_title" not in (definition.config.get("derive") or []):
        return set()
    title = " ".join(text for _, text in title_lines(table, header.top))
    return {name for name in wanted if title and read_value(definition, name, title).how == "synonym"}


def missing_headings(tables: list[RawTable], definition: DatasetDefinition) -> set[str]:
    """The required headings (``required_headings``) that even the heading row naming most of
    the definition's fields leaves out: what a file read as that type (--type) lacks."""
    needed = required_headings(definition)
    best = needed
    for table in tables:
        header = find_header(table, definition, minimum=1)
        if header:
            left = needed - set(header.columns.values()) - header.codes_in_names
            best = min(best, left, key=len)
    return best


def required_headings(definition: DatasetDefinition) -> set[str]:
    """The required fields a heading row must name (those a title or file name cannot give)."""
    from_context = {"kode_desa", "tahap"}
    if definition.field(definition.year_field).type == "integer":
        from_context.add(definition.year_field)
    return {f.name for f in definition.input_fields if f.required and f.name not in from_context}


def needed_headings(candidates: list[DatasetDefinition]) -> Text:
    """What each record type's heading row must name: its required fields (and their titles)."""
    parts_id, parts_en = [], []
    for d in candidates:
        needed = required_headings(d)
        needs = [f for f in d.input_fields if f.name in needed]
        parts_id.append(f"{d.record_type}: " + ", ".join(f"{f.name} ({f.title})" for f in needs))
        parts_en.append(f"{d.record_type}: " + ", ".join(
            f"{f.name} ({f.raw.get('title_en', f.title)})" for f in needs))
    return Text("; ".join(parts_id), "; ".join(parts_en))


def missing_titles(tables: list[RawTable], definition: DatasetDefinition) -> Text:
    """The required columns a file read as ``definition``'s type lacks, with their titles."""
    missing = missing_headings(tables, definition)
    fields = [f for f in definition.input_fields if f.name in missing]
    return Text(", ".join(f"{f.name} ({f.title})" for f in fields),
                ", ".join(f"{f.name} ({f.raw.get('title_en', f.title)})" for f in fields))


def first_headings(tables: list[RawTable], limit: int = 6) -> str:
    """The first row of at least two cells, as the operator sees it: what the file's headings are."""
    for table in tables:
        for row in table.rows[:10]:
            cells = [clean_text(c) for c in row if clean_text(c)]
            if len(cells) >= 2:
                shown = ", ".join(cells[:limit])
                return shown + (", …" if len(cells) > limit else "")
    return "-"
