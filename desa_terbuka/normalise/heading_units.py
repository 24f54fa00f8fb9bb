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
_ZEROS = r"000(?: ?000)*"  # "000", "000 000" ("Rp.000.000"); normalised text has no dots
# On the normalised heading (lower case, punctuation as spaces): each pattern's group ``z`` holds
# the zeros of the factor, or group ``w`` the word of the size.
_STATED = [
    re.compile(rf"\brp ?(?P<z>{_ZEROS})\b"),  # Rp.000, Rp 000, Rp000
    re.compile(rf"\b(?P<z>{_ZEROS}) ?rp\b"),  # (000 Rp), (000Rp)
    re.compile(rf"\bx ?(?:rp ?)?1 ?(?P<z>{_ZEROS})\b"),  # x 1000, x 1.000, x Rp 1.000
    re.compile(rf"\b(?:dalam )?(?P<w>{_SIZE})(?: rupiah| rp)\b"),  # ribuan rupiah, juta rp
    re.compile(rf"\b(?:rp|rupiah) (?P<w>{_SIZE})\b"),  # Rp juta, Rp ribu
    re.compile(rf"\bdalam (?:rp )?(?P<w>{_SIZE})\b"),  # dalam ribuan, dalam Rp juta
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
