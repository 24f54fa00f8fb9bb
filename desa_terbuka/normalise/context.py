"""Which village, year and stage a file is about, when its table does not say so in columns.

Operators write it in title rows ("PEMERINTAH DESA MERAH KECAMATAN TUALAN HULU", "TAHUN ANGGARAN
2024", "LAPORAN REALISASI APBDES"), in the file name (``apbdes_merah_2024.xlsx``,
``62.02.16.2003_apbdes.csv``, an inbox folder ``62.02.16.2003-merah/``) or in a "Desa" column.

- A canonical column the table lacks (kode_desa, the year, tahap) is filled from this evidence,
  and ``sources`` records where each value came from.
- Evidence that disagrees (title 2024, file name 2023; title Merah, rows another village) is an
  error, never a silent pick; so is a village name that does not match exactly one village.
- The stage is read from every title row and the file name together: "LAPORAN REALISASI" in one
  row and "SEMESTER I" in another is a semester-1 realisation (the specific word wins over the
  generic), while "SEMESTER I" against "SEMESTER II" is a conflict.
- A year that names a plan or budget ("RKP DESA TAHUN 2025", "APBDES TA 2025", "(RKP DESA) TAHUN
  2025") is a *topic*:
  for a dated record (a meeting) the date decides the year and the topic is only reported.
"""

from __future__ import annotations

import re
from pathlib import Path

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import villages
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.adopted_years import without_adoption
from desa_terbuka.normalise.context_kecamatan import (
    Kecamatan,
    file_kecamatan,
    narrow,
    narrowed_params,
    settle_by_column,
    title_kecamatan,
)
from desa_terbuka.normalise.context_stage import Evidence, read_stage, settle_stage
from desa_terbuka.normalise.context_village import (  # noqa: F401 (FileContext is used from here)
    FileContext,
    Unread,
    match_title_names,
    say_unread,
    village_source,
)
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.title_village import unknown_after, village_phrase
from desa_terbuka.normalise.village_match import KODE_DESA, find_kecamatan, match_village, normalise_name
from desa_terbuka.normalise.year_columns import comparison_years

# English templates: "Fiscal year: FY2024", "FY2024 Q4", "Budget year 2024"
YEAR_WORDS = re.compile(r"\b(TAHUN|TA|T\.A|PERIODE|SEMESTER|APBDES|ANGGARAN|REALISASI|YEAR|FISCAL)\b"
                        r"|\bFY(?=\s*20\d{2}\b)")


# a year that names a plan or budget: "RKPDES 2025", "RKP DESA TAHUN 2025", "APB DESA TA 2024"
# (a plan's name is needed: "TAHUN ANGGARAN 2025" alone states the file's own year), also spelt
# out: "RENCANA KERJA PEMERINTAH DESA TAHUN 2026", "ANGGARAN PENDAPATAN DAN BELANJA DESA TA 2025"
TOPIC_YEAR = re.compile(r"\b(?:RKP|RPJM|R?APB|DPA|RENCANA\s+KERJA\s+PEMERINTAH(?:AN)?|"
                        r"RENCANA\s+PEMBANGUNAN\s+JANGKA\s+MENENGAH|"
                        r"ANGGARAN\s+PENDAPATAN\s+DAN\s+BELANJA)(?:\s*DES(?:A)?)?\s*\)?\s*[.:]?\s*"
                        r"(?:(?:TAHUN\s+ANGGARAN|T\.?\s?A\.?|TAHUN)\s*[.:]?\s*)?(20[1-9]\d)(?!\d)")
YEAR_RE = re.compile(r"(?<!\d)(20[1-9]\d)(?!\d)")
# a plan's period ("RPJM DESA 2022-2027", "2022 s.d. 2027", "2021/2026"): no year of its own; the
# table's year column, or another single year, says which year of the period the file is
PERIOD = re.compile(r"(?<!\d)(20[1-9]\d)\s*(?:-|\u2013|\u2014|/|S\.?\s?D\.?|S/D|SAMPAI(?:\s+DENGAN)?|HINGGA)"
                    r"\s*(20[1-9]\d)(?!\d)", re.IGNORECASE)


