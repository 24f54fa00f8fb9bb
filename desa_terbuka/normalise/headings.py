"""Find the heading row of a table and map its columns to a record type's fields.

Headings are read as people write them, in this order, and the first that gives one field wins:
1. the heading normalised (case, punctuation, "No.", units in brackets such as "(Rp)", a size
   such as "Rp.000": ``heading_units.py`` reads it, and the amounts are scaled; a form's fill-in
   instruction "– tulis angka saja"; but a bracket naming a subgroup, "(laki-laki)", is kept);
2. the declared synonyms of ``datasets/<type>.yaml``, also for each part of "Agenda/Pembahasan";
3. a synonym whose words all appear in the heading ("Jenis Kegiatan Musyawarah");
4. a close spelling of a synonym ("Anggraan"), only when exactly one field is that close.
Steps 3 and 4 are reported as information ("'Dipimpin Oleh' dibaca sebagai pimpinan").
A heading written over two or three rows ("ANGGARAN" above "(Rp)", "REALISASI" above
"Semester I") is read as one heading.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.amount_columns import unit_columns
from desa_terbuka.normalise.code_values import codes_in_names
from desa_terbuka.normalise.attendance_parts import find_parts, names_group
from desa_terbuka.normalise.form_paths import choice_columns, question_names
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.heading_pairs import originals_aside
from desa_terbuka.normalise.heading_units import without_scale
from desa_terbuka.normalise.heading_words import (
    SUBGROUPS,
    is_share,
    published_elsewhere,
    spelled_out,
    without_brackets,
    without_instruction,
)
from desa_terbuka.normalise.lines import column_numbers
from desa_terbuka.normalise.name_span import find_name_spans, numbered_names
from desa_terbuka.normalise.sub_headings import companions, total_of_parent
from desa_terbuka.normalise.weak_headings import fits
from desa_terbuka.normalise.year_columns import heading_year, is_amount

HEADER_SCAN_ROWS = 30
MIN_HEADER_MATCHES = 3
MAX_HEADING_ROWS = 3
FUZZY_CUTOFF = 0.84
WORD_CUTOFF = 0.75  # each word of a heading read by its spelling
_NUMBER_WORD = re.compile(r"^(no|nomor|nmr)\b\.?\s*")
_NEGATIONS = {"tidak", "belum", "bukan", "tanpa"}
_COUNT_WORD = re.compile(r"^(jumlah|jml|banyaknya|banyak)\s+")  # "Jumlah Peserta Laki-laki"
_DATE_LIKE = re.compile(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}")


@dataclass
class Header:
    """Where the heading rows are and which column feeds which field."""

    row_index: int  # index into RawTable.rows of the LAST heading row (data starts below)
    columns: dict[int, str]  # column index -> field name
    unknown: dict[int, str] = field(default_factory=dict)  # column index -> heading as written
    # column index -> heading as written, for a second column naming an already-mapped field
    duplicates: dict[int, str] = field(default_factory=dict)
    # column index -> context name (``nama_desa``, ``nama_kecamatan``): read, not published
    context: dict[int, str] = field(default_factory=dict)
    first_row: int | None = None  # first heading row, when the heading spans several rows
    # column index -> (heading as written, how it was read) for headings read by words or spelling
    interpreted: dict[int, tuple[str, str]] = field(default_factory=dict)
    written: dict[int, str] = field(default_factory=dict)  # column index -> heading as written
    duplicate_of: dict[int, str] = field(default_factory=dict)  # duplicate column -> its field
    # headings over several rows: each column's lowest heading, and the heading above it
    lower: dict[int, str] = field(default_factory=dict)
    parent: dict[int, str] = field(default_factory=dict)
    # code fields no column holds but the name cells begin with (``code_in_name``)
    codes_in_names: set[str] = field(default_factory=set)
    # code field -> the columns under a name heading that also hold the codes (``name_span.py``)
    name_spans: dict[str, list[int]] = field(default_factory=dict)
    # amount column -> (heading, unit, column of the unit) when the heading stands over a column
    # of currency signs only ("Rp") beside the amounts (``amount_columns.unit_columns``)
    unit_columns: dict[int, tuple[str, str, int]] = field(default_factory=dict)
    # amount columns whose heading names a year ("Anggaran TA 2025"): column -> year; of a field's
    # columns for several years one is mapped, the others wait here (column -> field) until the
    # file's year chooses (``year_columns.choose``)
    years: dict[int, str] = field(default_factory=dict)
    other_years: dict[int, str] = field(default_factory=dict)
    # column -> field: parts beside a total under one parent ("Semester I" beside the JUMLAH of
    # "REALISASI"), read and not published (``sub_headings.py``)
    companions: dict[int, str] = field(default_factory=dict)
    # column -> heading: attendance per unsur beside its total, read and not published
    # (``attendance_parts.py``)
    parts: dict[int, str] = field(default_factory=dict)
    # column -> heading: counts of some of those present ("Dari Jumlah Hadir, Kelompok Rentan",
    # "Undangan Lain"), overlapping, never summed, not published (``attendance_parts.py``)
    subsets: dict[int, str] = field(default_factory=dict)
    # column -> heading: a form export's select-multiple question and its 0/1 choice columns
    # (``form_paths.py``): not read, said as unknown, never attendance parts
    choices: dict[int, str] = field(default_factory=dict)

    @property
    def top(self) -> int:
        return self.row_index if self.first_row is None else self.first_row


def context_headers(definition: DatasetDefinition) -> dict[str, str]:
    """Normalised heading -> context name, from ``context_headers`` in the dataset definition."""
    found = {}
    for name, synonyms in (definition.config.get("context_headers") or {}).items():
        for synonym in synonyms:
            found.setdefault(normalise_heading(synonym), name)
    return found


def unpublished_headings(definition: DatasetDefinition) -> dict[str, str]:
    """Normalised heading -> the field published instead, from ``unpublished_headers``: columns a
    known report prints beside that field (an APBDes Perubahan's original budget) and no field
    reads; and the original figures (``original_headers``) set aside beside the field."""
    return {normalise_heading(h): name for key in ("original_headers", "unpublished_headers")
            for name, texts in (definition.config.get(key) or {}).items() for h in texts}


def heading_forms(text: str) -> list[str]:
    """The normalised readings of one heading, most literal first."""
    forms = [normalise_heading(text)]
    # a form's fill-in instruction aside; brackets aside, but not one naming a subgroup
    # ("(laki-laki)": ``heading_words.py``)
    bare = without_brackets(without_instruction(text))
    plain = normalise_heading(bare)
    forms.append(plain)
    forms.append(without_scale(bare))  # "Anggaran Rp.000": its size aside
    forms.append(_NUMBER_WORD.sub("", plain))
    forms.append(_COUNT_WORD.sub("", plain))
    for part in re.split(r"[/\\]|\bdan\b|&", bare):
        forms.append(normalise_heading(part))
    return [f for f in dict.fromkeys(forms) if f]


class _Matcher:
    """Headings -> field names for one definition (exact, synonym, words, spelling)."""

    def __init__(self, definition: DatasetDefinition):
        self.definition = definition
        self.aliases = definition.header_aliases()
        self.context = context_headers(definition)
        self.by_words = sorted(((set(spelled_out(a).split()), name)
                                for a, name in self.aliases.items()),
                               key=lambda item: -len(item[0]))

    def match(self, text: str) -> tuple[str | None, str | None, str]:
        """(field, context name, how): how is '' for exact/synonym, else 'kata'/'ejaan'."""
        forms = heading_forms(text)
        if not forms:
            return None, None, ""
        # abbreviations written out ("Tgl Musyawarah" is "Tanggal Musyawarah"), after the forms
        # as written, which win ("Tgl" and "Kd Desa" may be declared as they are)
        for form in dict.fromkeys(forms + [spelled_out(f) for f in forms]):
            if form in self.aliases:
                return self.aliases[form], None, ""
            if form in self.context:
                return None, self.context[form], ""
        plain = spelled_out(forms[1] if len(forms) > 1 else forms[0])
        plain = _COUNT_WORD.sub("", plain) or plain  # "Jumlah Kehadiran Masyarakat": a count of
        words, first = set(plain.split()), (plain.split() or [""])[0]
        # "Jumlah yang tidak hadir" is not attendance, "Peserta Warga Miskin" not all of it
        qualified = words & (_NEGATIONS | SUBGROUPS)
        best = [(len(w), w, name) for w, name in self.by_words
                if w and w <= words and not (qualified - w)]
        if names_group(self.definition, words - {word for _, w, _ in best for word in w}):
            best = []  # "Kelompok Perempuan" names a group, not the women present
        if best:
            size = best[0][0]
            names = {name for n, w, name in best if n == size}
            # one word is enough in a short heading, or when it leads ("Realisasi Semester I")
            leads = size == 1 and any(first in w for n, w, _ in best if n == 1)
            if len(names) == 1 and (size > 1 or len(words) <= 2 or leads):
                return names.pop(), None, "kata"
        written = forms[-1] if len(forms) > 2 else forms[0]
        close = difflib.get_close_matches(written, list(self.aliases), n=3, cutoff=FUZZY_CUTOFF)
        names = {self.aliases[c] for c in close if _word_by_word(written, c)}
        if len(names) == 1:
            return names.pop(), None, "ejaan"
        return None, None, ""


def _word_by_word(written: str, alias: str) -> bool:
    """A misspelling is close word by word: "Anggraan" is "anggaran", but "Waktu Pelaksanaan" is
    not "Status Pelaksanaan" (one shared word makes the whole heading look alike)."""
    ours, theirs = written.split(), alias.split()
    if len(ours) != len(theirs):
        return True  # words run together or split ("Sumber Dana" / "sumberdana"): the whole decides
    return all(a == b or difflib.SequenceMatcher(None, a, b).ratio() >= WORD_CUTOFF
               for a, b in zip(ours, theirs))


def _combined_rows(table: RawTable, index: int, depth: int) -> list[list[str]] | None:
    """Headings of rows index..index+depth-1 read as one: a parent over empty cells to its right
    (a merged "REALISASI" over "Semester I | Semester II") gives its words to each column."""
    rows = table.rows[index:index + depth]
    if len(rows) < depth:
        return None
    width = max(len(r) for r in rows)
    texts = [[clean_text(r[c]) if c < len(r) else "" for c in range(width)] for r in rows]
    if depth > 1 and any(_looks_like_data(texts[d]) for d in range(1, depth)):
        return None
    if depth > 1 and any(sum(1 for c in level if c) < 2 for level in texts):
        return None  # a one-cell row above the heading is a title, not part of the heading
    for level in range(depth - 1):
        carried = ""
        for col in range(width):
            if texts[level][col]:
                carried = texts[level][col]
            elif carried and any(texts[lower][col] for lower in range(level + 1, depth)):
                texts[level][col] = carried
            else:
                carried = ""
    # each column: the heading of its lowest filled row (the most specific: "JUMLAH (Rp)" under
    # "PRAKIRAAN BIAYA DAN SUMBER"), then all its rows read as one
    out = []
    for col in range(width):
        reading = [" ".join(dict.fromkeys(t[col] for t in texts if t[col]))]
        if depth > 1:
            reading += [next((texts[d][col] for d in range(depth - 1, 0, -1) if texts[d][col]), ""),
                        texts[0][col]]
        out.append(reading)
    return out


def _looks_like_data(cells: list[str]) -> bool:
    """A row below a heading that holds amounts or codes is data, not a second heading row."""
    filled = [c for c in cells if c]
    if not filled:
        return True
    if any(len(c) > 60 or _DATE_LIKE.search(c) for c in filled):
        return True
    numeric = [c for c in filled if re.fullmatch(r"[\d.,\s()\-]+", c)]
    return bool(numeric) and not column_numbers(filled)


def _read_row(matcher: _Matcher, headings: list[list[str]], index: int, first: int,
              definition: DatasetDefinition) -> Header:
    """Exact and synonym matches first; a heading read by its words or spelling takes a field
    only when no column names it outright (else it is an unknown column, not a duplicate).
    An amount heading naming a year ("Anggaran TA 2025") is read without it."""
    header = Header(index, {}, first_row=first if first != index else None)
    matches, totals = {}, {}
    # a form export's group paths are read by their question's name ("musyawarah/tempat": tempat)
    questions = question_names([texts[0] for texts in headings])
    for col, texts in enumerate(headings):
        text = texts[0]
        if normalise_heading(text):
            header.written[col] = text
            text = questions.get(col, text)
            year, bare = heading_year(text)
            dated = matcher.match(bare) if year else (None, None, "")
            if is_amount(definition, dated[0]) and not dated[2]:  # its name outright, once bare
                header.years[col] = year
                matches[col] = dated
                continue
            matches[col] = matcher.match(text)
            if len(texts) > 1 and texts[1] and texts[1] != texts[2]:
                header.lower[col], header.parent[col] = texts[1], texts[2]
                lower, above = matcher.match(texts[1]), matcher.match(texts[2])
                if total_of_parent(texts[1], above):
                    # "JUMLAH" under "REALISASI" is the realisasi, under "Peserta Hadir" jumlah_hadir
                    matches[col] = above
                    totals[col] = above[0]
                elif (lower[0] or lower[1]) and not lower[2]:
                    matches[col] = lower  # the lowest row alone names a field outright
                elif matches[col][2]:
                    # a parent's words ("SUMBER BIAYA" over PEMERINTAH | PROVINSI) are not its
                    # columns' names
                    matches[col] = (None, None, "")
    declared = _declared_companions(definition)
    for exact in (True, False):
        # a heading declared a companion ("Nilai Upah") is read by its words last: another column
        # read by its words ("Pagu Paket") takes the field first
        for col, (name, context_name, how) in sorted(
                matches.items(), key=lambda item: not exact and _is_declared(
                    header.written[item[0]], declared)):
            if bool(how) == exact:
                continue
            text = header.written[col]
            if context_name:
                header.context.setdefault(col, context_name)
            elif name is None:
                header.unknown[col] = text
            elif name in header.columns.values():
                if _other_year(header, col, name):
                    header.other_years[col] = name
                elif exact:
                    header.duplicates[col] = text
                    header.duplicate_of[col] = name
                else:
                    header.unknown[col] = text
            else:
                header.columns[col] = name
                if how:
                    header.interpreted[col] = (text, how)
    if questions:
        header.choices = {col: header.unknown.pop(col) for col in choice_columns(header.unknown)}
    originals_aside(header, definition)
    header.companions = companions(header.parent, totals, header.unknown)
    for col in header.companions:
        del header.unknown[col]
    return header


def _declared_companions(definition: DatasetDefinition) -> set[str]:
    """The normalised headings ``unpublished_headers`` declares companions of a field."""
    return {normalise_heading(h) for texts in (definition.config.get("unpublished_headers") or {})
            .values() for h in texts}


def _is_declared(text: str, declared: set[str]) -> bool:
    return any(form in declared for form in heading_forms(text))


def _other_year(header: Header, col: int, name: str) -> bool:
    """The column is ``name`` for another year than the columns already mapped to it."""
    mapped = [c for c, n in header.columns.items() if n == name]
    return col in header.years and all(c in header.years and header.years[c] != header.years[col]
                                       for c in mapped)


def find_header(table: RawTable, definition: DatasetDefinition,
                minimum: int = MIN_HEADER_MATCHES) -> Header | None:
    """The row (or rows) within the scan window that name the most fields of the definition
    (at least ``minimum``: fewer is no heading row, unless the operator named the type)."""
    matcher = _Matcher(definition)
    best: Header | None = None
    for index in range(min(HEADER_SCAN_ROWS, len(table.rows))):
        here: Header | None = None  # a deeper reading of the same rows wins a tie: its lower
        for depth in range(1, MAX_HEADING_ROWS + 1):  # rows ("(Rp)") are headings, not data
            headings = _combined_rows(table, index, depth)
            if headings is None:
                break
            header = _read_row(matcher, headings, index + depth - 1, index, definition)
            find_parts(header, definition)  # attendance per unsur beside its total
            find_name_spans(table, header, definition)
            numbered_names(table, header, definition)
            header.codes_in_names = codes_in_names(table, header, definition)
            exact = len(header.columns) - len(header.interpreted)
            if len(header.columns) + len(header.codes_in_names) < minimum or exact < min(2, minimum):
                continue
            here = header  # the deepest heading-like reading of these rows
        if here is not None and (best is None or _score(here) > _score(best)
                                 or _title_above(matcher, table, best, here)):
            best = here
    if best is not None:
        _weak_headings(table, best, definition)
        _shares_beside_realisation(best, definition)
        unit_columns(table, best, definition)
        # A declared fallback: "Keterangan" is the uraian when no column is headed "Uraian".
        for wanted, other in (definition.config.get("header_fallbacks") or {}).items():
            mapped = {name: col for col, name in best.columns.items()}
            if wanted not in mapped and other in mapped:
                best.columns[mapped[other]] = wanted
    return best


def _title_above(matcher: _Matcher, table: RawTable, best: Header, here: Header) -> bool:
    """``here`` reads the same heading row as ``best`` without its top rows, to the same fields,
    and no cell of those rows names a field outright ("RINCIAN APBDES | DESA … | TA 2025"): they
    are a title, not part of the headings."""
    if here.row_index != best.row_index or here.top <= best.top or here.columns != best.columns:
        return False
    cells = [clean_text(c) for row in table.rows[best.top:here.top] for c in row]
    return not any((m := matcher.match(c))[:2] != (None, None) and not m[2] for c in cells if c)


def _weak_headings(table: RawTable, header: Header, definition: DatasetDefinition) -> None:
    """Headings that mean one field or another (``weak_headers``): the first field no other
    column names and the cells fit (``weak_headings.fits``). A column already read as one of
    them (an "Agenda" of meeting names, in a list with no "Jenis") may so become another."""
    weak = {normalise_heading(k): v for k, v in (definition.config.get("weak_headers") or {}).items()}
    for col in sorted(set(header.unknown) | set(header.columns)) if weak else []:
        text = header.unknown.get(col) or header.written.get(col, "")
        current = header.columns.get(col)
        choices = weak.get(normalise_heading(text), [])
        if current is not None and current not in choices:
            continue
        taken = {name for c, name in header.columns.items() if c != col}
        for name in choices:
            if name in taken or not fits(table, header.row_index + 1, col, definition, name):
                continue
            if name != current:
                header.columns[col] = name
                header.interpreted[col] = (text, "urutan")
                header.unknown.pop(col, None)
            break


def _shares_beside_realisation(header: Header, definition: DatasetDefinition) -> None:
    """A bare percentage ("% Capaian", ``share_headers``) beside a column another record type
    publishes ("Jumlah Realisasi") is the share realised: left unread (in place), said with it."""
    if not any(published_elsewhere(definition, h) for h in header.unknown.values()):
        return
    for col in [c for c in header.columns if is_share(definition, header.written.get(c, ""))]:
        header.unknown[col] = header.written[col]
        del header.columns[col]
        header.interpreted.pop(col, None)


def _score(header: Header) -> tuple[int, int, int]:
    """More fields; then fewer read by words or spelling; then fewer unknown headings."""
    return len(header.columns), -len(header.interpreted), -len(header.unknown)
