"""A small count table inside a form (a berita acara's "Rekapitulasi Daftar Hadir": No | Unsur |
L | P | Jumlah, with a JUMLAH row): its totals are the form's answers for the fields the dataset
declares in ``form_tables`` (read by their heading synonyms), so the attendance a form states in
a table is not lost. Only numbers are taken: the rows' labels (an unsur, or a person's name in a
daftar hadir) are never copied. A JUMLAH row that disagrees with its rows is a subtotal mismatch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition, definitions, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.values import read_count

MIN_COLUMNS = 2  # headings of at least two of the declared fields make a count table


@dataclass
class FormTable:
    """The totals of one count table, the rows it spans (0-based) and what was reported."""

    totals: dict[str, int]
    rows: list[int]
    findings: list[Finding] = field(default_factory=list)
    # the table's heading names a field that identifies a record (a meeting's date or kind): it
    # lists records, it is no breakdown of one form's counts
    names_records: bool = False


def _number(value) -> int | None:
    value = read_count(value)[0]  # '8 orang' is 8, as in a form line
    text = clean_text(value).replace(".", "") if isinstance(value, str) else value
    if text is None or text == "" or isinstance(text, bool):
        return None
    try:
        number = Decimal(str(text))
    except InvalidOperation:
        return None
    return int(number) if number == number.to_integral_value() and number >= 0 else None


def _columns(row: list, definition: DatasetDefinition) -> dict[int, str]:
    """Column index -> declared field, when this row is the count table's heading row."""
    wanted = set(definition.config.get("form_tables") or [])
    aliases = {k: v for k, v in definition.header_aliases().items() if v in wanted}
    words = {normalise_heading(w) for w in definition.config["report_rows"]["total_words"]}
    last = (definition.config.get("form_tables") or [""])[-1]  # the row's total: 'Jumlah', 'Total'
    found: dict[int, str] = {}
    for index, cell in enumerate(row):
        heading = normalise_heading(clean_text(cell))
        name = aliases.get(heading) or (last if heading in words else None)
        if name and name not in found.values():
            found[index] = name
    return found if len(found) >= MIN_COLUMNS else {}


def _above(table: RawTable, i: int, skip: set[int], columns: dict[int, str],
           definition: DatasetDefinition) -> dict[int, str]:
    """The columns a heading row above names ("Jumlah Undangan" merged over two heading rows, beside
    "Hadir" over "L | P | Jumlah"): fields and columns not named below."""
    if i == 0 or i - 1 in skip:
        return columns
    wanted = set(definition.config.get("form_tables") or [])
    aliases = {k: v for k, v in definition.header_aliases().items() if v in wanted}
    out = dict(columns)
    for index, cell in enumerate(table.rows[i - 1]):
        name = aliases.get(normalise_heading(clean_text(cell)))
        if name and index not in out and name not in out.values():
            out[index] = name
    return out


def _names_records(table: RawTable, i: int, definition: DatasetDefinition) -> bool:
    """The heading row (or the one above) names a required field other than the counts."""
    required = {f.name for f in definition.input_fields if f.required} - set(definition.config.get("form_tables") or [])
    aliases = definition.header_aliases()
    cells = [normalise_heading(clean_text(c)) for r in table.rows[max(0, i - 1):i + 1] for c in r]
    return any(aliases.get(c) in required for c in cells if c)


def _is_total(row: list, columns: dict[int, str], words: list[str]) -> bool:
    texts = [normalise_heading(clean_text(c)) for i, c in enumerate(row) if i not in columns]
    return any(t.split(" ")[0] in words for t in texts if t)


def _read(table: RawTable, start: int, columns: dict[int, str],
          definition: DatasetDefinition, title: str) -> FormTable:
    words = [normalise_heading(w) for w in definition.config["report_rows"]["total_words"]]
    sums = dict.fromkeys(columns.values(), 0)
    stated: dict[str, int] | None = None
    total_row, last = None, start
    for i in range(start + 1, len(table.rows)):
        row = list(table.rows[i])
        numbers = {name: _number(row[c]) if c < len(row) else None for c, name in columns.items()}
        if all(n is None for n in numbers.values()):
            break  # a blank line or the signatures: the table has ended
        last = i
        if _is_total(row, columns, words):
            stated, total_row = {k: v for k, v in numbers.items() if v is not None}, i
            break
        for name, n in numbers.items():
            sums[name] += n or 0
    rows = list(range(start, last + 1))
    where = {"file": table.file, "sheet": table.sheet}
    findings = []
    if stated is not None:
        for name, value in stated.items():
            if value != sums[name]:
                findings.append(Finding("subtotal-mismatch", **where, row=table.row_numbers[total_row],
                                        field=name, value=str(value), params={
                                            "label": clean_text(" ".join(clean_text(c) for c in table.rows[total_row]
                                                                        if _number(c) is None)),
                                            "stated": value, "computed": sums[name],
                                            "difference": value - sums[name]}))
        totals = {**sums, **stated}
    else:
        totals = sums
    findings.append(Finding("form-table-totals", **where, row=table.row_numbers[start], value=title, params={
        "totals": ", ".join(f"{name} {value}" for name, value in totals.items()),
        "rows": f"{table.row_numbers[start + 1]}–{table.row_numbers[last]}",
        "source": Text("dari baris jumlahnya", "from its total row") if stated is not None
        else Text("dijumlahkan dari baris-barisnya (tanpa baris jumlah)", "summed over its rows (it has no total row)")}))
    return FormTable(totals, rows, findings)


def form_tables(table: RawTable, skip: set[int],
                candidates: list[DatasetDefinition] | None = None) -> FormTable | None:
    """The first count table of a declared kind in the form's lines outside ``skip`` (its
    label : value lines), or None."""
    candidates = [d for d in (candidates or definitions().values()) if d.config.get("form_tables")]
    for definition in candidates:
        for i, row in enumerate(table.rows):
            if i in skip:
                continue
            columns = _columns(list(row), definition)
            below = _columns(list(table.rows[i + 1]), definition) if i + 1 < len(table.rows) else {}
            if columns and below and i + 1 not in skip:  # "Hadir" over "L | P | Jumlah"
                continue
            if columns:
                columns = _above(table, i, skip, columns, definition)
                above = [clean_text(c) for c in table.rows[i - 1]] if i else []
                title = " ".join(c for c in above if c) if i - 1 not in skip else ""
                found = _read(table, i, columns, definition, title or " | ".join(
                    clean_text(c) for c in row if clean_text(c)))
                found.names_records = _names_records(table, i, definition)
                return found
    return None
