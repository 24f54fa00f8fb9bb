"""Derive what a file leaves out but its data settles, and say so (an ``info`` finding each).

Which derivations a record type uses is declared in ``datasets/<type>.yaml`` (``derive``):
- ``tahap_from_data``: no stage in a column, title or file name: realisasi filled means a
  realisation report, none means a budget;
- ``status_from_progress``: no status: 0 % is rencana, 100 % selesai, anything between berjalan;
- ``activity_only_on_spending``: revenue and financing lines take no kegiatan code;
- ``uraian_from_chart``: no description: the name written after the code in the same cell
  ("4.1.1. Hasil Usaha Desa"), else the account's name in the Permendagri 20/2018 chart.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from desa_terbuka.core.definitions import normalise_heading
from desa_terbuka.core.reference import accounts, activities
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.records import Records
from desa_terbuka.normalise.source_amounts import source_amounts
from desa_terbuka.normalise.table_rows import TableRows
from desa_terbuka.normalise.values import read_code, read_value, refined_value


# Where a derivation changes a row, as SQL over the records' text (None: only when a field it
# fills is absent from the heading); the fields it would fill when absent. Set-based readers
# (rows in DuckDB, a batch of files) run the derivations only where one may act.
ROW_TRIGGERS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "tahap_from_data": (None, ("tahap",)),
    "activity_only_on_spending": ("kode_kegiatan <> '' AND left(kode_rekening, 1) IN ('4', '6')", ()),
    "uraian_from_chart": ("uraian = ''", ("uraian",)),
    "kegiatan_from_name": ("kode_kegiatan = ''", ("kode_kegiatan",)),
    "status_from_progress": ("status = ''", ("status",)),
    "attendance_total": ("jumlah_hadir = ''", ("jumlah_hadir",)),
    "source_amounts": (None, ("anggaran", "sumber_dana")),
}


def triggers(definition) -> list[tuple[str | None, tuple[str, ...]]] | None:
    """``ROW_TRIGGERS`` of the definition's derivations; None when one has no such row."""
    found = []
    for name in definition.config.get("derive") or []:
        if name == "values_from_title":  # a required descriptive field the file lacks (or, under
            # a title naming it, rows naming none: no title in a canonical CSV)
            found.append((None, tuple(n for n in definition.config.get("values") or {}
                                      if definition.field(n).required)))
        elif name == "values_from_text":  # a row read as the generic value, with its agenda
            found.append((_refine_sql(definition), ()))
        elif name in ROW_TRIGGERS:
            found.append(ROW_TRIGGERS[name])
        else:
            return None
    return found


def _refine_sql(definition) -> str:
    """Rows ``values_from_text`` may change: the generic value beside a filled source field."""
    parts = []
    for name, spec in (definition.config.get("values") or {}).items():
        sources = [f"{source} <> ''" for source in spec.get("refine_from") or []]
        if spec.get("generic") and sources:
            parts.append(f"({name} = {_quoted(spec['generic'])} AND ({' OR '.join(sources)}))")
    return " OR ".join(parts) or "FALSE"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def trigger_sql(definition, present: set[str]) -> str | None:
    """SQL that holds for the rows a derivation may change, for a file that gave ``present``;
    None when that is no row condition (a derivation without a trigger, or one that would
    fill a field the file lacks: it may act on any row); '' when none may act."""
    found = triggers(definition)
    if found is None or any(n not in present for _, fills in found for n in fills):
        return None
    return " OR ".join(f"({where})" for where, _ in found if where)


def derive(records: Records, present: set[str]) -> None:
    """Apply the definition's derivations; ``present``: fields the file gave (as columns or
    from its title and name). Rows still in DuckDB stay there unless a derivation may act."""
    rows = records.rows
    if isinstance(rows, TableRows) and rows.in_duckdb and not _may_act(records, present):
        return  # nothing to derive; a missing column is empty in every row, so stays missing
    _codes_from_names(records, present)  # before the derivations that read the codes
    for name in records.definition.config.get("derive") or []:
        _DERIVATIONS[name](records, present)
    width = len(records.definition.field_names)
    for row in records.rows:  # leftovers of codes written with their names (an extra key)
        if len(row) > width:
            for key in [k for k in row if k.startswith("__rest__")]:
                row.pop(key)
    if records.rows:  # a column the file lacks but a derivation filled is no longer missing
        records.findings = [f for f in records.findings if not (
            f.code == "missing-column" and all(row.get(f.field) for row in records.rows))]


