"""What a coded row of a report heads (an akun, a bidang, a kegiatan, an account heading), read
from its code and label alone (``report_sheet`` places it among the rows)."""

from __future__ import annotations

import re

from desa_terbuka.core.definitions import normalise_heading
from desa_terbuka.core.reference import accounts


def akun_named(text: str, names: dict[str, list[str]] | None = None) -> str:
    """The akun (level 1 of the chart, reference/apbdes_rekening.csv) a section heading names,
    by the chart's name or one the dataset declares (``report_rows.akun_names``)."""
    wanted = normalise_heading(text)
    chart = next((a.kode for a in accounts().values()
                  if a.level == 1 and normalise_heading(a.uraian) == wanted), "")
    return chart or next((akun for akun, words in (names or {}).items()
                          if wanted in {normalise_heading(w) for w in words}), "")


def heading_kind(written: str, code: str, label: str, siskeudes: dict[str, str],
                 akun: str | None) -> tuple[str, str] | None:
    """What a coded row above line level heads. In the belanja section a single digit below 6
    is a bidang ("5 Penanggulangan Bencana" after "5 BELANJA"), as is a zero-padded one ("05")."""
    text = label.lower()
    padded = bool(re.match(r"\s*0\d", written))
    if re.fullmatch(r"\d{2}\.\d{2}\.\d{2}", code) and code in siskeudes:
        code = siskeudes[code]
    elif re.fullmatch(r"0\d(\.0\d)?", code):  # Siskeudes bidang/sub-bidang: "02", "02.02"
        code = ".".join(str(int(part)) for part in code.split("."))
    if re.fullmatch(r"[1-5]\.[1-9]\.\d{2}", code):
        return "kegiatan", code
    if re.fullmatch(r"[4-6]", code) and "bidang" not in text and not padded and \
            not (akun == "5" and code in "45"):
        return "akun", code
    if re.fullmatch(r"[1-5](\.[1-9])?", code) and ("bidang" in text or padded or akun == "5"
                                                  or code[0] not in "456"):
        return ("bidang" if "." not in code else "sub_bidang"), code
    if re.fullmatch(r"[4-6]\.[1-9](\.[1-9])?", code):
        return "rekening", code
    return None
