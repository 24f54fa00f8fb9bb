"""One record written as a form: "label : value" lines (a berita acara, a notulen, a papan
informasi kegiatan). The form becomes a table of one row, its labels the headings, so that it is
read like any other table; the lines above the first label stay as its title.

Recognised shapes: ``label | : | value``, ``label | : value`` and ``label : value`` in one cell,
with an optional numbering cell or prefix ("I.", "2."). A count table inside the form (its rekap
daftar hadir) gives the form's answers for the fields the dataset declares (``form_tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.form_tables import form_tables
from desa_terbuka.normalise.form_total import rincian_total
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.name_span import column_letter
from desa_terbuka.normalise.headings import context_headers, find_header, heading_forms

MIN_LABELS = 4
# fewer labels make a form when a count table follows them (a daftar hadir's "Hari / Tanggal",
# "Tempat" above its rows per dusun or unsur): the block describes the one record the table counts
MIN_LABELS_ABOVE_TABLE = 2
MAX_LABEL_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?]\s+\S")  # "... Dana Desa. Pengaduan": a sentence ends inside


@dataclass
class FormTable(RawTable):
    """A table made of a form: its headings are the form's labels, a row per form under them."""

    forms: int = 1
    starts: list[str] = field(default_factory=list)  # the cell each form's first label is in


def labels_unused(table: RawTable, findings: list) -> list:
    """A form's labels no field reads, said as such in one finding (on a form they are no
    unknown columns): the others unchanged."""
    if not isinstance(table, FormTable):
        return findings
    unused = [f for f in findings if f.code == "unknown-column"]
    if not unused:
        return findings
    first = unused[0]
    labels = ", ".join(f"'{f.value}'" for f in unused)  # a parameter: every label is named
    said = replace(first, code="form-label-unused", field=None, value=labels,
                   params={"labels": labels, "count": len(unused)})
    return [said if f is first else f for f in findings if f.code != "unknown-column" or f is first]
_NUMBERING = re.compile(r"^(?:[IVX]+|\d{1,2}|[a-z])[.)]\s*", re.IGNORECASE)
_IN_ONE = re.compile(r"^(?P<label>[A-Za-z][^:]{1,60}?)\s*:\s*(?P<value>.*)$")


def _pair(row: list) -> tuple[str, str] | None:
    """(label, value) of one form line, or None."""
    cells = [clean_text(c) for c in row]
    cells = [c for c in cells if c]
    if cells and _NUMBERING.fullmatch(cells[0] + " "):
        cells = cells[1:]  # a numbering cell of its own ("I.")
    if not cells:
        return None
    if len(cells) >= 2 and (cells[1] == ":" or cells[1].startswith(":")):
        value = " ".join([cells[1].lstrip(":").strip()] + cells[2:]).strip()
        label = cells[0]
    elif len(cells) == 1 and (m := _IN_ONE.match(cells[0])) and m["value"] and _is_label(m["label"]):
        label, value = m["label"], m["value"]
    else:
        return None
    label = _NUMBERING.sub("", label).strip()
    return (label, value) if label and value else None


def _value_column(row: list) -> int | None:
    """The column where a line's value begins (after its ':'), or None."""
    cells = [(i, clean_text(c)) for i, c in enumerate(row) if clean_text(c)]
    for k, (i, text) in enumerate(cells):
        if text == ":":
            return cells[k + 1][0] if k + 1 < len(cells) else None
        if ":" in text:
            return i
    return None


def _continued(table: RawTable, found: list, skip: set[int]) -> dict[int, list[str]]:
    """The lines that continue a value ("Susunan Acara : a. Pembukaan", then "b. Sambutan" with
    an empty label): by the line they continue. Only lines between two labels, whose cells all
    sit in the value's column or right of it."""
    out: dict[int, list[str]] = {}
    for (start, _), (end, _) in zip(found, found[1:]):
        col = _value_column(table.rows[start])
        for i in range(start + 1, end):
            row = table.rows[i]
            filled = [k for k, c in enumerate(row) if clean_text(c)]
            if i in skip or col is None or not filled or min(filled) < col:
                continue
            out.setdefault(start, []).append(" ".join(clean_text(row[k]) for k in filled))
    return out


