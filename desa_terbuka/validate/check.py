"""One submission from file to verdict: read, recognise, normalise, validate.

Used by ``desa check`` and by the pipeline, so an operator sees exactly what the run would see.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from desa_terbuka.collect.base import ReadError, Submission
from desa_terbuka.collect.inbox import describe
from desa_terbuka.collect.read import read_tables
from desa_terbuka.core.definitions import (
    DatasetDefinition,
    definitions,
    normalise_heading,
)
from desa_terbuka.core.findings import Finding, capped, has_errors, order
from desa_terbuka.normalise.budget_summary import summary_refusal
from desa_terbuka.normalise.cash_book import cash_book_refusal
from desa_terbuka.normalise.canonical import canonical_header, read_canonical
from desa_terbuka.normalise.code_values import (
    read_unheaded_codes,
    said_bidang_codes,
    said_split,
    split_codes_in_names,
)
from desa_terbuka.normalise.context import fill_columns, read_context
from desa_terbuka.normalise.year_choice import settle_year_columns
from desa_terbuka.normalise.derive import derive
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.code_spans import join_code_spans
from desa_terbuka.normalise.lines import classify, keep_data, note_lines, ranges
from desa_terbuka.normalise.matrix import unpivot
from desa_terbuka.normalise.name_span import split_name_spans
from desa_terbuka.normalise.sex_rows import fold_sex_rows
from desa_terbuka.normalise.record_type import first_headings, missing_titles, needed_headings, ranked
from desa_terbuka.normalise.records import Records, normalise, number_lines
from desa_terbuka.normalise.report_sheet import reshape
from desa_terbuka.normalise.siskeudes_codes import siskeudes_codes
from desa_terbuka.normalise.table_rows import distinct
from desa_terbuka.normalise.form_responses import as_response_lines
from desa_terbuka.normalise.transposed import as_columns, placed
from desa_terbuka.normalise.vertical import FormTable, as_record, labels_unused
from desa_terbuka.normalise.village_column import internal_village_numbers
from desa_terbuka.normalise.wrapped_names import join_wrapped_names
from desa_terbuka.validate.cell_safety import executable_cell_findings
from desa_terbuka.validate.conflicts import row_conflicts
from desa_terbuka.validate.expectations import run_expectations
from desa_terbuka.validate.group_summary import recap_findings, set_aside
from desa_terbuka.validate.personal_data import (
    personal_data_findings,
    redacted,
    total_amounts,
    unread_line_findings,
)
from desa_terbuka.validate.relation import connection, loaded
from desa_terbuka.validate.schema import Engine, validate
from desa_terbuka.validate.sheets import (
    combined,
    joinable,
    lost_heading,
    same_headings,
    sheet_findings,
)
from desa_terbuka.validate.summary_sheet import summary_findings
from desa_terbuka.validate.totals import check_totals


@dataclass
class CheckedSubmission:
    submission: Submission
    record_type: str | None
    records: Records | None
    findings: list[Finding] = field(default_factory=list)
    # the records of each sheet when several sheets of the type were read as one table
    pieces: list[Records] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.records is not None and bool(self.records.rows) and not has_errors(self.findings)

    @property
    def rows(self) -> list[dict[str, str]]:
        return self.records.rows if self.records else []

    @property
    def villages(self) -> list[str]:
        return sorted(v for v in distinct(self.rows, "kode_desa") if v)

    @property
    def years(self) -> list[int]:
        if not self.records:
            return []
        definition = self.records.definition
        name = definition.year_field
        return sorted({y for v in distinct(self.rows, name) if (y := year_of({name: v}, definition))})

    @property
    def sheet(self) -> str | None:
        return self.records.table.sheet if self.records else None

    @property
    def sources(self) -> dict[str, str]:
        """Field -> where its values came from when the table had no such column."""
        return dict(self.records.sources) if self.records else {}

    @property
    def encoding(self) -> str | None:
        return self.records.table.encoding if self.records else None


def year_of(row: dict[str, str], definition: DatasetDefinition) -> int | None:
    """The resource year of a canonical row (an integer field, or the year of a date field)."""
    value = row.get(definition.year_field, "")
    head = value[:4]
    return int(head) if head.isdigit() and len(head) == 4 else None


def check_file(path: Path, record_type: str | None = None,
               submission: Submission | None = None, *,
               expectations: bool = True) -> CheckedSubmission:
    """The main part of one file (see ``check_parts``): the record type it holds best."""
    return check_parts(path, record_type, submission, expectations=expectations)[0]


def check_parts(path: Path, record_type: str | None = None,
                submission: Submission | None = None, *,
                expectations: bool = True) -> list[CheckedSubmission]:
    """Everything known about one file, one part per record type its sheets hold (a village
    workbook with its APBDes and its RKPDes sheets gives two); bad data gives findings, never an
    exception. Several sheets with one record type are read as one table (a sheet per dusun or
    bidang); summary sheets, and versions of the data under other years' names, are named.

    ``expectations=False`` skips the Great Expectations suites (schema and reference checks only).
    Each rule lists at most its ``examples`` findings per file (``rules/*.yaml``), the others
    counted in a ``findings-omitted`` finding; the verdict is the same.
    """
    parts = _parts(path, record_type, submission or describe(path), expectations)
    for part in parts:  # bounded reports that never echo personal data
        part.findings[:] = [redacted(f) for f in capped(part.findings)]
    return parts


def _parts(path: Path, record_type: str | None, submission: Submission,
           expectations: bool) -> list[CheckedSubmission]:
    file = str(path)
    fast = _fast_path(path, record_type, submission, expectations)
    if fast is not None:
        return [fast]
    try:
        tables = read_tables(path)
    except ReadError as problem:
        return [CheckedSubmission(submission, record_type, None,
                                  [Finding("file-unreadable", file, params={"reason": problem.reason})])]
    if not any(any(clean_text(c) for c in row) for t in tables for row in t.rows):
        return [CheckedSubmission(submission, record_type, None, [Finding("file-empty", file)])]
    # every line as read, for the personal-data scan of the lines normalising drops (in place)
    raw = [replace(t, rows=list(t.rows), row_numbers=list(t.row_numbers)) for t in tables]
    candidates = [definitions()[record_type]] if record_type else list(definitions().values())
    # a form (label : value) is one record; headings down the first column: a table transposed
    # a form's responses with the accounts as columns (APBDes): one line per answered account
    tables = [record_type in (None, "apbdes") and as_response_lines(t) or t for t in tables]
    tables = [as_record(t) or as_columns(t, candidates) or t for t in tables]
    best: dict[str, tuple] = {}  # record type -> (score, table, header), each sheet its best type
    others: dict[str, list[tuple]] = {}  # record type -> (score, table, header) of the sheets not read
    unranked = []  # sheets no type reads (a summary sheet): said when they total sections
    for table in tables:
        found = ranked([table], candidates)
        if not found or not _has_data(table, found[0][3]):
            unranked.append(table)
            continue
        score, _, definition, header = found[0]
        kind = definition.record_type
        if kind not in best or score > best[kind][0]:
            if kind in best:
                others.setdefault(kind, []).append(best[kind])
            best[kind] = (score, table, header)
        else:
            others.setdefault(kind, []).append((score, table, header))
    recaps = set_aside(best, others)  # totals per sumber dana or bidang: a summary, no lines
    mapped = {name for _, _, header in best.values() for name in header.columns.values()}
    if record_type in (None, "apbdes") and (refusal := summary_refusal(tables, file, mapped)):
        return [CheckedSubmission(submission, "apbdes", None, [refusal])]  # an infografis
    if refusal := cash_book_refusal(raw, file):  # transactions by date, no records
        return [CheckedSubmission(submission, record_type or next(iter(best), None), None, [refusal])]
    if not best:
        found = ranked(tables, candidates)
        if found:  # headings but no data anywhere: the best reading says so
            best[found[0][2].record_type] = (found[0][0], found[0][1], found[0][3])
        else:
            return [CheckedSubmission(submission, record_type, None, [Finding(
                "type-columns-missing", file, tables[0].sheet, params={
                    "record_type": record_type, "headers": first_headings(tables),
                    "missing": missing_titles(tables, candidates[0])}) if record_type else Finding(
                "unknown-record-type", file, tables[0].sheet,
                params={"headers": first_headings(tables), "needs": needed_headings(candidates)}),
                *[f for t in tables for f in t.findings],  # e.g. the delimiter hint
                *unread_line_findings(raw, {}, set())])]
    reader_findings = [f for t in tables for f in t.findings]
    parts = []
    for kind, main in sorted(best.items(), key=lambda item: item[1][0], reverse=True):
        definition = definitions()[kind]
        group, left = _joined(main, others.get(kind, []), tables)
        if len(group) > 1:
            part = _check_sheets(submission, path, group, definition, reader_findings, expectations)
        else:
            part = _check_table(submission, path, main[1], definition, main[2], reader_findings,
                                expectations)
        part.findings[:0] = [_ignored(file, main[1].sheet, definition, other) for other in left]
        if kind == "apbdes" and part.records is not None:
            part.findings += summary_findings(file, unranked, part.records.rows)
        parts.append(part)
    recap_findings(file, recaps, unranked, parts)
    unread = _unread_lines(raw, parts)
    for part in parts:
        part.findings[:] = order(part.findings + unread)
    return parts


def _joined(main: tuple, others: list[tuple], tables: list) -> tuple[list[tuple], list[tuple]]:
    """The sheets read with ``main`` as one table, in sheet order: every other sheet of its type
    under the same headings that names the required ones, or lost one; under other headings when
    it names them outright (a sheet per section), not merely by their words (another type's
    table read so under ``--type``). Left unread: summaries, and the other versions of a
    workbook whose sheet names state different years."""
    data = [other for other in others
            if (other[0][0] >= 1 and (other[0][2] >= 1 or same_headings(main[2], other[2])))
            or lost_heading(main, other)]
    if not data or not joinable([t.sheet for _, t, _ in [main, *data]]):
        return [main], others
    order = {id(t): i for i, t in enumerate(tables)}
    group = sorted([main, *data], key=lambda item: order[id(item[1])])
    return group, [other for other in others if not any(other is d for d in data)]


def _check_sheets(submission: Submission, path: Path, group: list[tuple],
                  definition: DatasetDefinition, reader_findings: list[Finding],
                  expectations: bool) -> CheckedSubmission:
    """Several sheets of one type: each read and checked with its own title rows and totals,
    then one part of all their lines (``validate/sheets.py``)."""
    pieces = [_check_table(submission, path, table, definition, header,
                           reader_findings if i == 0 else [], expectations)
              for i, (_, table, header) in enumerate(group)]
    records = [p.records for p in pieces if p.records is not None]
    merged = combined(records, year_of)
    findings = sheet_findings(str(path), records, year_of)
    findings += [f for p in pieces for f in p.findings]
    return CheckedSubmission(submission, definition.record_type, merged, findings, pieces=records)


def _ignored(file: str, sheet: str | None, definition: DatasetDefinition, other: tuple) -> Finding:
    """Another sheet of the same type is not read: a warning when it could hold records (the
    operator may have sent the wrong one), information when its headings lack a required column
    (a summary or infographic sheet: no line items; a form, one of the records listed)."""
    score, table, header = other
    params = {"reason": definition.record_type, "sheet": sheet}
    if score[0] >= 1:
        return Finding("sheet-ignored", file, sheet, None, None, table.sheet or "", params=params)
    missing = missing_titles([table], definition)
    # a form (one berita acara, "label : value") beside a sheet of rows: one of the records that
    # sheet lists, not a summary; read, it would count the meeting twice
    code = "sheet-form-of-list" if isinstance(table, FormTable) else "sheet-summary-ignored"
    return Finding(code, file, sheet, None, None, table.sheet or "",
                   params={**params, "missing": missing})


def _unread_lines(raw: list, parts: list[CheckedSubmission]) -> list[Finding]:
    """Personal data in the lines of the file no part read as a record (every sheet's)."""
    read: dict[str | None, set[int]] = {}
    totals: dict = {}
    for part in parts:
        for records in part.pieces or ([part.records] if part.records else []):
            read.setdefault(records.table.sheet, set()).update(records.row_numbers)
            totals.update(total_amounts(records))  # a JUMLAH of 628.550.000 is no phone number
    reported = {f.value for part in parts for f in part.findings
                if f.code.startswith("personal-data") and f.value}
    return unread_line_findings(raw, read, reported, totals)


def _fast_path(path: Path, record_type: str | None, submission: Submission,
               expectations: bool) -> CheckedSubmission | None:
    """A CSV in the canonical layout, read by DuckDB (``normalise/canonical.py``); None when the
    tolerant readers must read it. Same findings either way."""
    if not FAST_PATH:
        return None
    candidates = [definitions()[record_type]] if record_type else list(definitions().values())
    found = canonical_header(path, candidates)
    if found is None:
        return None
    definition, names = found
    read = read_canonical(connection(), path, definition, names)
    if read is None:
        return None
    records, context = read
    derive(records, {f.name for f in definition.input_fields if f.name in names} | set(records.sources))
    number_lines(records, year_of)
    findings = context.findings + [f for f in records.findings
                                   if not (f.code == "missing-column" and f.field in context.explained)]
    findings += validate_records(records, context, expectations)
    return CheckedSubmission(submission, definition.record_type, records, order(findings))


FAST_PATH = True  # tests switch it off to compare with the tolerant readers


def _has_data(table, header) -> bool:
    return any(any(col < len(row) and clean_text(row[col]) for col in header.columns)
               for row in table.rows[header.row_index + 1:])


def _check_table(submission: Submission, path: Path, table, definition: DatasetDefinition, header,
                 reader_findings: list[Finding], expectations: bool) -> CheckedSubmission:
    at = placed(table, header)  # where cells are in the sheet: a sideways table, a form
    records, context = read_records(path, table, definition, header)
    findings = reader_findings + context.findings + labels_unused(table, [
        f for f in records.findings  # a column the context could not fill: its error says why
        if not (f.code == "missing-column" and f.field in context.explained)])
    if not records.rows:
        if not has_errors(reader_findings):  # e.g. a legacy Siskeudes export is not "empty"
            findings.append(Finding("file-empty", str(path), table.sheet))
    else:
        findings += validate_records(records, context, expectations)
    findings = at(findings)
    return CheckedSubmission(submission, definition.record_type, records, findings)


def read_records(path: Path, table, definition: DatasetDefinition, header):
    """Normalise one table: report shape, the file's context, cells, derived values, line numbers."""
    split_name_spans(table, header, definition)  # "Uraian" over the code columns too
    join_code_spans(table, header, definition)
    unpivot(table, header, definition)  # "SUMBER DANA" over DDS | ADD | …: a line per source
    joined = fold_sex_rows(table, header, definition)  # an L row and a P row per meeting
    unheaded = read_unheaded_codes(table, header, definition)  # "4 / 4.1 / 4.1.1", heading blank
    context = read_context(table, header.top, path, definition)
    settle_year_columns(table, header, definition, context)  # "Anggaran TA 2024 | TA 2025"
    own = set(header.columns)
    lines = classify(table.rows, table.row_numbers, header.columns, header.row_index + 1,
                     definition, own, header.written)
    notes = note_lines(table, lines)  # "Nilai dalam Rp ribuan" under the table
    keep_data(table, header.row_index, lines)  # signatures, notes, repeated headings, 1 2 3 …
    wrapped = join_wrapped_names(table, header, definition, own)  # a long name's second row
    # "4.2.1.01 - Dana Desa": the code its own column, before the report rows are read
    in_names = split_codes_in_names(table, header, definition, header.codes_in_names)
    unheaded += said_bidang_codes(table, header, definition)  # bidang 4 is no account 4 Pendapatan
    shape = reshape(table, definition, header)  # report-shaped sheets: lines only, totals kept
    context.findings += siskeudes_codes(table, header, definition, context)  # Ta_RABRinci saved alone
    context.findings += internal_village_numbers(table, header, definition, context)  # id_desa 1
    own &= set(header.columns)  # an unmapped Siskeudes Kd_Desa column is no kode desa column
    sources = {**shape.sources, **fill_columns(table, header, definition, context)}
    skipped = {**lines.skipped, **({"report": shape.skipped} if shape.skipped else {}),
               **({"blank": shape.blank} if shape.blank else {})}
    records = normalise(table, definition, header, own=own, skipped=skipped, notes=notes)
    records.sources = sources
    present = {header.columns[c] for c in own if c in header.columns} | set(sources)
    if wrapped:
        records.note("name-continued", wrapped.rows[0], wrapped.name, None,
                     rows=ranges(wrapped.rows), count=len(wrapped.rows))
    for code, row, name, params in joined + unheaded + said_split(in_names, definition) + shape.said:
        records.note(code, row, name, None, **params)
    derive(records, present)
    number_lines(records, year_of)
    records.shape = shape
    return records, context


def validate_records(records: Records, context, expectations: bool = True,
                     engine: Engine = "sql") -> list[Finding]:
    """Every check on normalised records, in one round: a row's error does not hide another
    row's, and business rules run on the rows the schema accepted.

    ``engine``: ``sql`` (set-based over one DuckDB table of the records) or ``reference``
    (Frictionless row by row, Great Expectations); they give the same findings."""
    if engine == "sql" and records.rows:
        with loaded(records) as table:
            return _validate_records(records, context, expectations, engine, table)
    return _validate_records(records, context, expectations, engine, None)


def _validate_records(records: Records, context, expectations: bool, engine: Engine,
                      table: str | None) -> list[Finding]:
    found = validate(records, engine, table)
    found += check_totals(records.shape, records)
    flagged = {(f.row, f.field) for f in records.findings + found}
    found += [f for f in row_conflicts(records, context, year_of) if (f.row, f.field) not in flagged]
    found += personal_data_findings(records, table)
    found += executable_cell_findings(records, table)
    if expectations:
        bad_rows = {f.row for f in records.findings + found if f.level == "error" and f.row}
        found += run_expectations(records, skip_rows=bad_rows, engine=engine, table=table)
    return found


__all__ = ["CheckedSubmission", "check_file", "year_of", "normalise_heading"]