# a kode desa written without its dots or with other separators ("6202042009", "62-02-04-2009"):
# read only when it is a village of the reference
_TEN_DIGITS = re.compile(r"(?<!\d)(\d{2})[\s_-]?(\d{2})[\s_-]?(\d{2})[\s_-]?([12]\d{3})(?!\d)")


FILE_WORDS = {"apbdes", "apbd", "kegiatan", "musyawarah", "musdes", "laporan", "lap", "realisasi",
              "anggaran", "desa", "ds", "kel", "kelurahan", "tahun", "ta", "rev", "revisi", "final",
              "data", "semester", "perubahan", "fix", "baru", "copy", "kec", "kecamatan", "lpj",
              "dan", "pendapatan", "belanja", "xlsx", "csv", "kirim", "upload", "i", "ii"}


def _text(id_text: str, en_text: str) -> Text:
    return Text(id_text, en_text)


def title_lines(table: RawTable, header_index: int) -> list[tuple[int, str]]:
    """(source row, text) of the rows above the heading row."""
    return [(row, " ".join(cells)) for row, cells in _title_cells(table, header_index)]


def _title_cells(table: RawTable, header_index: int) -> list[tuple[int, list[str]]]:
    lines = []
    for index in range(min(header_index, len(table.rows))):
        cells = []
        for cell in table.rows[index]:
            text = clean_text(cell)
            if text and text not in cells:
                cells.append(text)
        if cells:
            lines.append((table.row_numbers[index], cells))
    return lines


def _cell_bounded(cells: list[str]) -> str:
    """The row's cells joined so that a name stops at its cell's edge ("DESA BAWAN" | "Rp -" is
    Bawan) while a label cell still reaches its value ("Desa :" | "Bawan")."""
    return " | ".join(cells).upper()


def read_context(table: RawTable, header_index: int, path: Path,
                 definition: DatasetDefinition | None = None) -> FileContext:
    """The file's village, year and stage evidence; ``definition`` gives its record type's
    ``comparison_words``."""
    context = FileContext()
    file = str(path)
    phrases = (definition.config.get("comparison_words") or []) if definition else []
    names: list[tuple[str, int]] = []
    for row, cells in _title_cells(table, header_index):
        upper, bounded = " ".join(cells).upper(), _cell_bounded(cells)
        where = _text(f"judul baris {row}", f"title row {row}")
        for kode in dict.fromkeys(KODE_DESA.findall(upper) + _undotted(KODE_DESA.sub(" ", upper))):
            context.villages.append(Evidence(kode, where, row))
        if (name := village_phrase(bounded)) and normalise_name(name):
            names.append((name, row))
        for phrase in unknown_after(bounded) if not name else []:
            context.unread.append(Unread(phrase.name, where, _text(
                f"sesudah '{phrase.after}'", f"after '{phrase.after}'"), match_village(phrase.name), row))
        if kecamatan := title_kecamatan(bounded, where):
            context.kecamatans.append(kecamatan)
            context.kecamatan = context.kecamatan or kecamatan.written
        if YEAR_WORDS.search(upper):
            compared = comparison_years(upper, phrases)
            for evidence in _years(upper, where, row, context.adopted):
                (context.comparisons if evidence.value in compared else context.years).append(evidence)
        context.stages += filter(None, [read_stage(upper, where, row)])
    _file_evidence(context, path, table.sheet, said=not names)  # a title name is the one cited
    for e in context.comparisons:
        context.findings.append(Finding("year-is-comparison", file, table.sheet, e.row,
                                        definition.year_field if definition else None, e.value,
                                        params={"source": e.source}))
    match_title_names(context, file, table.sheet, names)
    _conflict(context, context.villages, file, table.sheet, "village-conflict", "kode_desa")
    return context