def _is_label(text: str) -> bool:
    """A label is a few words, not a sentence: a board's footer "Mari bersama-sama mengawasi ...
    Dana Desa. Pengaduan: Kantor Desa" holds a colon, but what precedes it is no field's name."""
    return len(text.split()) <= MAX_LABEL_WORDS and not _SENTENCE_END.search(text)


def _identity(definition) -> set[str]:
    return {"kode_desa", definition.year_field}


def _record_labels(labels: list[str]) -> int:
    """How many labels name a field of a record: not the sender's village or year (a kop surat's
    "Kode Desa", "Tahun Anggaran", read by the context readers) nor a line no field reads
    ("Alamat", "Dicetak dari")."""
    count = 0
    for label in labels:
        forms = heading_forms(label)
        for definition in definitions().values():
            aliases, context = definition.header_aliases(), context_headers(definition)
            if any(aliases.get(f) not in (None, *_identity(definition)) and f not in context for f in forms):
                count += 1
                break
    return count


def _list_below(table: RawTable, last: int) -> bool:
    """Below the label lines stands a list of records of its own: a heading row naming at least
    two of a record type's own required fields (a kegiatan's code, name, anggaran), with rows
    under it. A form's count table (L | P | Jumlah) or rincian names no record of its own type."""
    below = replace(table, rows=table.rows[last + 1:], row_numbers=table.row_numbers[last + 1:])
    for definition in definitions().values():
        header = find_header(below, definition)
        if header is None:
            continue
        own = {f.name for f in definition.input_fields if f.required} - _identity(definition)
        named = own & set(header.columns.values())
        if len(named) >= min(2, len(own)) and any(
                any(clean_text(c) for c in row) for row in below.rows[header.row_index + 1:]):
            return True
    return False


def _forms(found: list) -> list[list] | None:
    """The label lines split into the forms written one under another (every notulen of the
    year in one sheet), or None for one form. A form ends where a label of it comes again; it is
    a new form only when every part holds a form's worth of labels, mostly the first form's: a
    label written twice within one form ("Tanggal" twice) stays one form, its duplicate said."""
    parts: list[list] = [[]]
    seen: set[str] = set()
    for line in found:
        key = normalise_heading(line[1][0])
        if key in seen:
            parts.append([])
            seen = set()
        parts[-1].append(line)
        seen.add(key)
    if len(parts) < 2:
        return None
    first = {normalise_heading(p[0]) for _, p in parts[0]}
    for part in parts:
        keys = {normalise_heading(p[0]) for _, p in part}
        if len(part) < MIN_LABELS or len(keys & first) < max(MIN_LABELS, 0.6 * len(keys)):
            return None
    return parts


def as_record(table: RawTable) -> RawTable | None:
    """The form as a one-row table (titles kept above it), or a row per form when several stand
    one under another or side by side in the sheet; None when it is not a form."""
    beside = _side_by_side(table)
    if beside:
        read = [(a, as_record(_columns(table, a, b))) for a, b in zip(beside, [*beside[1:], None])]
        forms = [replace(f, starts=[_shifted(c, a) for c in f.starts]) for a, f in read if isinstance(f, FormTable)]
        if len(forms) == len(read) and _same_labels([f.rows[len(f.rows) - f.forms - 1] for f in forms]):
            return _joined(table, forms)
    pairs = [(i, _pair(row)) for i, row in enumerate(table.rows)]
    found = [(i, p) for i, p in pairs if p]
    forms = _forms(found)
    if forms:
        return _stacked(table, [part[0][0] for part in forms])
    return _one(table, found)


