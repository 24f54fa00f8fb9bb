"""Attendance written per unsur (Permendagri 110/2016 ps.38(4): Pemerintah Desa, BPD, tokoh adat,
tokoh agama, kelompok tani, kelompok perempuan, …): one column per group present, beside the total.

- A heading that names a group ("Kelompok Perempuan", "Perwakilan Masyarakat Miskin") is no count
  of the men or women present: read by one of its words it would publish the women's-group
  representatives as all the women present. Such a heading is never read by its words.
- Columns of groups beside a total are that total's parts: read, checked against it row by row,
  not published (said as information; a row whose parts disagree with its total, a warning).
- A bare total word ("Jumlah", "Total") beside such parts, or beside the men's and women's
  columns, is the total itself.
- A heading that says it counts some of those present ("Dari Jumlah Hadir, Kelompok Rentan" over
  Disabilitas | Warga Miskin, "Di antaranya …", "Termasuk …", "Undangan Lain" already inside the L
  and P columns) is a subset: overlapping, never summed, not published, said as information. But
  a subset that names a field which is itself a part of the total ("Di antaranya Perempuan") is
  that field.

What counts as a group is declared in ``datasets/<type>.yaml`` under ``attendance_parts``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.formats import clean_text


def _config(definition: DatasetDefinition) -> dict[str, Any]:
    return definition.config.get("attendance_parts") or {}


def names_group(definition: DatasetDefinition, words: set[str]) -> bool:
    """The heading's words name a group of people (an organisation, an unsur), not a count of
    men or women."""
    group = {normalise_heading(w) for w in _config(definition).get("group_words") or []}
    return bool(words & group)


def _is_part(definition: DatasetDefinition, heading: str, parent: str) -> bool:
    config = _config(definition)
    plain = normalise_heading(heading)
    if plain in {normalise_heading(h) for h in config.get("headings") or []}:
        return True
    words = set(plain.split()) | set(normalise_heading(parent).split())
    return names_group(definition, words)


def _after_qualifier(definition: DatasetDefinition, text: str) -> str | None:
    """The heading without its subset qualifier ("Di antaranya Perempuan" -> "perempuan"), or
    None when it has none."""
    plain = f" {normalise_heading(text)} "
    for words in sorted((normalise_heading(q) for q in _config(definition).get("subset_words") or []),
                        key=len, reverse=True):
        if words and f" {words} " in plain:
            return " ".join(plain.replace(f" {words} ", " ", 1).split())
    return None


def _find_subsets(header: Any, definition: DatasetDefinition) -> None:
    """Columns counting some of those present become ``header.subsets``; one naming a count field
    that is a part of the total (``counts``: the women, the men) becomes that field."""
    config = _config(definition)
    counts = set(config.get("counts") or [])
    named = {normalise_heading(h) for h in config.get("subset_headings") or []}
    aliases = definition.header_aliases()
    # a total "including" some ("Peserta termasuk Tamu") stays the total
    kept = counts | {config.get("total")}
    candidates = dict(header.unknown) | {c: header.written.get(c, "") for c in header.interpreted
                                         if c in header.columns and header.columns[c] not in kept}
    for col, text in candidates.items():
        own = header.lower.get(col) or text
        rest = _after_qualifier(definition, own)
        under = _after_qualifier(definition, header.parent.get(col, "")) is not None
        if rest is None and not under and normalise_heading(own) not in named:
            continue
        name = aliases.get(rest if rest is not None else normalise_heading(own))
        if col in header.columns:
            del header.columns[col]
            header.interpreted.pop(col, None)
        header.unknown.pop(col, None)
        if name in counts and name not in header.columns.values():
            header.columns[col] = name
            header.interpreted[col] = (text, "kata")
        else:
            header.subsets[col] = own  # its own heading ("Warga Miskin"), for the operator


def find_parts(header: Any, definition: DatasetDefinition) -> None:
    """Unknown columns naming groups beside a total become its parts (``header.parts``), and a
    bare total word beside them (or beside the men's and women's columns) the total (in place).
    Columns counting some of those present are set aside first (``header.subsets``)."""
    config = _config(definition)
    total = config.get("total")
    if not total:
        return
    _find_subsets(header, definition)
    parts = {col: text for col, text in header.unknown.items()
             if _is_part(definition, header.lower.get(col) or text, header.parent.get(col, ""))}
    words = {normalise_heading(w) for w in definition.config["report_rows"].get("total_words") or []}
    mapped = set(header.columns.values())
    counts = set(config.get("counts") or [])
    if total not in mapped and (parts or counts <= mapped and counts):
        bare = [col for col, text in header.unknown.items()
                if col not in parts and normalise_heading(text) in words]
        if len(bare) == 1:
            header.columns[bare[0]] = total
            header.interpreted[bare[0]] = (header.unknown.pop(bare[0]), "urutan")
            mapped.add(total)
    if total in mapped and len(parts) >= 2:
        for col in parts:
            header.unknown.pop(col)
            header.parts[col] = header.lower.get(col) or parts[col]  # its own heading, for the operator


def _number(value: Any) -> Decimal | None:
    text = clean_text(value).replace(".", "").replace(",", ".") if isinstance(value, str) else value
    if text is None or text == "" or isinstance(text, bool):
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return None


def check_parts(records: Any, header: Any, data: list[int]) -> None:
    """Say which columns are parts of the total, and each row (index into the table) whose parts
    do not add up to its total; and which count some of those present (subsets)."""
    if header.subsets:
        names = ", ".join(f"'{t}'" for _, t in sorted(header.subsets.items()))
        records.note("attendance-subsets-read", records.table.row_numbers[header.row_index],
                     _config(records.definition)["total"], names, count=len(header.subsets))
    if not header.parts:
        return
    total = _config(records.definition)["total"]
    col = next(c for c, n in header.columns.items() if n == total)
    header_row = records.table.row_numbers[header.row_index]
    names = ", ".join(f"'{t}'" for _, t in sorted(header.parts.items()))
    records.note("attendance-parts-read", header_row, total, header.written.get(col, ""),
                 parts=names, count=len(header.parts))
    for index in data:
        row = records.table.rows[index]
        stated = _number(row[col]) if col < len(row) else None
        values = [_number(row[c]) for c in header.parts if c < len(row)]
        if stated is None or all(v is None for v in values):
            continue
        computed = sum(v for v in values if v is not None)
        if computed != stated:
            records.note("attendance-parts-mismatch", records.table.row_numbers[index], total,
                         str(stated), stated=str(stated), computed=str(computed), parts=names)
