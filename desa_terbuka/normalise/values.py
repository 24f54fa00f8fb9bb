"""Cells as people write them: descriptive values, codes of other systems, units in cells.

All of it is declared as data in ``datasets/<type>.yaml`` (``values``, ``code_formats``) or in the
Table Schema (``x-unit`` of a field: "%" for a percentage; ``x-unit-field``: where a unit written
in the cell goes, e.g. "450 m" -> volume 450, satuan m). Nothing here rejects a file: a value that
maps to no canonical value takes the declared fallback, and is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desa_terbuka.core.definitions import DatasetDefinition, Field, normalise_heading
from desa_terbuka.normalise.formats import clean_text

_AMOUNT_WORDS = re.compile(
    r"^(?P<number>-?\d+(?:[.,]\d+)?)\s*(?P<word>rb|ribu|k|jt|juta|m|miliar|milyar|t|triliun)\.?$",
    re.IGNORECASE)
_FACTORS = {"rb": 10**3, "ribu": 10**3, "k": 10**3, "jt": 10**6, "juta": 10**6,
            "m": 10**9, "miliar": 10**9, "milyar": 10**9, "t": 10**12, "triliun": 10**12}
_NUMBER_AND_UNIT = re.compile(r"^(?P<number>-?[\d.,]+)\s*(?P<unit>[A-Za-z][A-Za-z0-9²³/.\s]{0,20}?)"
                              r"(?:\s*\((?P<note>[^()]*)\))?$")


@dataclass(frozen=True)
class ValueReading:
    value: str  # canonical (or the fallback)
    written: str
    how: str  # "" same as written | "synonym" | "fallback"


_INDEXES: dict[tuple[int, str], tuple[dict[str, str], list[tuple[str, str]]]] = {}


def _value_index(definition: DatasetDefinition, name: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(normalised synonym -> canonical, prefixes longest first) for one field (built once)."""
    key = (id(definition.config), name)
    if key not in _INDEXES:
        _INDEXES[key] = _build_index(definition, name)
    return _INDEXES[key]