def _may_act(records: Records, present: set[str]) -> bool:
    where = trigger_sql(records.definition, present)
    return where is None or bool(where and records.rows.count_where(where))


def _tahap_from_data(records: Records, present: set[str]) -> None:
    if "tahap" in present or not records.rows:
        return
    realised = any(row.get("realisasi") for row in records.rows)
    value = "realisasi_tahunan" if realised else "anggaran"
    reason = (Text(f"'{value}' karena kolom realisasi terisi",
                   f"'{value}' because the realisation column is filled") if realised else
              Text(f"'{value}' karena kolom realisasi kosong",
                   f"'{value}' because the realisation column is empty"))
    for row in records.rows:
        row["tahap"] = value
    records.note("value-derived", records.row_numbers[0], "tahap", None, reason=reason,
                 rows=ranges(records.row_numbers))


def _status_from_progress(records: Records, present: set[str]) -> None:
    derived: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(records.rows):
        if row.get("status") or (index, "progres_persen") in records.reported_cells:
            continue
        try:
            progress = Decimal(row.get("progres_persen") or "")
        except InvalidOperation:
            continue
        status = "rencana" if progress <= 0 else "selesai" if progress >= 100 else "berjalan"
        row["status"] = status
        derived[status].append(records.row_numbers[index])
    for status, numbers in derived.items():
        records.note("value-derived", numbers[0], "status", None, rows=ranges(numbers),
                     reason=Text(f"'{status}' dari progres persen", f"'{status}' from the progress percentage"))


def _uraian_from_chart(records: Records, present: set[str]) -> None:
    """No uraian: the name written after the code in the kode rekening cell ("4.1.1. Hasil Usaha
    Desa"), or, for a line per bidang on the belanja akun, in the kode kegiatan cell ("00.0000.01
    BIDANG …", OpenSID), else the chart's name of the code; each source said as it is."""
    chart = accounts()
    derived: dict[str, list[int]] = {}
    for row, number in zip(records.rows, records.row_numbers):
        if row.get("uraian"):
            continue
        rekening = row.get("kode_rekening", "")
        for source, name in (
                ("rekening", row.get("__rest__kode_rekening")),
                ("kegiatan", row.get("__rest__kode_kegiatan") if rekening.count(".") < 1 else ""),
                ("chart", getattr(chart.get(rekening), "uraian", ""))):
            if name:
                row["uraian"] = name
                derived.setdefault(source, []).append(number)
                break
    for source, rows in derived.items():
        records.note("value-derived", rows[0], "uraian", None, rows=ranges(rows),
                     reason=_URAIAN_SOURCES[source])


_URAIAN_SOURCES = {
    "rekening": Text("dari nama yang ditulis sesudah kode di sel kode rekening",
                     "from the name written after the code in the kode rekening cell"),
    "kegiatan": Text("dari nama bidang/kegiatan yang ditulis sesudah kode di sel kode kegiatan "
                     "(baris belanja per bidang)",
                     "from the bidang/activity name written after the code in the kode kegiatan "
                     "cell (a spending line per bidang)"),
    "chart": Text("nama rekening dari kode rekening", "the account name of the code"),
}


def _activity_only_on_spending(records: Records, present: set[str]) -> None:
    """Revenue and financing lines take no kegiatan (Siskeudes writes 00.00 there): a code on
    such a line is ignored, with a warning, rather than published against the wrong line."""
    for index, row in enumerate(records.rows):
        kegiatan, rekening = row.get("kode_kegiatan", ""), row.get("kode_rekening", "")
        if kegiatan and rekening[:1] in ("4", "6") and (index, "kode_kegiatan") not in records.reported_cells:
            records.note("activity-mismatch", records.row_numbers[index], "kode_kegiatan", kegiatan,
                         reason=Text("pendapatan/pembiayaan", "revenue/financing"),
                         example=Text("kode kegiatan hanya untuk baris belanja",
                                      "activity codes are for spending lines only"))
            row["kode_kegiatan"] = ""


