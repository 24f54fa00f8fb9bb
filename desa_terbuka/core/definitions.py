"""Dataset definitions (``datasets/*.yaml``) joined with their Table Schemas (``schemas/``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import Field as PydanticField
from pydantic import field_validator

from desa_terbuka.core.catalogue import placeholders
from desa_terbuka.core.config import ConfigError, Strict, load_config, read_data, shown
from desa_terbuka.core.paths import CONFIG_ROOT, DATASETS_DIR
from desa_terbuka.core.reference import Village


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, number, date
    title: str
    description: str
    constraints: dict[str, Any]
    raw: dict[str, Any]

    @property
    def required(self) -> bool:
        """A heading a file of this type names (record type, line reading), its cells filled;
        or ``x-expected``: named by most files, but a file may lack it (``may_lack``)."""
        return bool(self.constraints.get("required") or self.raw.get("x-expected"))

    @property
    def may_lack(self) -> bool:
        """Expected but not required (``x-expected``): rows without it are still attributable,
        so they are published without it, and the derivation that fills it says so."""
        return bool(self.raw.get("x-expected")) and not self.constraints.get("required")

    @property
    def derived(self) -> bool:
        """Assigned by the pipeline (``x-derived`` in the schema), never read from a file."""
        return bool(self.raw.get("x-derived"))


@dataclass(frozen=True)
class DatasetDefinition:
    record_type: str
    schema_path: Path
    schema: dict[str, Any]
    year_field: str
    config: dict[str, Any]

    @property
    def fields(self) -> list[Field]:
        return list(self._fields)

    @cached_property
    def _fields(self) -> tuple[Field, ...]:  # read ~10 times a file by the batch checks
        return tuple(
            Field(f["name"], f.get("type", "string"), f.get("title", f["name"]),
                  f.get("description", ""), f.get("constraints", {}), f)
            for f in self.schema["fields"])

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self._fields}

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.schema["fields"]]

    @property
    def primary_key(self) -> list[str]:
        return list(self.schema.get("primaryKey", []))

    def field(self, name: str) -> Field:
        return self._by_name[name]

    @property
    def input_fields(self) -> list[Field]:
        """The fields a file may carry (every field but the derived ones)."""
        return [f for f in self._fields if not f.derived]

    def input_schema(self) -> dict[str, Any]:
        """The Table Schema of what an operator writes: without the derived fields (and so
        without the primary key, which numbers the lines)."""
        schema = {k: v for k, v in self.schema.items() if k != "primaryKey"}
        schema["fields"] = [f.raw for f in self.input_fields]
        return schema

    def header_aliases(self) -> dict[str, str]:
        """Normalised heading -> field name, from the field names and the declared synonyms."""
        aliases = {normalise_heading(f.name): f.name for f in self.input_fields}
        for name, synonyms in (self.config.get("headers") or {}).items():
            for synonym in synonyms:
                aliases.setdefault(normalise_heading(synonym), name)
        return aliases

    def render(self, key: str, village: Village, **extra: Any) -> str:
        """Fill a template from the definition (``name``, ``title``, ``resource.name`` ...)."""
        template: Any = self.config
        for part in key.split("."):
            template = template[part]
        return str(template).format(**village_context(village), **extra).strip()


def village_context(village: Village) -> dict[str, str]:
    return {
        "kode_desa": village.kode_desa, "kode": village.kode, "slug": village.slug,
        "nama_desa": village.nama_desa, "nama_kecamatan": village.nama_kecamatan,
        "nama_kabupaten": village.nama_kabupaten, "jenis_label": village.jenis_label,
    }


def normalise_heading(text: str) -> str:
    """'Anggaran (Rp)' -> 'anggaran rp'; 'kode_desa' -> 'kode desa'."""
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


class _Resource(Strict):
    name: str
    description: str


class _ReportRows(Strict):
    total_words: list[str] = []
    totals: dict[str, str] = {}
    result_words: list[str] = []  # a total of these words that ``totals`` does not name: unchecked
    zero_lines: Literal["keep", "skip"] = "keep"  # skip: a template's lines worth 0 are not records
    # the fields a total row adds up (default: every number field): counts are integers
    fields: list[str] = []
    # level -> headings of the columns that write the bidang / sub bidang rows (``level_columns``)
    level_headers: dict[str, list[str]] = {}
    # akun -> other names of its section heading ("A. REVENUE" of a donor template): beside the
    # chart's own name (reference/apbdes_rekening.csv), which is always read
    akun_names: dict[str, list[str]] = {}


class _Values(Strict):
    """How a descriptive field's values are read: synonyms per canonical value, a fallback for
    values that match none (published with a warning), and where the written text is kept."""

    synonyms: dict[str, list[str]] = {}
    fallback: str | None = None
    as_written: str | None = None
    # the field that keeps the full text of a value read from part of it ("unit sumur bor" -> unit)
    keep_shortened: str | None = None
    # the catch-all value ("Musdes Lainnya"): a text read as it is refined by a specific value
    # it also names, and a row holding it by the fields of ``refine_from`` (its agenda)
    generic: str | None = None
    refine_from: list[str] = []
    flags: list[str] = []  # another system's own flag in this column (OpenSID's 1/0): no value
    # words that name no value, and word forms that are one (normalise/values.py ``_by_words``):
    # with them a value is named by its synonym's words in any order
    filler_words: list[str] = []
    word_forms: dict[str, str] = {}
    # a value named with another by words is the kind, the other what it discusses
    # ("Musrenbangdes penyusunan RKP Desa" is a Musrenbangdes): value -> the values it outranks
    outranks: dict[str, list[str]] = {}
    # what to do when a cell names several values (``value-several``): {id: …, en: …}, said for
    # this field ("one line per source with its amount" for a budget's sumber dana)
    several: dict[Literal["id", "en"], str] = {}

    @field_validator("outranks")
    @classmethod
    def _outranks_values(cls, outranks: dict[str, list[str]], info) -> dict[str, list[str]]:
        values = set((info.data.get("synonyms") or {}))
        if unknown := [v for k, lower in outranks.items() for v in (k, *lower) if v not in values]:
            raise ValueError(f"outranks: {unknown[0]!r} bukan nilai di synonyms / not a declared value")
        return outranks


class _CodeFormat(Strict):
    """Another system's way of writing a code (regex with groups) and the canonical form."""

    pattern: str
    replace: str
    source: str = ""
    # the reading is told as information: True drops detail the code wrote ("4.1.2.90-99" ->
    # "4.1.2", finding code-range-read); a finding code names what else it says
    said: bool | str = False