def _years(text: str, where: Text, row: int | None,
           adopted: list[Evidence] | None = None) -> list[Evidence]:
    # "Perdes Nomor 5 Tahun 2023 tentang APBDes Tahun Anggaran 2024": the regulation's own year
    # and the date it was adopted are not the budget's (kept in ``adopted``, a weaker claim)
    plain, acts = without_adoption(KODE_DESA.sub(" ", text))
    if adopted is not None:
        adopted += [Evidence(year, where, row) for year in acts]
    plain = without_periods(plain)
    topics = set(TOPIC_YEAR.findall(plain))
    return [Evidence(year, where, row, year in topics)
            for year in dict.fromkeys(YEAR_RE.findall(plain))]


def without_periods(text: str) -> str:
    """The text with its plan periods ("2022-2027") blanked: a period claims no single year."""
    return PERIOD.sub(lambda m: " " if m[1] < m[2] else m[0], text)


_EXPORT_STAMP = re.compile(r"(?<!\d)(?:19|20)\d\d[-_.]?[01]\d[-_.]?[0-3]\d[-_T ]"
                           r"[0-2]\d[-_.:h]?[0-5]\d(?:[-_.:m]?[0-5]\d)?(?!\d)")


def _undotted(text: str) -> list[str]:
    return [kode for m in _TEN_DIGITS.findall(text) if (kode := ".".join(m)) in villages()]


def _file_evidence(context: FileContext, path: Path, sheet=None, said: bool = True) -> None:
    where = _text(f"nama berkas '{path.name}'", f"file name '{path.name}'")
    text = f"{path.parent.name} {path.stem}"
    kodes = set(KODE_DESA.findall(text)) | set(_undotted(text))
    for kode in sorted(kodes):
        context.villages.append(Evidence(kode, where))
    # an export's date and time stamp ("..._2025-01-06-02-14-37", KoboToolbox, ODK) says when the
    # file was made, not the year it reports
    without_codes = _TEN_DIGITS.sub(" ", KODE_DESA.sub(" ", _EXPORT_STAMP.sub(" ", text)))
    years = _years(re.sub(r"[_-]", " ", without_periods(without_codes.upper())), where, None)
    if len({e.value for e in years}) == 1:
        context.years.append(years[0])
    context.stages += filter(None, [read_stage(re.sub(r"[_-]", " ", path.stem.upper()), where, None)])
    if kodes:
        return
    # "Rekap_TangkaRobah_2024": a name written in CamelCase is its words
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", path.stem)
    # "... Kec. Parenggean ...": the words after Kec./Kecamatan name the kecamatan, never a
    # village of the same name (Parenggean is both)
    all_words, stated = _after_kec([w for w in re.split(r"[^a-z]+", spaced.lower()) if w], where)
    context.kecamatans += stated
    context.kecamatan = context.kecamatan or next((k.written for k in stated), None)
    words = [w for w in all_words if w not in FILE_WORDS]
    ambiguous, exact, close = [], None, []
    for size in (3, 2, 1):  # a village name in the file name counts only when it is exact
        for start in range(len(words) - size + 1):
            found = match_village(" ".join(words[start:start + size]))
            if found.status in ("exact", "alias") and exact is None:
                exact = found
            elif found.status == "ambiguous":
                ambiguous.append((found, words[:start] + words[start + size:]))
            elif found.status == "uncertain":
                close.append(found)
    # "sumber_makmur_parenggean": Parenggean is a village and its kecamatan; beside a name that
    # several kecamatan share, it is the kecamatan
    if exact is not None and not (ambiguous and find_kecamatan(exact.query, exact=True)):
        context.villages.append(Evidence(exact.kode, where))
        return
    # a kecamatan named in the file name, besides the village's own words
    if kecamatan := file_kecamatan(ambiguous[0][1] if ambiguous else words, where):
        context.kecamatans.append(kecamatan)
    for found, _ in ambiguous:  # "sumber_makmur_telawang": the kecamatan settles the name
        if narrowed := narrow(found, context.kecamatans):
            village, kecamatan = narrowed
            context.villages.append(Evidence(village.kode_desa, where))
            if said:
                context.findings.append(Finding(
                    "village-kecamatan-narrowed", str(path), sheet, None, None, found.query,
                    params=narrowed_params(where, found, village, kecamatan)))
            return
    if exact is not None:
        context.villages.append(Evidence(exact.kode, where))
    elif close:  # said only when no source names a village
        context.unread.append(Unread(close[0].query, where, _text(
            "kata-kata nama berkas", "words of the file name"), close[0]))