def _build_index(definition: DatasetDefinition, name: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    spec = definition.config.get("values", {}).get(name) or {}
    f = definition.field(name)
    canonical = list(f.constraints.get("enum", [])) + list((spec.get("synonyms") or {}))
    index: dict[str, str] = {}
    for value in canonical:
        index.setdefault(normalise_heading(value), value)
    for value, synonyms in (spec.get("synonyms") or {}).items():
        for synonym in synonyms:
            index.setdefault(normalise_heading(synonym), value)
    prefixes = sorted(index.items(), key=lambda item: -len(item[0]))
    return index, prefixes


def has_values(definition: DatasetDefinition, name: str) -> bool:
    return name in definition.config.get("values", {})


def read_value(definition: DatasetDefinition, name: str, text: str) -> ValueReading:
    """The canonical value of a descriptive cell: exact, a declared synonym, a synonym that
    starts the cell ("Musdes Khusus BLT-DD" -> Musdes Khusus), else the declared fallback."""
    if not text:
        return ValueReading("", "", "")
    index, prefixes = _value_index(definition, name)
    key = normalise_heading(text)
    spec = definition.config.get("values", {}).get(name) or {}
    if key in {normalise_heading(str(flag)) for flag in spec.get("flags") or ()}:
        return ValueReading("", text, "flag")  # another system's own flag, not a value
    if key in index:
        value = index[key]
        return ValueReading(value, text, "" if value == text else "synonym")
    generic = _generic(definition, name)
    by_words = _by_words(definition, name, key, generic)
    if by_words:
        return ValueReading(by_words, text, "synonym")
    padded = f" {key} "
    # a generic kind ("Musyawarah Desa (Musdes) Penetapan APBDes", "Musdes BUMDes") is refined
    # by the rest of the text: a specific value first, by the longest synonym that starts the
    # cell, then the longest phrase it contains, then a one-word synonym it contains
    for specific in (True, False):
        for prefix, value in prefixes:
            if prefix and key.startswith(prefix + " ") and (value != generic) == specific:
                return ValueReading(value, text, "synonym")
        for phrase, value in prefixes:  # "Alokasi APBN (Dana Desa)": the longest phrase it contains
            if " " in phrase and f" {phrase} " in padded and (value != generic) == specific:
                return ValueReading(value, text, "synonym")
        if specific and generic:
            for word, value in prefixes:
                if word and " " not in word and f" {word} " in padded and value != generic:
                    return ValueReading(value, text, "synonym")
    fallback = spec.get("fallback")
    if fallback is not None:  # '' clears it (the value may then be derived)
        return ValueReading(fallback, text, "fallback")
    return ValueReading(text, text, "")


_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def _core(spec: dict, text: str) -> frozenset[str]:
    """The words of a value that name it (``filler_words`` and years aside, ``word_forms`` as one)."""
    forms, filler = spec.get("word_forms") or {}, set(spec.get("filler_words") or ())
    words = [forms.get(w, w) for w in normalise_heading(text).split()]
    return frozenset(w for w in words if w not in filler and not _YEAR.match(w))


def _by_words(definition: DatasetDefinition, name: str, key: str, generic: str | None) -> str | None:
    """The specific value whose synonym's words all appear in the text, in any order: the one of
    most words ("Musdes Penetapan APBDes Perubahan" names the Perubahan, "Penyusunan RKP Desa
    (2025)" the RKPDes); None when none does, or two values tie. Only for a field that declares
    its ``filler_words``."""
    spec = definition.config.get("values", {}).get(name) or {}
    if not spec.get("filler_words"):
        return None
    words = _core(spec, key)
    index, _ = _value_index(definition, name)
    best: dict[str, int] = {}
    for synonym, value in index.items():
        core = _core(spec, synonym)
        if core and value != generic and core <= words:
            best[value] = max(best.get(value, 0), len(core))
    for value, lower in (spec.get("outranks") or {}).items():
        if value in best:  # "Musrenbangdes … penyusunan RKP Desa": the meeting, not its topic
            best = {v: n for v, n in best.items() if v not in lower}
    if not best:
        return None
    top = max(best.values())
    winners = [v for v, n in best.items() if n == top]
    return winners[0] if len(winners) == 1 else None


def _generic(definition: DatasetDefinition, name: str) -> str | None:
    """The field's declared catch-all value (``values.<field>.generic``): a reading of it is
    refined by the rest of the text, or by another column (``refine_from``)."""
    return (definition.config.get("values", {}).get(name) or {}).get("generic") or None


def refined_value(definition: DatasetDefinition, name: str, current: str, text: str) -> str | None:
    """A specific value ``text`` (another column: the agenda) names, for a cell read as the
    generic value; None when it names none."""
    if not text or current != _generic(definition, name):
        return None
    reading = read_value(definition, name, text)
    return reading.value if reading.how != "fallback" and reading.value != current else None


def shortened_kept(definition: DatasetDefinition, name: str, reading: ValueReading) -> str | None:
    """The field that keeps a cell's full text when its value is read from only part of it
    ("unit sumur bor" -> unit: what the unit counts would be lost), by ``values.<field>.
    keep_shortened``; None when nothing is shortened or the field declares no such keeping."""
    target = (definition.config.get("values", {}).get(name) or {}).get("keep_shortened")
    if not target or reading.how != "synonym" or known_value(definition, name, reading.written):
        return None
    return target


def known_value(definition: DatasetDefinition, name: str, text: str) -> str | None:
    """The canonical value ``text`` names exactly (itself or a declared synonym), else None."""
    index, _ = _value_index(definition, name)
    return index.get(normalise_heading(text))


def read_code(definition: DatasetDefinition, name: str, text: str) -> tuple[str, str]:
    """(code, rest): a code of another system's form made canonical, and any name written after
    it in the same cell ("4.1.1. Hasil Usaha Desa" -> ("4.1.1", "Hasil Usaha Desa"))."""
    text = _dotted(clean_text(text))
    for entry in definition.config.get("code_formats", {}).get(name) or []:
        match = re.fullmatch(entry["pattern"], text)
        if match:
            code = match.expand(entry["replace"].replace("{", "\\g<").replace("}", ">"))
            rest = match.groupdict().get("rest") or ""
            return canonical_code(code), clean_text(rest)
    if (lead := _LEADING_CODE.fullmatch(text)) and lead["code"] != text:
        # "01.01.01. Penyediaan …", "2.2.01 - Pemeliharaan Jalan": a code of the field's shape,
        # then its name, in one cell (the name is not the code's: it is not squashed into it)
        code, _ = read_code(definition, name, lead["code"])
        if re.fullmatch(_pattern(definition, name) or "(?!)", code):
            return code, clean_text(lead["rest"])
    return canonical_code(text), ""


def _pattern(definition: DatasetDefinition, name: str) -> str | None:
    try:
        return definition.field(name).constraints.get("pattern")
    except KeyError:  # not a field of this type (a context code)
        return None


# a leading code of at least two levels, a separator (spaces, a dash or a colon) and a name
_LEADING_CODE = re.compile(r"(?P<code>\d+(?:\.\d+)+\.?)(?:\s*[-–:]\s*|\s+)(?P<rest>[^\d\s:–-].*)")


def code_read_said(definition: DatasetDefinition, name: str, text: str) -> str | None:
    """The finding code to tell the operator with, when the ``code_formats`` entry that reads
    ``text`` asks for it (``said``): its reading keeps less than the cell wrote
    (code-range-read), or reads another system's way of writing the code (the code it names)."""
    text = _dotted(clean_text(text))
    for entry in definition.config.get("code_formats", {}).get(name) or []:
        if re.fullmatch(entry["pattern"], text):
            said = entry.get("said")
            return said if isinstance(said, str) else "code-range-read" if said else None
    return None


def _dotted(text: str) -> str:
    """"4 2 1 01" -> "4.2.1.01": a code's parts written apart, as a Penjabaran prints them; the
    last may be the chart's objek range ("4 1 4 90-99", as reference/apbdes_rekening.csv has it)."""
    if re.fullmatch(r"\d{1,2}( \d{1,2}){0,2} (\d{1,2}|\d{2}-\d{2})", text):
        return text.replace(" ", ".")
    return text


def canonical_code(text: str) -> str:
    """Codes lose spaces, Siskeudes' trailing dot and zero levels ('4.1.1.04.' -> '4.1.1.04',
    '5.0.0' -> '5')."""
    text = _dotted(text).replace(" ", "")
    if re.fullmatch(r"[\d.]+\.", text):
        text = text[:-1]
    while re.fullmatch(r"\d+(\.\d+)*\.0+", text):
        text = text.rsplit(".", 1)[0]
    return text


def split_unit(f: Field, value: Any) -> tuple[Any, str]:
    """(number, unit) for a number cell that also names its unit ('450 m'), when the schema says
    where the unit goes (``x-unit-field``) or which unit the field holds (``x-unit``: '%')."""
    number, unit, _ = split_unit_note(f, value)
    return number, unit


def is_quantity(f: Field) -> bool:
    """A number field that is not rupiah: a percentage (``x-unit``), a volume (``x-unit-field``)."""
    return bool(f.raw.get("x-unit") or f.raw.get("x-unit-field"))


def number_code(f: Field, code: str) -> str:
    """The finding code of an unreadable number: a quantity's message does not speak of rupiah."""
    return "invalid-quantity" if code == "invalid-number" and is_quantity(f) else code


def split_unit_note(f: Field, value: Any) -> tuple[Any, str, str]:
    """(number, unit, note): as ``split_unit``, and the size or description written after the
    unit in brackets ('1 unit (12 x 2 m)': 1, unit, '12 x 2 m'); a volume is the count of its
    unit, the bracket only describes it."""
    text = clean_text(value) if isinstance(value, str) else value
    if not isinstance(text, str) or not text:
        return value, "", ""
    size = read_size(f, text)
    if size is not None:
        return size.volume, size.unit, size.written
    unit = f.raw.get("x-unit")
    if unit and text.endswith(unit):
        return text[: -len(unit)].strip(), unit, ""
    if f.raw.get("x-unit-field"):
        match = _NUMBER_AND_UNIT.fullmatch(text)
        if match and not re.match(r"[x×*]\s*\d", match["unit"], re.IGNORECASE):  # a size unread
            return match["number"], clean_text(match["unit"]), clean_text(match["note"])
    return value, "", ""


# one dimension of a size: 'P. 250 m', 'L: 2,5 m', 'T 0,15', '350', '4 m'
_DIMENSION = re.compile(r"(?:(?:p|l|t|tb|d|panjang|lebar|tinggi|tebal|dalam|kedalaman)\s*[.:=]?\s*)?"
                        r"(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>mm|cm|km|m)?\.?", re.IGNORECASE)
_METRES = {"mm": Decimal("0.001"), "cm": Decimal("0.01"), "m": Decimal(1)}
_TIMES = re.compile(r"\s*[x×*]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Size:
    """A volume written as a size ('350 x 4 m', 'P. 250 m x L. 2,5 m x T. 0,15 m'): the product
    of its dimensions in the square or cube of their unit (1400 m2), and the size as written."""

    volume: Decimal
    unit: str
    written: str


def read_size(f: Field, value: Any) -> Size | None:
    """The size a volume cell writes as two or three dimensions of one length unit, or None.

    The 'x' between numbers multiplies lengths: it is never the unit 'kali' (times), and the
    first number alone (350 of '350 x 4 m') is not the volume either."""
    if not f.raw.get("x-unit-field") or not isinstance(value, str):
        return None
    text = clean_text(value)
    parts = [_DIMENSION.fullmatch(p) for p in _TIMES.split(text)]
    if not 2 <= len(parts) <= 3 or not all(parts):
        return None
    units = {m["unit"].lower() for m in parts if m["unit"]}
    if len(units) > 1 and (units - set(_METRES) or not all(m["unit"] for m in parts)):
        return None  # no length unit, or several that are not all read: not read as a size
    if not units:
        return None
    unit = units.pop() if len(units) == 1 else "m"  # 'P 100 m x L 30 cm': in metres
    volume = Decimal(1)
    for m in parts:
        number = m["number"]
        whole, _, rest = number.partition(".")
        length = Decimal(whole + rest if len(rest) == 3 else number.replace(",", "."))
        volume *= length * _METRES[m["unit"].lower()] if unit == "m" and m["unit"] else length
    exact = volume.quantize(Decimal(1)) if volume == volume.to_integral_value() else volume.normalize()
    return Size(exact, f"{unit}{len(parts)}", text)


def size_across(f: Field, row: dict) -> Any:
    """The volume cell, joined with its unit cell when that continues a size ('350' | 'x 4 m')."""
    value, target = row.get(f.name), f.raw.get("x-unit-field")
    unit = clean_text(row.get(target)) if target else ""
    if unit and re.match(r"[x×*]\s*\d", unit) and re.fullmatch(r"\d+(?:[.,]\d+)?", clean_text(value)):
        return f"{clean_text(value)} {unit}"
    return value


def size_moved(f: Field, row: dict, unit: str, size: str) -> str:
    """A size read as the volume: its unit replaces the satuan (which named the length only),
    the size as written is kept in the note field; returns the satuan the row had."""
    target, note = f.raw["x-unit-field"], f.raw.get("x-note-field")
    written = clean_text(row.get(target))
    row[target] = unit
    if note:
        row[note] = "; ".join(t for t in (clean_text(row.get(note)), f"ukuran {size}") if t)
    return written


def amount_in_words(value: Any) -> Decimal | None:
    """'5 jt' -> 5000000, '1,2 M' -> 1200000000: an amount written with a word for its size."""
    if not isinstance(value, str):
        return None
    match = _AMOUNT_WORDS.fullmatch(re.sub(r"^(rp\.?|idr)\s*", "", clean_text(value), flags=re.I))
    if not match:
        return None
    number = Decimal(match["number"].replace(",", "."))
    return number * _FACTORS[match["word"].lower()]


_COUNT = re.compile(r"^(?P<number>\d[\d.]*)\s*(?:orang|org|jiwa|kk|peserta|undangan|unit|buah|kali)?\.?"
                    r"(?:\s*\((?P<parts>[^)]*)\))?$", re.IGNORECASE)
_PART = re.compile(r"(?P<key>[a-z]+)\s*[:=]?\s*(?P<number>\d+)", re.IGNORECASE)
# between and after the parts of a cell holding only parts: 'L 23 / P 11', 'L: 23, P: 11 org'
_PART_GLUE = re.compile(r"^(?:\s|[/,;&+-]|dan|orang|org)*$", re.IGNORECASE)


def read_count(value: Any) -> tuple[Any, dict[str, str]]:
    """A count written with its unit and parts: '45 orang (L 25, P 20)' -> ('45', {'l': '25',
    'p': '20'}); anything else unchanged."""
    if not isinstance(value, str):
        return value, {}
    match = _COUNT.fullmatch(clean_text(value))
    if not match:
        return value, {}
    parts = {m["key"].lower(): m["number"] for m in _PART.finditer(match["parts"] or "")}
    return match["number"], parts


def count_from_parts(value: Any, keys: dict[str, str]) -> tuple[str, dict[str, str]] | None:
    """A count written only as its parts, 'L 23 / P 11' -> ('34', {'l': '23', 'p': '11'}), when
    every part is one the schema names (``x-parts``) and no two name the same field: the parts
    then split the whole, so their sum is the count. None for anything else."""
    if not isinstance(value, str):
        return None
    text = clean_text(value)
    found = list(_PART.finditer(text))
    if len(found) < 2 or text[:found[0].start()].strip():
        return None
    gaps = [text[a.end():b.start()] for a, b in zip(found, found[1:])] + [text[found[-1].end():]]
    if not all(_PART_GLUE.fullmatch(gap) for gap in gaps):
        return None
    parts = {m["key"].lower(): m["number"] for m in found}
    targets = [keys.get(key) for key in parts]
    if len(parts) != len(found) or None in targets or len(set(targets)) != len(targets):
        return None
    return str(sum(int(n) for n in parts.values())), parts


_ORDER = re.compile(r"\b([a-z]+)\s*/\s*([a-z]+)\b", re.IGNORECASE)
_TWO = re.compile(r"^(?:(?P<total>\d+)\s*(?:orang|org)?\s*\(\s*(?P<a>\d+)\s*[/,;-]\s*(?P<b>\d+)\s*\)"
                  r"|(?P<x>\d+)\s*[/-]\s*(?P<y>\d+))\s*(?:orang|org)?$", re.IGNORECASE)


def heading_order(heading: str, keys: dict[str, str]) -> tuple[str, str] | None:
    """The parts a heading announces in order, "Peserta Hadir (L / P)" -> ('l', 'p'), when both
    are parts the schema names (``x-parts``) and name different fields."""
    match = _ORDER.search(heading or "")
    if not match:
        return None
    a, b = match[1].lower(), match[2].lower()
    return (a, b) if keys.get(a) and keys.get(b) and keys[a] != keys[b] else None


def count_by_order(value: Any, order: tuple[str, str]) -> tuple[str, dict[str, str]] | None:
    """Bare numbers in the heading's order: '18 / 7' -> ('25', {l: 18, p: 7}), '26 (17/9)' ->
    ('26', {l: 17, p: 9}): the total stays as written (the attendance-sum rule checks it)."""
    if not isinstance(value, str):
        return None
    match = _TWO.fullmatch(clean_text(value))
    if not match:
        return None
    if match["total"]:
        return match["total"], {order[0]: match["a"], order[1]: match["b"]}
    return str(int(match["x"]) + int(match["y"])), {order[0]: match["x"], order[1]: match["y"]}
