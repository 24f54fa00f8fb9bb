"""The personal-data gate (UU 27/2022): no NIK, KK, phone number, e-mail address or list of
people's names is ever published.

Village files are typed by hand and sometimes carry a chairperson's phone number in
``keterangan``, a beneficiary's NIK in ``uraian``, or an attendance list with NIKs in a column of
its own. Any such value in a published text field, or in a column the schema does not know (never
published, but the file should not carry it), is an error that blocks the submission and names
the cell; the finding shows the value masked, so reports and the warehouse do not leak it either.
A field a dataset definition declares safe for a kind (``personal_data_safe`` in
``datasets/*.yaml``, e.g. the village office's e-mail in ``keterangan``) is not blocked for it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.form_paths import respondent_heading
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.records import Records
from desa_terbuka.validate.relation import connection, quote
from desa_terbuka.validate.personal_patterns import (
    KINDS,
    Hit,
    column_hits,
    find_personal,
    mask,
)

CODES = {"nik": "personal-data-nik", "phone": "personal-data-phone",
         "email": "personal-data-email", "names": "personal-data-names"}
KIND_TEXT = {"nik": Text("NIK/nomor KK", "NIK/family-card numbers"),
             "phone": Text("nomor telepon", "phone numbers"),
             "email": Text("alamat e-mail", "e-mail addresses"),
             "names": Text("nama orang (daftar hadir)", "people's names (an attendance list)")}

__all__ = ["CODES", "Hit", "find_personal", "mask", "personal_data_findings", "scanned_fields",
           "redacted", "total_amounts", "unread_line_findings"]


def scanned_fields(definition: DatasetDefinition) -> dict[str, frozenset[str]]:
    """Published free-text fields -> the kinds scanned there. Codes, enums, numbers and dates are
    typed by the schema, so they cannot hold a name or a phone number."""
    safe = definition.config.get("personal_data_safe") or {}
    return {f.name: frozenset(KINDS) - set(safe.get(f.name, ()))
            for f in definition.fields
            if f.type == "string" and "pattern" not in f.constraints and "enum" not in f.constraints}


def personal_data_findings(records: Records, loaded: str | None = None) -> list[Finding]:
    """Scan every text field of every record, and every cell of the columns no field reads.

    Descriptions repeat: each distinct text is scanned once, and only the rows holding a hit are
    visited again (``loaded``: the records in DuckDB, which lists both)."""
    table = records.table
    findings = []
    for name, kinds in scanned_fields(records.definition).items():
        if not kinds:
            continue
        for index, text, hits in _hits(records, name, kinds, loaded):
            for hit in hits:
                findings.append(Finding(CODES[hit.kind], table.file, table.sheet,
                                        records.row_numbers[index], name, mask(hit)))
    for number in sorted(records.typed_text):  # a number or date column written with text
        for name, text in records.typed_text[number].items():
            for hit in find_personal(text):
                findings.append(Finding(CODES[hit.kind], table.file, table.sheet, number, name,
                                        mask(hit)))
    return findings + _extra_column_findings(records)


def _hits(records: Records, name: str, kinds: frozenset[str], loaded: str | None):
    """(row index, text, hits) of the rows whose ``name`` holds personal data, in row order."""
    if loaded is None:
        texts = [row.get(name) or "" for row in records.rows]
        found = {text: hits for text in set(texts) if text and (hits := find_personal(text, kinds))}
        return [(k, text, found[text]) for k, text in enumerate(texts) if text in found] if found else []
    con = connection()
    distinct = con.execute(f"SELECT DISTINCT {quote(name)} FROM {loaded} WHERE {quote(name)} <> ''").fetchall()
    found = {text: hits for (text,) in distinct if (hits := find_personal(text, kinds))}
    if not found:
        return []
    rows = con.execute(f"SELECT _i, {quote(name)} FROM {loaded} WHERE {quote(name)} IN "
                       f"(SELECT unnest(?::VARCHAR[])) ORDER BY _i", [list(found)]).fetchall()
    return [(k, text, found[text]) for k, text in rows]


def _extra_column_findings(records: Records) -> list[Finding]:
    """One finding per column and kind: the rows, one masked example, the remedy (delete it)."""
    columns: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number in sorted(records.extras):
        for heading, text in records.extras[number].items():
            columns[heading].append((number, text))
    findings = []
    for heading, cells in columns.items():
        by_kind: dict[str, list[tuple[int, Hit]]] = defaultdict(list)
        for index, hit in column_hits(heading, [text for _, text in cells]):
            if hit.kind == "names" and respondent_heading(heading):
                continue  # who filled the form in: said as form-meta-personal, never published
            by_kind[hit.kind].append((cells[index][0], hit))
        for kind, hits in by_kind.items():
            rows = sorted({number for number, _ in hits})
            # a whole column of e-mail addresses is a form's respondent account (Google Forms
            # "Email Address"): never read, staged or published, so dropped with a warning
            code = "personal-data-column-dropped" if kind == "email" else "personal-data-column"
            findings.append(Finding(
                code, records.table.file, records.table.sheet, rows[0], heading,
                mask(hits[0][1]), params={"kind": KIND_TEXT[kind], "rows": ranges(rows),
                                          "count": len(rows)}))
    return findings


LINE_KINDS = frozenset({"nik", "phone", "email"})  # a signature's names are officials': public


def unread_line_findings(tables: list[RawTable], read: dict[str | None, set[int]],
                         reported: set[str], totals: dict | None = None) -> list[Finding]:
    """NIK/KK, phone and e-mail hits in every line no record was read from: a signature block,
    notes under the table, titles, a form's loose lines, a sheet of another kind. They are never
    published, but the file must not carry them. ``read``: sheet -> source rows read as
    records (scanned by ``personal_data_findings``); ``reported``: masked values already
    reported there (a form's lines are both); ``totals``: (sheet, row) -> the amount cells of a
    total line (``total_amounts``), checked against its lines as amounts, never phone numbers."""
    findings = []
    for table in tables:
        done = read.get(table.sheet, set())
        for cells, number in zip(table.rows, table.row_numbers):
            if number in done:
                continue
            amounts = (totals or {}).get((table.sheet, number), set())
            for cell in cells:
                text = clean_text(cell)
                if text in amounts:
                    continue
                for hit in find_personal(text, LINE_KINDS) if text else []:
                    shown = mask(hit)
                    if shown not in reported:
                        reported.add(shown)
                        findings.append(Finding("personal-data-line", table.file, table.sheet,
                                                number, None, shown,
                                                params={"kind": KIND_TEXT[hit.kind]}))
    return findings


def total_amounts(records) -> dict[tuple[str | None, int], set[str]]:
    """(sheet, row) -> the amount cells of each total line the records' report shape checks."""
    found: dict[tuple[str | None, int], set[str]] = {}
    for total in getattr(records.shape, "totals", None) or []:
        found.setdefault((records.table.sheet, total.row), set()).update(
            t for v in total.cells.values() if (t := clean_text(v)))
    return found


def redacted(finding: Finding) -> Finding:
    """The finding with every NIK/KK, phone and e-mail in its echoed value and text parameters
    masked: a phone number typed in a code column is an invalid code, and its report must not
    show the number either."""
    def masked(text: str) -> str:
        for hit in find_personal(text, LINE_KINDS):
            text = text.replace(hit.text, mask(hit))
        return text
    value = masked(finding.value) if finding.value else finding.value
    params = {k: masked(v) if type(v) is str else v for k, v in finding.params.items()}
    if value == finding.value and params == finding.params:
        return finding
    return replace(finding, value=value, params=params)