def _attendance_total(records: Records, present: set[str]) -> None:
    """jumlah_hadir = laki-laki + perempuan when the file gives only the two."""
    derived = []
    for index, row in enumerate(records.rows):
        men, women = row.get("hadir_laki_laki") or "", row.get("hadir_perempuan") or ""
        if row.get("jumlah_hadir") or not (men.isdigit() and women.isdigit()):
            continue  # an unreported count leaves the total unknown
        row["jumlah_hadir"] = str(int(men or 0) + int(women or 0))
        derived.append(records.row_numbers[index])
    if derived:
        records.note("value-derived", derived[0], "jumlah_hadir", None, rows=ranges(derived),
                     reason=Text("dari hadir laki-laki + perempuan", "from men + women attending"))


def _values_from_title(records: Records, present: set[str]) -> None:
    """A required descriptive column the file lacks, named once in its title ("REKAP MUSYAWARAH
    DUSUN (MUSDUS)"): every row takes that value."""
    definition = records.definition
    for name in definition.config.get("values") or {}:
        f = definition.field(name)
        if not f.required or not records.rows or not records.title:
            continue
        reading = read_value(definition, name, records.title)
        if reading.how != "synonym":
            continue
        if name in present:
            _unnamed_from_title(records, name, reading.value)
            continue
        for row in records.rows:
            row[name] = reading.value
        records.note("value-derived", records.row_numbers[0], name, None,
                     rows=ranges(records.row_numbers),
                     reason=Text(f"'{reading.value}' dari judul berkas", f"'{reading.value}' from the file's title"))


def _unnamed_from_title(records: Records, name: str, value: str) -> None:
    """Rows whose own cell names no value ("Pembahasan usulan warga" under "Kegiatan", read as
    the catch-all by fallback) take the specific one the sheet's title names ("REKAP MUSDUS"):
    the title says what every line of it is. The text stays as written (``as_written``)."""
    spec = (records.definition.config.get("values") or {}).get(name) or {}
    if value in (spec.get("fallback"), spec.get("generic")) or not spec.get("as_written"):
        return
    changed: dict[str, list[int]] = defaultdict(list)
    for row, number in zip(records.rows, records.row_numbers):
        written = row.get(spec["as_written"]) or ""
        if row.get(name) == spec.get("fallback") and written \
                and read_value(records.definition, name, written).how == "fallback":
            row[name] = value
            changed[written].append(number)
    rows = {n for numbers in changed.values() for n in numbers}
    records.findings = [f for f in records.findings
                        if not (f.code == "value-fallback" and f.field == name and f.row in rows)]
    for written, numbers in changed.items():
        records.note("value-from-title", numbers[0], name, written, canonical=value,
                     rows=ranges(numbers))


def _values_from_text(records: Records, present: set[str]) -> None:
    """A row read as the generic value ("Musdes", "Musyawarah Desa" of the title) takes the
    specific one its agenda names ("Penetapan APBDes TA 2025"): ``values.<field>.refine_from``.
    Not a row whose own text names no value at all ("Rapat RT": the catch-all by fallback):
    an RT meeting about the RKPDes is no Musdes RKPDes."""
    definition = records.definition
    for name, spec in (definition.config.get("values") or {}).items():
        derived: dict[str, list[int]] = defaultdict(list)
        written_in = spec.get("as_written")
        for row, number in zip(records.rows, records.row_numbers):
            written = row.get(written_in) if written_in else ""
            if written and read_value(definition, name, written).how == "fallback":
                continue
            for source in spec.get("refine_from") or []:
                value = refined_value(definition, name, row.get(name) or "", row.get(source) or "")
                if value:
                    row[name] = value
                    derived[f"{value}\x00{source}"].append(number)
                    break
        for key, numbers in derived.items():
            value, source = key.split("\x00")
            records.note("value-refined", numbers[0], name, None, rows=ranges(numbers),
                         generic=spec["generic"], canonical=value, source=source)
        if derived and not any(row.get(name) == spec.get("fallback") for row in records.rows):
            records.findings = [f for f in records.findings  # every catch-all was refined
                                if not (f.code == "value-fallback" and f.field == name)]