class _Codes(Strict):
    field: str
    codes: list[str]


class _Once(Strict):
    key: list[str]  # the fields within which ``field`` holds each of ``codes`` once
    field: str
    codes: list[str]


class _SameItem(Strict):
    key: list[str]  # the fields that name one item (text compared case and spacing aside)
    values: list[str]  # what two lines naming it must agree in
    label: list[str] = []  # the key fields the finding names it by (default: all)
    only: _Codes | None = None  # the rule holds for lines of these codes only
    once: _Once | None = None  # accounts received once a year: several lines are said (a warning)


class _Definition(Strict):
    """The shape of ``datasets/<type>.yaml``."""

    record_type: str = PydanticField(pattern=r"^[a-z][a-z_]*$")
    schema_: str = PydanticField(alias="schema")
    expectations: str
    year_field: str
    name: str
    title: str
    notes: str
    resource: _Resource
    license_id: str
    tags: list[str] = []
    groups: list[str] = []
    headers: dict[str, list[str]] = {}
    header_fallbacks: dict[str, str] = {}
    weak_headers: dict[str, list[str]] = {}
    context_headers: dict[str, list[str]] = {}
    # field -> headings of columns a known report prints beside it that are not published
    # ("Anggaran Awal" beside the amended budget): said as such, not as unknown columns
    unpublished_headers: dict[str, list[str]] = {}
    # field -> headings naming it alone but, beside another column naming it, its original figure
    # ("Anggaran Murni" beside "Anggaran Perubahan"): then a companion, the other is published
    original_headers: dict[str, list[str]] = {}
    # record type -> words of headings holding data it publishes and this type does not (a
    # kegiatan report's "Realisasi (Rp)"): a warning that those numbers are not published here
    published_elsewhere: dict[str, list[str]] = {}
    # field -> bare headings ("% Capaian") read as it, unless a ``published_elsewhere`` column
    # stands beside them: then they are that column's share (realisasi / pagu), not this field
    share_headers: dict[str, list[str]] = {}
    # code field -> accounts that are outflows, printed in brackets by reports: read positive
    outflow_accounts: dict[str, list[str]] = {}
    report_rows: _ReportRows = _ReportRows()
    values: dict[str, _Values] = {}
    code_formats: dict[str, list[_CodeFormat]] = {}
    # code field -> the name field whose cells may begin with the code when no column holds it
    # ("2.3.10 Pengerasan Jalan"): read by the code's ``code_formats`` entry with a ``rest`` group
    code_in_name: dict[str, str] = {}
    # count fields a form (label : value lines) may state as a small table of rows with a total
    # (a berita acara's rekap daftar hadir): their headings by ``headers``, summed (see form_tables)
    form_tables: list[str] = []
    # attendance per group beside its total (normalise/attendance_parts.py): total, counts (the
    # men's and women's fields), group_words, headings
    attendance_parts: dict[str, str | list[str]] = {}
    # the field the row naming each record of a sideways table gives (normalise/transposed.py)
    transposed_name: str | None = None
    # code field -> the name field whose heading may also stand over the code's columns (OpenSID's
    # "Uraian" over code and name): those columns holding codes are the code column
    code_beside_name: dict[str, str] = {}
    # phrases of a title that introduce a comparison year ("dibandingkan dengan APBDes TA 2024"):
    # that year is not the file's (see normalise/year_columns.py)
    comparison_words: list[str] = []
    # a schedule's rows that did not take place (normalise/not_held.py): ``headers`` of the status
    # column, ``words`` a not-held status begins with ("ditunda", "batal"); skipped when undated
    not_held: dict[str, list[str]] = {}
    # field -> kinds of personal-looking values it may publish (e.g. the office's e-mail)
    personal_data_safe: dict[str, list[Literal["nik", "phone", "email", "names"]]] = {}
    sdi: dict[str, str] = {}  # Satu Data Indonesia metadata of this dataset type (see portal.yaml)
    derive: list[Literal["status_from_progress", "tahap_from_data", "uraian_from_chart",
                        "activity_only_on_spending", "attendance_total",
                        "values_from_title", "values_from_text", "kegiatan_from_name",
                        "source_amounts"]] = []
    # amount columns per source of funds (Permendagri 47/2016 forms): normalise/source_amounts.py
    source_amounts: dict[str, Any] = {}
    # lines naming the same item must agree in its figures (validate/same_item.py)
    same_item: _SameItem | None = None

    @field_validator("code_formats")
    @classmethod
    def _patterns_compile(cls, formats: dict[str, list[_CodeFormat]]) -> dict[str, list[_CodeFormat]]:
        for field_formats in formats.values():
            for entry in field_formats:
                try:
                    re.compile(entry.pattern)
                except re.error as exc:
                    raise ValueError(f"pola {entry.pattern!r} bukan regex yang sah ({exc})") from None
        return formats