def _after_kec(words: list[str], where: Text) -> tuple[list[str], list[Kecamatan]]:
    """The words of a file name without the kecamatan named after "kec"/"kecamatan", and those
    kecamatan (exact names only, the longest first)."""
    kept, stated, index = [], [], 0
    while index < len(words):
        kept.append(words[index])
        index += 1
        if kept[-1] not in ("kec", "kecamatan"):
            continue
        for size in (3, 2, 1):
            written = " ".join(words[index:index + size])
            if len(words[index:index + size]) == size and (kode := find_kecamatan(written, exact=True)):
                stated.append(Kecamatan(kode, written, where))
                index += size
                break
    return kept, stated


def _conflict(context: FileContext, evidence: list[Evidence], file: str, sheet, code: str,
              explained: str) -> None:
    if len({e.value for e in evidence}) > 1:
        said = "; ".join(f"{e.source} menyebut {e.value}" for e in evidence)
        said_en = "; ".join(f"{e.source.en} says {e.value}" for e in evidence)
        row = next((e.row for e in evidence if e.row), None)
        context.findings.append(Finding(code, file, sheet, row, None, None,
                                        params={"reason": _text(said, said_en)}))
        context.explained.add(explained)


def stated_year(context: FileContext, definition: DatasetDefinition) -> Evidence | None:
    """The one year the title and file name state for this dataset (a dated record's plan
    years aside; an adopting act's year only when nothing else names one), before the table's
    own year columns are weighed."""
    dated = definition.field(definition.year_field).type != "integer"
    years = [e for e in context.years if not (dated and e.topic)] or context.adopted
    return years[0] if len({e.value for e in years}) == 1 else None


def _settle_years(table: RawTable, definition: DatasetDefinition, context: FileContext,
                  year_column: bool = False) -> None:
    """The years that count for this dataset, and their conflict. A dated record (a meeting)
    takes its year from its date: a plan year in the title is what was discussed."""
    year_field = definition.year_field
    if definition.field(year_field).type == "integer" and not context.years and not year_column \
            and len({e.value for e in context.adopted}) == 1:
        # "Perdes Nomor 4 Tahun 2025" and no other year (nor a year column): the act's year,
        # said (a plan or budget is mostly adopted the year before its own)
        first = context.adopted[0]
        context.years.append(first)
        context.findings.append(Finding("year-from-regulation", table.file, table.sheet, first.row,
                                        year_field, first.value, params={"source": first.source}))
    if definition.field(year_field).type != "integer":
        topics = [e for e in context.years if e.topic]
        context.years = [e for e in context.years if not e.topic]
        for value in dict.fromkeys(e.value for e in topics):
            where = [e.source for e in topics if e.value == value]
            context.findings.append(Finding(
                "year-is-topic", table.file, table.sheet, next((e.row for e in topics if e.row), None),
                year_field, value, params={"source": _text(", ".join(where),
                                                           ", ".join(w.en for w in where))}))
    _conflict(context, context.years, table.file, table.sheet, "year-conflict", year_field)


