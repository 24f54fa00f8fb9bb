"""A recap sheet beside the sheet of lines: the plan's or budget's totals per funding source
("Rekap Sumber Dana": DDS Dana Desa, ADD, PBH, PAD … and a TOTAL) or per bidang.

Its rows are keyed by a sumber dana (its code or name, as ``datasets/*.yaml`` declare them) or a
bidang name (``reference/bidang_kegiatan.csv``) and hold only amounts and shares: no line item of
its own. Read as records it becomes a second submission of another type (four APBDes lines
coded 'DDS', no uraian) and the file bounces. A careful reader sees a summary of the main sheet:
said as information, and its totals checked against the main sheet's lines per source or bidang
(a warning on a difference, as ``summary-sheet-mismatch`` says: the lines are published).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import activities
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.formats import clean_text, format_rupiah, number_or_none
from desa_terbuka.normalise.lines import total_word
from desa_terbuka.normalise.values import known_value

_SOURCE, _BIDANG = "sumber_dana", "bidang"
_BY = {_SOURCE: Text("sumber dana", "funding source"), _BIDANG: Text("bidang", "bidang")}
# a row's number or short key beside its group ("1", "IV", "a.", "DDS" is a source itself)
_ORDINAL = re.compile(r"^(?:\d{1,2}|[ivxlc]{1,6}|[a-z])[.)]?$", re.IGNORECASE)
_AMOUNT_MIN = Decimal(1000)  # a row with an amount this large says something: no share, no ordinal
# a code of a line (4.1.1, 5.2.2.01, 00.0000.01): dotted digits whose groups are no thousands
_CODE = re.compile(r"^\d+(?:\.\d+)+\.?$")
_WORD = re.compile(r"[^\W\d_]")  # a cell with no letter is an amount, a share "74,15%", a dash
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


@dataclass(frozen=True)
class GroupRow:
    key: str  # the canonical source (DDS) or the bidang's code (2)
    label: str  # as written
    amounts: tuple[Decimal, ...]
    row: int


@dataclass(frozen=True)
class GroupSummary:
    table: RawTable
    by: str  # _SOURCE or _BIDANG
    rows: tuple[GroupRow, ...]


@cache
def _total_words() -> tuple[str, ...]:
    return tuple({normalise_heading(w) for d in definitions().values()
                  for w in (d.config.get("report_rows") or {}).get("total_words", [])})


@cache
def _bidang_names() -> dict[str, str]:
    """A bidang's name without its words 'Bidang' and a last 'Desa' (normalised) -> its code."""
    return {_bare(a.uraian): a.kode for a in activities().values() if a.level == "bidang"}


def _bare(text: str) -> str:
    return re.sub(r"^bidang\s+|\s+desa$", "", normalise_heading(text))


def _bidang(text: str) -> str | None:
    """The bidang a cell names: its name, or its first words (two or more: "Bidang
    Penanggulangan Bencana" for the chart's "… Bencana, Keadaan Darurat dan Mendesak Desa")."""
    key = _bare(text)
    if not key:
        return None
    for name, code in _bidang_names().items():
        if name == key or (" " in key and name.startswith(key + " ")):
            return code
    return None


def _source(text: str) -> str | None:
    """The sumber dana a cell names exactly (its code or a declared synonym), else None."""
    for definition in definitions().values():
        if "sumber_dana" in definition.field_names:
            if value := known_value(definition, "sumber_dana", text):
                return value
    return None


def _group(cells: list[str]) -> tuple[str, str, str] | None:
    """(by, key, label) when the row's words name one source or one bidang and nothing else."""
    found = set()
    label = ""
    for text in cells:
        if _CODE.match(text) and not _THOUSANDS.match(text):
            return None  # a line's own code: an account, a kegiatan
        if number_or_none(text) is not None or _ORDINAL.match(text) or not _WORD.search(text):
            if not (source := _source(text)):
                continue
            found.add((_SOURCE, source))
            label = label or text
        elif source := _source(text):
            found.add((_SOURCE, source))
            label = text if not label or len(text) > len(label) else label
        elif (bidang := _bidang(text)) is not None:
            found.add((_BIDANG, bidang))
            label = text
        else:
            return None  # a name of its own: a line item, a heading, a note
    if len(found) != 1:
        return None
    by, key = found.pop()
    return by, key, label