_TEMPLATE_KEYS = set(village_context(Village("", "", "desa", "", "", "", ""))) | {"tahun"}


def load_definition(path: Path) -> DatasetDefinition:
    """One dataset definition, checked: its shape, files, field names and placeholders."""
    checked = load_config(path, _Definition)
    config = checked.model_dump(by_alias=True)
    schema_path = CONFIG_ROOT / checked.schema_
    for key in ("schema", "expectations"):
        if not (CONFIG_ROOT / config[key]).is_file():
            raise ConfigError(f"{shown(path)}: '{key}': berkas {config[key]} tidak ada; tulis jalurnya "
                              "dari akar proyek, mis. schemas/apbdes.schema.json / file not found")
    schema = read_data(schema_path)
    names = {f["name"] for f in schema.get("fields", [])}
    problems = [("year_field", checked.year_field)] if checked.year_field not in names else []
    for section in ("headers", "header_fallbacks", "values", "code_formats", "code_in_name",
                    "code_beside_name", "unpublished_headers", "original_headers", "outflow_accounts",
                    "personal_data_safe", "share_headers"):
        problems += [(f"{section}.{name}", name) for name in config[section] if name not in names]
    problems += [(f"header_fallbacks.{k}", v) for k, v in checked.header_fallbacks.items() if v not in names]
    problems += [(f"{key}.{k}", v) for key in ("code_in_name", "code_beside_name")
                 for k, v in getattr(checked, key).items() if v not in names]
    problems += [("form_tables", v) for v in checked.form_tables if v not in names]
    if checked.same_item:
        item = checked.same_item
        problems += [("same_item", v) for v in [*item.key, *item.values, *item.label,
                                                *([item.only.field] if item.only else []),
                                                *([item.once.field, *item.once.key] if item.once else [])]
                     if v not in names]
    problems += [("transposed_name", v) for v in [checked.transposed_name] if v and v not in names]
    problems += [(f"weak_headers.{k}", v) for k, fields in checked.weak_headers.items() for v in fields
                 if v not in names]
    problems += [(f"values.{k}.as_written", v.as_written) for k, v in checked.values.items()
                 if v.as_written and v.as_written not in names]
    problems += [(f"values.{k}.keep_shortened", v.keep_shortened) for k, v in checked.values.items()
                 if v.keep_shortened and v.keep_shortened not in names]
    if problems:
        key, name = problems[0]
        raise ConfigError(f"{shown(path)}: '{key}': '{name}' bukan kolom di {checked.schema_}; pilih salah "
                          f"satu dari {', '.join(sorted(names))} / not a field of the schema")
    for key in ("name", "title", "notes", "resource.name", "resource.description"):
        template = config["resource"][key[9:]] if key.startswith("resource.") else config[key]
        unknown = placeholders(template) - _TEMPLATE_KEYS
        if unknown:
            raise ConfigError(f"{shown(path)}: '{key}': placeholder {{{sorted(unknown)[0]}}} tidak dikenal; "
                              f"yang boleh: {', '.join('{' + k + '}' for k in sorted(_TEMPLATE_KEYS))} / "
                              "unknown placeholder")
    return DatasetDefinition(checked.record_type, schema_path, schema, checked.year_field, config)


@cache
def definitions() -> dict[str, DatasetDefinition]:
    """All dataset definitions keyed by record type."""
    loaded = (load_definition(p) for p in sorted(DATASETS_DIR.glob("*.yaml")))
    return {d.record_type: d for d in loaded}


def record_types() -> list[str]:
    return list(definitions())