def _kegiatan_from_name(records: Records, present: set[str]) -> None:
    """A kegiatan without its code (OpenSID's pembangunan module writes none) takes the code
    of the one Permendagri 20/2018 kegiatan its name is, or begins with ("Pembangunan Jalan
    Usaha Tani Blok C": "Pembangunan/…/Pengerasan Jalan Usaha Tani"), closely and unambiguously;
    each match is named. The others are published without a code (village, year, name and
    amount attribute them), said once for the file."""
    if not records.rows:
        return
    found: dict[str, list[int]] = defaultdict(list)
    uncoded = []
    for row, number in zip(records.rows, records.row_numbers):
        if row.get("kode_kegiatan") or not row.get("nama_kegiatan"):
            continue
        code = activity_of_name(row["nama_kegiatan"])
        if code:
            row["kode_kegiatan"] = code
            found[code].append(number)
        else:
            uncoded.append(number)
    for code, numbers in found.items():
        records.note("activity-code-from-name", numbers[0], "kode_kegiatan", code, rows=ranges(numbers),
                     uraian=activities()[code].uraian)
    if uncoded:
        records.note("activity-code-missing", uncoded[0], "kode_kegiatan", None, rows=ranges(uncoded),
                     count=len(uncoded))


def activity_of_name(name: str) -> str | None:
    """The code of the one kegiatan ``name`` names: exactly, spelt closely, or as its name's
    first words (a Permendagri name's first word may list alternatives: "Pembangunan/Rehabilitasi
    Jalan Desa"); None when none or several fit."""
    exact, variants = _activity_names()
    key = normalise_heading(name)
    if key in exact:
        return exact[key]
    close = difflib.get_close_matches(key, list(exact), n=2, cutoff=0.9)
    if len(close) == 1:
        return exact[close[0]]
    begins = [(len(v), codes) for v, codes in variants.items() if key == v or key.startswith(v + " ")]
    if not begins:
        return None
    longest = max(length for length, _ in begins)
    codes = set().union(*(c for length, c in begins if length == longest))
    return codes.pop() if len(codes) == 1 else None


_NAMES: list[tuple[dict[str, str], dict[str, set[str]]]] = []


def _activity_names() -> tuple[dict[str, str], dict[str, set[str]]]:
    """(name -> code, name variant -> codes) of the Permendagri kegiatan (built once)."""
    if not _NAMES:
        exact, variants = {}, defaultdict(set)
        for a in activities().values():
            if a.level != "kegiatan":
                continue
            exact[normalise_heading(a.uraian)] = a.kode
            first, _, rest = a.uraian.partition(" ")
            for word in first.split("/") if rest else ():
                if word.strip():
                    variants[normalise_heading(f"{word} {rest}")].add(a.kode)
        _NAMES.append((exact, dict(variants)))
    return _NAMES[0]


def _codes_from_names(records: Records, present: set[str]) -> None:
    """A name cell that begins with its code ("2.3.10 Pengerasan Jalan Blok C", code and name on
    two lines) when no column holds the code (``code_in_name``, any record type): the code is
    taken from there and the name kept without it."""
    definition = records.definition
    for code_field, name_field in (definition.config.get("code_in_name") or {}).items():
        if code_field in present:
            continue
        derived = []
        for row, number in zip(records.rows, records.row_numbers):
            if row.get(code_field):
                continue
            code, rest = read_code(definition, code_field, row.get(name_field) or "")
            if code and rest:
                row[code_field], row[name_field] = code, rest
                derived.append(number)
        if derived:
            records.note("value-derived", derived[0], code_field, None, rows=ranges(derived),
                         reason=Text(f"dari awal sel {name_field} (kodenya dipisah dari nama)",
                                     f"from the start of the {name_field} cell (code split from the name)"))


_DERIVATIONS = {
    "kegiatan_from_name": _kegiatan_from_name,
    "values_from_title": _values_from_title,
    "values_from_text": _values_from_text,
    "attendance_total": _attendance_total,
    "activity_only_on_spending": _activity_only_on_spending,
    "tahap_from_data": _tahap_from_data,
    "status_from_progress": _status_from_progress,
    "uraian_from_chart": _uraian_from_chart,
    "source_amounts": source_amounts,
}
