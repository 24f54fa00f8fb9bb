"""Which lines a report's total row adds up: by its name (JUMLAH BELANJA = +5, SURPLUS = +4 -5)
or by position (the headings it closes, the lines since the last total)."""

from __future__ import annotations

import re


def total_scopes(heading: str, named: dict[str, str], results: list[str],
                 line_codes: dict[int, str], blocks: list, since_total: list[int],
                 lines: list[int]):
    """The line sets a total row may add up: the lines its named formula takes (``totals`` of
    the definition's ``report_rows``), none for a computed result it does not name, else the
    open headings' lines, the lines since the last total, all lines."""
    words = heading.split()  # "SILPA/SiLPA TAHUN BERJALAN": one word written twice
    heading = " ".join(w for i, w in enumerate(words) if i == 0 or w != words[i - 1])
    key = next((k for k in sorted(named, key=len, reverse=True)
                if heading == k or heading.startswith(k + " ")), None)
    if key is not None:
        signs: dict[int, int] = {}
        for term in named[key].split():
            sign, prefix = (-1 if term[0] == "-" else 1), term.lstrip("+-")
            for number, code in line_codes.items():
                if code == prefix or code.startswith(prefix + "."):
                    signs[number] = sign
        return [(key, signs)]
    if any(re.search(rf"\b{re.escape(w)}\b", heading) for w in results):
        return []  # a computed result the definition does not name: not a sum of lines above
    scopes = [(b.label, {n: 1 for n in b.lines}) for b in reversed(blocks)]
    return scopes + [("", {n: 1 for n in since_total}), ("", {n: 1 for n in lines})]