def group_summary(table: RawTable) -> GroupSummary | None:
    """``table`` as a recap per funding source or per bidang, else None: two or more rows keyed
    by one kind of group, every other row with an amount a total row, no code of a line."""
    words = _total_words()
    rows: list[GroupRow] = []
    kinds = set()
    for row, number in zip(table.rows, table.row_numbers):
        cells = [t for t in (clean_text(c) for c in row) if t]
        amounts = tuple(a for a in map(number_or_none, cells) if a is not None)
        if not cells or (total_word(cells[0], words) and len(amounts) >= 1):
            continue
        group = _group(cells)
        if group is None:
            if any(abs(a) >= _AMOUNT_MIN for a in amounts):
                return None  # an amount of something else: a line of data
            continue  # a title, a heading, a signature
        by, key, label = group
        kinds.add(by)
        rows.append(GroupRow(key, label, amounts, number))
    if (len(rows) < 2 or len(kinds) != 1 or len({r.key for r in rows}) != len(rows)
            or not all(r.amounts for r in rows)):  # a legend ("DDS = Dana Desa") states no total
        return None
    return GroupSummary(table, kinds.pop(), tuple(rows))


def _key_of(row: dict, by: str) -> str:
    if by == _SOURCE:
        return row.get("sumber_dana") or ""
    return (row.get("kode_kegiatan") or "").split(".")[0]


def group_findings(file: str, summary: GroupSummary, rows: list[dict], fields: set[str],
                   main_sheet: str | None) -> list[Finding]:
    """The recap said as information; each group whose stated total is none of the sums of the
    main sheet's ``rows`` per amount field, a warning (checked when those rows name the group)."""
    table, by = summary.table, summary.by
    said = ", ".join(f"{r.label} {format_rupiah(max(r.amounts))}" for r in summary.rows)
    found = [Finding("summary-sheet-by-group", file, table.sheet, summary.rows[0].row, None,
                     table.sheet or "", params={"by": _BY[by], "groups": said,
                                                "sheet": main_sheet or ""})]
    amounts = [f for f in ("anggaran", "realisasi") if f in fields]
    if not amounts or not any(_key_of(r, by) for r in rows):
        return found
    sums = {f: {g.key: sum((number_or_none(r.get(f)) or Decimal(0) for r in rows
                            if _key_of(r, by) == g.key), Decimal(0))
                for g in summary.rows} for f in amounts}

    def agrees(f: str, g: GroupRow) -> bool:
        return sums[f][g.key] in g.amounts

    if any(all(agrees(f, g) for g in summary.rows) for f in amounts):
        return found
    field = max(amounts, key=lambda f: sum(agrees(f, g) for g in summary.rows))
    for g in summary.rows:
        if not agrees(field, g):
            stated = max(g.amounts)
            computed = sums[field][g.key]
            found.append(Finding("summary-sheet-mismatch", file, table.sheet, g.row, field, g.label,
                                 params={"label": g.label, "stated": format_rupiah(stated),
                                         "computed": format_rupiah(computed),
                                         "difference": format_rupiah(stated - computed)}))
    return found


def set_aside(best: dict[str, tuple], others: dict[str, list[tuple]]) -> list[GroupSummary]:
    """Take the recap sheets out of the readings (each record type's best sheet and the others
    of its type, ``(score, table, header)``) when some sheet that is no recap is read; a file of
    recaps only is read as before (its own findings say what it lacks)."""
    entries = [e for e in best.values()] + [e for rest in others.values() for e in rest]
    recaps = {id(e[1]): s for e in entries if (s := group_summary(e[1]))}
    if not recaps or len(recaps) == len(entries):
        return []
    for kind in list(best):
        rest = [e for e in others.get(kind, []) if id(e[1]) not in recaps]
        if id(best[kind][1]) in recaps:
            if not rest:
                del best[kind]
                others.pop(kind, None)
                continue
            best[kind] = max(rest, key=lambda e: e[0])
            rest = [e for e in rest if e is not best[kind]]
        others[kind] = rest
    return list(recaps.values())


def recap_findings(file: str, recaps: list[GroupSummary], unranked: list[RawTable],
                   parts: list) -> None:
    """Each recap (``set_aside``'s, and the sheets no type reads that are one and no section
    summary) said in the part it sums: the first whose lines name its groups, else the main
    part; checked against that part's lines."""
    said = {f.sheet for p in parts for f in p.findings if f.code == "summary-sheet-not-lines"}
    recaps = recaps + [r for t in unranked if t.sheet not in said and (r := group_summary(t))]
    read = [p for p in parts if p.records is not None]
    for recap in recaps if read else []:
        part = next((p for p in read if any(_key_of(r, recap.by) for r in p.records.rows)), read[0])
        records = part.records
        part.findings += group_findings(file, recap, records.rows, set(records.definition.field_names),
                                        records.table.sheet)