def fill_columns(table: RawTable, header, definition: DatasetDefinition,
                 context: FileContext) -> dict[str, Text]:
    """Add the canonical columns the table lacks from the file's context; returns the sources."""
    present = set(header.columns.values())
    data_rows = [i for i in range(header.row_index + 1, len(table.rows))
                 if any(col < len(table.rows[i]) and clean_text(table.rows[i][col])
                        for col in header.columns)]
    sources: dict[str, Text] = {}
    year_field = definition.year_field
    _settle_years(table, definition, context, year_column=year_field in present)
    if "tahap" in definition.field_names and context.tahap is None:
        context.tahap, conflict = settle_stage(context.stages, table.file, table.sheet)
        if conflict is not None:
            context.findings.append(conflict)
            context.explained.add("tahap")
    if "kode_desa" not in present and context.unsettled:
        settle_by_column(table, header, context)
    wanted = {"kode_desa": context.village, "tahap": context.tahap}
    if definition.field(year_field).type == "integer":
        wanted[year_field] = context.year
    for name, evidence in wanted.items():
        if name in present or name not in definition.field_names:
            continue
        if name == "kode_desa" and "nama_desa" in header.context.values():
            sources[name] = _fill_from_name_column(table, header, data_rows, context)
            continue
        if evidence is None:
            if name == "kode_desa":
                say_unread(context, table.file, table.sheet)
            continue
        add_column(table, header, name, {i: evidence.value for i in data_rows})
        sources[name] = (village_source(context) if name == "kode_desa" else None) or evidence.source
    return sources


def add_column(table: RawTable, header, name: str, values: dict[int, str]) -> None:
    """Append a column mapped to ``name``; ``values`` maps row index -> cell."""
    col = max((len(r) for r in table.rows), default=0)
    values = {header.row_index: name, **values}  # the heading reserves the column
    for index, value in values.items():
        row = table.rows[index] = list(table.rows[index])
        row.extend([None] * (col + 1 - len(row)))
        row[col] = value
    header.columns[col] = name


def _split_kecamatan(text: str) -> tuple[str, str]:
    """'Tangar, Kecamatan Mentaya Hulu' -> ('Tangar', 'Mentaya Hulu')."""
    parts = re.split(r",?\s*\b(?:kecamatan|kec\.)\s*", text, maxsplit=1, flags=re.IGNORECASE)
    return (parts[0].strip(" ,"), parts[1].strip()) if len(parts) == 2 else (text, "")


def _fill_from_name_column(table, header, data_rows, context: FileContext) -> Text:
    by_name = {name: col for col, name in header.context.items()}
    name_col, kec_col = by_name["nama_desa"], by_name.get("nama_kecamatan")
    values = {}
    for index in data_rows:
        row = table.rows[index]
        name = clean_text(row[name_col]) if name_col < len(row) else ""
        kecamatan = clean_text(row[kec_col]) if kec_col is not None and kec_col < len(row) else ""
        # "Tangar, Kecamatan Mentaya Hulu": the kecamatan written in the same cell
        name, written_kec = _split_kecamatan(name)
        found = match_village(name, kecamatan or written_kec or context.kecamatan)
        if found.village is not None:
            values[index] = found.kode
            if found.status != "variant":
                continue
        code = {"variant": "village-name-variant", "ambiguous": "village-ambiguous",
                "uncertain": "village-uncertain"}.get(found.status, "village-not-found")
        heading = clean_text(table.rows[header.row_index][name_col])
        params = {"source": _text(f"kolom '{heading}'", f"column '{heading}'"),
                  "candidates": found.candidate_text()}
        if code == "village-name-variant":
            params["reason"] = _text("kecamatan", "the kecamatan")
        context.findings.append(Finding(code, table.file, table.sheet, table.row_numbers[index],
                                        heading, name, params=params))
    context.explained.add("kode_desa")
    add_column(table, header, "kode_desa", values)
    return _text("kolom nama desa", "village name column")
