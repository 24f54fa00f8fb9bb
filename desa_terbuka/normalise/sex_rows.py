"""One meeting written as two rows, one per sex (a daftar hadir recap): No, Tanggal, Jenis, Tempat
merged over both rows, an "L/P" column labelling each row "L" or "P", and the counts of that sex
(per dusun, per unsur, and their Jumlah) beside it.

Read row by row, the label column becomes the men's count ("L" is not a number) and every
meeting two records. The two rows are one meeting: the label column is a label, the first row's
count (its total column, else the sum of its counts) is the men's or women's as labelled, the
counts' columns add up over the pair, and the attributes are the rows' shared (merged) values.

A pair is two adjacent rows labelled with the two sexes whose other, non-count cells agree (a
merged block is filled down by the reader) or are empty in the second row. Only a table whose
every labelled row is in a pair is folded. Which words label a sex is the total field's
``x-parts`` (``schemas/*.json``); the fields are ``attendance_parts`` (``datasets/*.yaml``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.text import ranges
from desa_terbuka.normalise.formats import clean_text, number_or_none
from desa_terbuka.normalise.headings import Header

MIN_PAIRS = 2


def _fields(definition: DatasetDefinition) -> tuple[str, list[str], dict[str, str]] | None:
    config = definition.config.get("attendance_parts") or {}
    total, counts = config.get("total"), config.get("counts") or []
    if not total or len(counts) != 2 or total not in definition.field_names:
        return None
    keys = definition.field(total).raw.get("x-parts") or {}
    return (total, counts, keys) if keys else None


def sex_of(text: Any, keys: dict[str, str]) -> str | None:
    """The count field a label names ("L", "Laki-laki", "Pr"), or None."""
    words = normalise_heading(clean_text(text)).split()
    targets = {keys.get(w) for w in words}
    return targets.pop() if words and len(words) <= 2 and len(targets) == 1 and None not in targets else None


def _plain(number: Decimal | None) -> Any:
    return int(number) if number is not None and number == number.to_integral_value() else number


def fold_sex_rows(table: RawTable, header: Header, definition: DatasetDefinition) -> list[tuple]:
    """Join each meeting's L row and P row into one row (in place); the information findings
    (code, row, field, params) to say so, or [] when the table has no such pairs."""
    fields = _fields(definition)
    if fields is None:
        return []
    total, (men, women), keys = fields
    start = header.row_index + 1
    rows = [list(r) for r in table.rows[start:]]
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        r += [None] * (width - len(r))
    label = _label_column(rows, width, keys)
    if label is None:
        return []
    sexes = [sex_of(r[label], keys) for r in rows]
    pairs, i = [], 0
    while i < len(rows) - 1:  # L, P, L, P: the pairs do not overlap
        if sexes[i] and sexes[i + 1] and sexes[i] != sexes[i + 1]:
            pairs.append(i)
            i += 1
        i += 1
    paired = {j for i in pairs for j in (i, i + 1)}
    if len(pairs) < MIN_PAIRS or any(s and i not in paired for i, s in enumerate(sexes)):
        return []
    counts = [c for c in range(width) if c != label and _is_count(rows, pairs, c, header, definition, total)]
    if not counts or any(not _same_meeting(rows[i], rows[i + 1], width, label, counts) for i in pairs):
        return []
    mapped = {name: c for c, name in header.columns.items() if c != label}
    if men in mapped or women in mapped:
        return []
    total_col = _total_column(header, definition, counts, mapped.get(total), total)
    words = {normalise_heading(w) for w in (definition.config.get("report_rows") or {}).get("total_words") or []}
    # "JUMLAH L" / "JUMLAH P" under the table: its total rows, joined the same way
    marks = {i: _total_sex(r, words, keys) for i, r in enumerate(rows) if i not in paired}
    for i in range(len(rows) - 1):
        a, b = marks.get(i), marks.get(i + 1)
        if a and b and a[0] == b[0] and a[1] != b[1] and i - 1 not in pairs:
            pairs.append(i)
    pairs.sort()
    labels = {i: (label, sexes[i], sexes[i + 1]) if sexes[i] else (marks[i][0], marks[i][1], marks[i + 1][1])
              for i in pairs}
    folded, numbers = [], []
    for i, row in enumerate(rows):
        if i - 1 in pairs:
            continue
        if i not in pairs:
            folded.append(row)
            numbers.append(table.row_numbers[start + i])
            continue
        first, second = row, rows[i + 1]
        joined = list(first)
        at, *pair_sexes = labels[i]
        by_sex = {}
        for part, sex in zip((first, second), pair_sexes):
            if total_col is not None:
                by_sex[sex] = number_or_none(part[total_col])
            else:
                by_sex[sex] = sum((number_or_none(part[c]) or 0 for c in counts), Decimal(0))
        for c in counts:
            a, b = number_or_none(first[c]), number_or_none(second[c])
            joined[c] = None if a is None and b is None else _plain((a or 0) + (b or 0))
        joined[label] = None
        if at != label:  # a total row: its total word stays
            joined[at] = normalise_heading(clean_text(first[at])).split()[0].upper()
        joined += [_plain(by_sex.get(men)), _plain(by_sex.get(women))]
        folded.append(joined)
        numbers.append(table.row_numbers[start + i])
    for r in folded:
        r += [None] * (width + 2 - len(r))
    heading = clean_text(header.written.get(label)) or "L/P"
    header.columns.pop(label, None)
    header.interpreted.pop(label, None)
    header.unknown.pop(label, None)
    header.columns[width], header.columns[width + 1] = men, women
    header.written[width], header.written[width + 1] = f"{heading} (L)", f"{heading} (P)"
    if total_col is not None and total not in mapped:
        header.unknown.pop(total_col, None)
        header.columns[total_col] = total
    first_rows = [table.row_numbers[start + i] for i in pairs if labels[i][0] == label]
    table.rows[start:] = folded
    table.row_numbers[start:] = numbers
    return [("attendance-rows-joined", first_rows[0], men, {
        "label": heading, "count": len(first_rows), "rows": ranges(first_rows)})]


def _total_sex(row: list[Any], words: set[str], keys: dict[str, str]) -> tuple[int, str] | None:
    """(column, count field) of a cell "JUMLAH L", "Total Perempuan", or None."""
    for c, value in enumerate(row):
        plain = normalise_heading(clean_text(value)).split()
        if len(plain) >= 2 and plain[0] in words and (sex := sex_of(" ".join(plain[1:]), keys)):
            return c, sex
    return None


def _label_column(rows: list[list[Any]], width: int, keys: dict[str, str]) -> int | None:
    """The column whose filled cells all label a sex, both sexes present."""
    for c in range(width):
        filled = [r[c] for r in rows if clean_text(r[c])]
        sexes = [sex_of(v, keys) for v in filled]
        if len(filled) >= 2 * MIN_PAIRS and None not in sexes and len(set(sexes)) == 2:
            return c
    return None


def _is_count(rows, pairs, c, header, definition, total) -> bool:
    """A column of numbers that differ within some pair (the merged No, the same in both, does
    not), or that a count field's heading names."""
    name = header.columns.get(c)
    if name and name != total and definition.field(name).type != "integer":
        return False
    values = [(number_or_none(rows[i][c]), number_or_none(rows[i + 1][c])) for i in pairs]
    if any((a is None) != (clean_text(rows[i][c]) == "") for (a, _), i in zip(values, pairs)):
        return False  # text in the column: not counts
    return any(a is not None and b is not None and a != b for a, b in values) or name == total


def _same_meeting(first, second, width, label, counts) -> bool:
    return all(clean_text(second[c]) in ("", clean_text(first[c]))
               for c in range(width) if c != label and c not in counts)


def _total_column(header: Header, definition: DatasetDefinition, counts: list[int],
                  mapped_total: int | None, total: str) -> int | None:
    """The count column holding each row's total: the total field's, else one headed by a total
    word alone ("Jumlah"), else the only count column."""
    if mapped_total in counts:
        return mapped_total
    words = {normalise_heading(w) for w in (definition.config.get("report_rows") or {}).get("total_words") or []}
    for c in counts:
        if normalise_heading(clean_text(header.written.get(c))) in words:
            return c
    return counts[0] if len(counts) == 1 else None
