"""The size of the numbers a heading states: "Prakiraan Biaya (Rp.000)", "ANGGARAN (dalam ribuan
rupiah)", "Pagu (Rp juta)", "Nilai (x 1.000)". Such a column holds thousands (or millions) of
rupiah, and reading it as rupiah would publish numbers a thousand times too small; so the amounts
are multiplied, and the operator is told. "(Rp)", "Rp." and "(Rp,-)" name the currency only.
"""

from __future__ import annotations

import re

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading

_WORDS = {"ribu": 10**3, "ribuan": 10**3, "juta": 10**6, "jutaan": 10**6,
          "miliar": 10**9, "milyar": 10**9, "miliaran": 10**9, "milyaran": 10**9}
_SIZE = "|".join(_WORDS)
# words that count a size ("delapan ratus juta rupiah" is an amount, not the table's unit)
_NOT_COUNTED = "".join(f"(?<!{w} )" for w in (
    "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
    "sebelas", "seratus", "ratus", "ratusan", "puluh", "puluhan", "belas", "belasan", "sekitar"))
_ZEROS = r"000(?: ?000)*"  # "000", "000 000" ("Rp.000.000"); normalised text has no dots
# On the normalised heading (lower case, punctuation as spaces): each pattern's group ``z`` holds
# the zeros of the factor, or group ``w`` the word of the size.
_STATED = [
    re.compile(rf"\brp ?(?P<z>{_ZEROS})\b"),  # Rp.000, Rp 000, Rp000
    re.compile(rf"\b(?P<z>{_ZEROS}) ?rp\b"),  # (000 Rp), (000Rp)
    re.compile(rf"\bx ?(?:rp ?)?1 ?(?P<z>{_ZEROS})\b"),  # x 1000, x 1.000, x Rp 1.000
    # ribuan rupiah, juta rp; not "800 juta rupiah", "ratusan juta rupiah" (an amount, in a note)
    re.compile(rf"\b(?<!\d ){_NOT_COUNTED}(?:dalam )?(?P<w>{_SIZE})(?: rupiah| rp)\b"),
    re.compile(rf"\b(?:rp|rupiah) (?P<w>{_SIZE})\b"),  # Rp juta, Rp ribu
    re.compile(rf"\bdalam (?:rp )?(?P<w>{_SIZE})\b"),  # dalam ribuan, dalam Rp juta
    re.compile(rf"\b(?:satuan|dalam) (?:rp ?|rupiah )?1 ?(?P<z>{_ZEROS})\b"),  # Satuan: Rp 1.000
]
_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
_ALONE = re.compile(rf"^(?:(?P<z>{_ZEROS})|(?P<w>{_SIZE}))$")  # "(000)", "(ribuan)"


def heading_scale(text: str) -> tuple[int, str] | None:
    """(factor, the words that state it) when the heading states its numbers' size, else None."""
    written = str(text or "")
    parts = [a or b for a, b in _BRACKETED.findall(written)]
    for part in parts:
        match = _ALONE.fullmatch(normalise_heading(part))
        if match:
            return _factor(match), part.strip()
    plain = normalise_heading(written)
    for pattern in _STATED:
        match = pattern.search(plain)
        if match:
            stated = next((p.strip() for p in parts if pattern.search(normalise_heading(p))), match[0])
            return _factor(match), stated
    return None


def without_scale(text: str) -> str:
    """The normalised heading without the words stating the size ("anggaran rp 000" -> "anggaran")."""
    plain = normalise_heading(text)
    for pattern in _STATED:
        plain = pattern.sub(" ", plain)
    return re.sub(r"\s+", " ", plain).strip()


def _factor(match: re.Match) -> int:
    groups = match.groupdict()
    if groups.get("z"):
        return 10 ** len(groups["z"].replace(" ", ""))
    return _WORDS[groups["w"]]


def column_scales(header, definition: DatasetDefinition) -> dict[str, tuple[int, str, str]]:
    """field -> (factor, the words stating it, the heading as written) for the amount columns
    whose heading states a size. A percentage (``x-unit``) or a count has no size."""
    scales = {}
    for col, name in header.columns.items():
        f = definition.field(name)
        if f.type != "number" or f.raw.get("x-unit"):
            continue
        heading = header.written.get(col) or ""
        found = heading_scale(heading)
        if found:
            scales[name] = (found[0], found[1], heading)
    return scales


# A title row or a note under the table may state the size for the whole table: "(dalam ribuan
# rupiah)", "Nilai dalam Rp ribuan", "Satuan: Rp 1.000", "Angka dalam jutaan rupiah". Free text
# also mentions amounts ("Dana Desa Rp 800 juta"), so a line counts only when the statement is in
# brackets, the line says what it states ("dalam", "satuan", "angka", "nilai"), or it is all the line.
_CUE = re.compile(r"\b(?:satuan|dalam|angka|nilai|dinyatakan|unit)\b")
# "dalam rupiah", "Satuan: Rupiah", "rupiah penuh": full rupiah, said (factor 1, nothing to scale)
_FULL = re.compile(r"\b(?:(?:dalam|satuan|mata uang) (?:rupiah|rp)|rupiah penuh)\b")


def line_scale(text: str) -> tuple[int, str, str] | None:
    """(factor, the words that state it, the words before them) when a title row or a note line
    states the size of the table's numbers; factor 1 when it says full rupiah."""
    written = str(text or "")
    for match in _BRACKETED.finditer(written):
        part = match[1] if match[1] is not None else match[2]
        found = heading_scale(f"({part})") or _full(part)
        if found:
            return found[0], part.strip(), normalise_heading(written[:match.start()])
    plain = normalise_heading(written)
    for pattern in [*_STATED, _FULL]:
        match = pattern.search(plain)
        if match and (_CUE.search(plain) or match[0] == plain):
            factor = _factor(match) if pattern is not _FULL else 1
            return factor, written.strip(), plain[:match.start()].strip()
    return None


def _full(part: str) -> tuple[int, str] | None:
    plain = normalise_heading(part)
    return (1, part.strip()) if _FULL.search(plain) or plain in ("rupiah",) else None