def _side_by_side(table: RawTable) -> list[int] | None:
    """The first column of each form when forms stand side by side, each with its own column of
    ':' cells (at least a form's worth), or None."""
    colons: dict[int, int] = {}
    for row in table.rows:
        for k, c in enumerate(row):
            if clean_text(c) == ":":
                colons[k] = colons.get(k, 0) + 1
    columns = sorted(k for k, n in colons.items() if n >= MIN_LABELS)
    if len(columns) < 2:
        return None
    starts = [0]
    for before, colon in zip(columns, columns[1:]):
        rows = [r for r in table.rows if colon < len(r) and clean_text(r[colon]) == ":"]
        # the next form's labels: the nearest filled cell left of its ':' in each of its lines
        label = min((max((k for k in range(before + 1, colon) if clean_text(r[k])), default=before)
                     for r in rows), default=before)
        if label <= before + 1:
            return None  # no column of labels of its own: one form's values run on
        starts.append(label)
    return starts


def _columns(table: RawTable, first: int, end: int | None) -> RawTable:
    return replace(table, rows=[list(row[first:end]) for row in table.rows], findings=[], notes=[])


def _same_labels(headers: list[list[str]]) -> bool:
    first = {normalise_heading(label) for label in headers[0]}
    return all(len(keys & first) >= max(MIN_LABELS, 0.6 * len(keys))
               for keys in ({normalise_heading(label) for label in h} for h in headers))


def _stacked(table: RawTable, starts: list[int]) -> RawTable | None:
    """Forms one under another: each read alone (its slice from its first label to the next
    form's), then one table of a row per form under all their labels."""
    bounds = [0, *starts[1:], len(table.rows)]
    read = []
    for start, end in zip(bounds, bounds[1:]):
        part = replace(table, rows=table.rows[start:end], row_numbers=table.row_numbers[start:end],
                       findings=[], notes=[])
        form = _one(part, [(i, p) for i, row in enumerate(part.rows) if (p := _pair(row))])
        if form is None:
            return None
        read.append(form)
    return _joined(table, read)


def _joined(table: RawTable, read: list[FormTable]) -> FormTable:
    """One table of a row per form under all their labels (in the order they come), titles of
    the first; said as forms-stacked with the cell each form begins at."""
    heads = [form.rows[len(form.rows) - form.forms - 1] for form in read]
    labels: list[str] = []
    for head in heads:
        labels += [label for label in head if label not in labels]
    values = [[dict(zip(head, row)).get(label, "") for label in labels]
              for form, head in zip(read, heads) for row in form.rows[len(form.rows) - form.forms:]]
    numbers = [n for form in read for n in form.row_numbers[len(form.rows) - form.forms:]]
    cells = [c for form in read for c in form.starts]
    titles = read[0].rows[:len(read[0].rows) - read[0].forms - 1]
    said = Finding("forms-stacked", table.file, table.sheet, numbers[0], None, None, params={
        "count": len(values), "cells": ", ".join(cells)})
    return FormTable(table.file, table.sheet, titles + [labels] + values,
                     read[0].row_numbers[:len(titles)] + [numbers[0]] + numbers,
                     encoding=table.encoding, delimiter=table.delimiter,
                     notes=table.notes + [f"{len(values)} formulir dibaca sebagai {len(values)} baris"],
                     findings=table.findings + [f for f in (said, *[f for form in read for f in form.findings])
                                                if f.code != "forms-stacked" or f is said],
                     forms=len(values), starts=cells)


def _after_kop(table: RawTable, found: list) -> list:
    """The label lines from the form's first, past a kop surat's ("Alamat : Jalan …") and a
    letter number's ("Nomor : 140/07/…") when the title stands below them: lines no field reads,
    then text that is no label ("BERITA ACARA MUSRENBANGDES …"). Those lines are the title (it
    names the meeting's kind), not the form's opening labels."""
    lead = next((k for k, (_, p) in enumerate(found) if _record_labels([p[0]])), 0)
    if lead == 0:
        return found
    labelled = {i for i, _ in found}
    start = max((k for k in range(1, lead + 1) if any(
        i not in labelled and any(clean_text(c) for c in table.rows[i])
        for i in range(found[k - 1][0] + 1, found[k][0]))), default=0)
    return found[start:]


def _one(table: RawTable, found: list) -> RawTable | None:
    """One form as a one-row table (titles kept above it), or None when it is not a form."""
    found = _after_kop(table, found)
    if len(found) < MIN_LABELS_ABOVE_TABLE:
        return None
    first, last = found[0][0], found[-1][0]
    if _record_labels([p[0] for _, p in found]) < MIN_LABELS_ABOVE_TABLE and _list_below(table, last):
        return None  # a kop surat's "Alamat : …", "Kode Desa : …" above a list: its title lines
    recap = form_tables(table, {i for i, _ in found} | set(range(first)))
    if len(found) < MIN_LABELS and not (recap and min(recap.rows) > last and not recap.names_records):
        return None  # a few "Desa : …" lines above a list of records, not a form
    in_recap = set(recap.rows) if recap else set()
    body = [i for i in range(first, last + 1)
            if i not in in_recap and any(clean_text(c) for c in table.rows[i])]
    if len(found) < 0.6 * len(body):
        return None  # a table with a few "x : y" cells, not a form
    more = _continued(table, found, in_recap)
    titles = [table.rows[i] for i in range(first)]
    labels = [p[0] for _, p in found]
    values = ["; ".join([p[1]] + more.get(i, [])) for i, p in found]
    label_rows = {label: table.row_numbers[i] for i, (label, _) in found}
    stated = {normalise_heading(label) for label in labels}
    for name, total in (recap.totals.items() if recap else ()):
        if normalise_heading(name) not in stated:  # a "label : value" line says it already
            labels.append(name)
            values.append(str(total))
    rincian = None if recap else rincian_total(table, last)  # a RAB's JUMLAH under its header block
    if rincian and normalise_heading(rincian.heading) not in stated:
        labels.append(rincian.heading)
        values.append(rincian.total)
    return FormTable(table.file, table.sheet, titles + [labels, values],
                    table.row_numbers[:first] + [table.row_numbers[first], table.row_numbers[first]],
                    encoding=table.encoding, delimiter=table.delimiter,
                    notes=table.notes + [f"formulir {len(found)} isian dibaca sebagai satu baris"],
                    findings=table.findings + (recap.findings if recap else [])
                    + (rincian.findings if rincian else []), label_rows=label_rows,
                    starts=[_cell(table, first)])


def _cell(table: RawTable, index: int) -> str:
    """The sheet cell of a line's first filled cell ("A6"), for the operator to find a form."""
    col = next((k for k, c in enumerate(table.rows[index]) if clean_text(c)), 0)
    return f"{column_letter(col)}{table.row_numbers[index]}"


def _shifted(cell: str, offset: int) -> str:
    """A cell of a block of columns, in the sheet's letters (the block starting at ``offset``)."""
    letters = re.match(r"[A-Z]+", cell)[0]
    col = 0
    for letter in letters:
        col = col * 26 + ord(letter) - 64
    return f"{column_letter(col - 1 + offset)}{cell[len(letters):]}"


def at_label_rows(findings: list[Finding], table: Any, header: Any) -> list[Finding]:
    """Findings on a form's one row, placed on the line of their label ('Volume : …' on row 8,
    not the form's first line), so the operator finds the cell the finding names."""
    if not table.label_rows:
        return findings
    rows = {name: table.label_rows.get(header.written.get(col) or "") for col, name in header.columns.items()}
    first = table.row_numbers[-1]
    out = []
    for f in findings:
        row = rows.get(f.field or "") or (table.label_rows.get(f.value or "") if f.field is None else None)
        if f.row == first and row:
            params = {**f.params, "rows": str(row)} if f.params.get("rows") == str(first) else f.params
            f = replace(f, row=row, params=params)
        out.append(f)
    return out
