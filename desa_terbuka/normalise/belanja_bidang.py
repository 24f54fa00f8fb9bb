"""Belanja coded per bidang in the belanja section: '5.1 Bidang Penyelenggaraan Pemerintahan Desa',
'5.2.1 Pendidikan' (a desa website / OpenSID artikel table).

Such a code has the shape of an economic account (5.1 Belanja Pegawai, 5.2.1 Belanja Barang
Perlengkapan) but means bidang 1 and sub-bidang 2.1 of reference/bidang_kegiatan.csv. Only the
uraian tells them apart: a code is read per bidang where its uraian names the bidang or sub-bidang
(or says "Bidang …") rather than the account of that code in the chart. Reading it as the account
would publish spending under the wrong belanja type.
"""

from __future__ import annotations

import difflib
import re

from desa_terbuka.core.definitions import normalise_heading
from desa_terbuka.core.reference import accounts, activities

NAME_CUTOFF = 0.8  # how alike an uraian and a reference name must be to be the same name
_FILLER = {"bidang", "sub", "desa", "dan", "kegiatan"}
_PER_BIDANG = re.compile(r"5\.([1-5])(?:\.([1-9]))?")
_SAYS_BIDANG = re.compile(r"^(?:sub\s*)?bidang\b", re.IGNORECASE)


def _words(text: str) -> str:
    return " ".join(w for w in normalise_heading(text).split() if w not in _FILLER)


def name_likeness(written: str, reference: str) -> float:
    """How alike two names are, ignoring case, punctuation and filler words (0 … 1)."""
    a, b = _words(written), _words(reference)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def bidang_of(code: str, label: str, parent: str | None = None) -> str | None:
    """The bidang or sub-bidang ('1', '2.1') a belanja code ('5.1', '5.2.1') stands for, or None
    when it is the account of the chart. ``parent`` is the bidang the row above was read as: its
    5.X.Y rows are its sub-bidangs unless their uraian names the account."""
    match = _PER_BIDANG.fullmatch(code)
    if not match:
        return None
    kode = match[1] + (f".{match[2]}" if match[2] else "")
    activity = activities().get(kode)
    if activity is None:
        return None
    account = accounts().get(code)
    as_account = name_likeness(label, account.uraian) if account else 0.0
    as_bidang = name_likeness(label, activity.uraian)
    if as_account >= NAME_CUTOFF and as_account >= as_bidang:
        return None
    if as_bidang >= NAME_CUTOFF or _SAYS_BIDANG.match(label.strip()):
        return kode
    if match[2] and parent == match[1]:
        return kode
    return None


_COMMON = _FILLER | {"belanja", "lain", "lainnya", "dari", "yang", "untuk", "tahun", "dll"}


def _content(text: str) -> set[str]:
    return {w for w in normalise_heading(text).split() if w not in _COMMON and not w.isdigit()}


def name_disagrees(code: str, written: str) -> str | None:
    """The chart's name of a jenis or kelompok code ('5.2.1') when the uraian written on its line
    shares no word with it ('Pendidikan' on 5.2.1 Belanja Barang Perlengkapan), else None. Objek
    lines are left alone: their uraian is the village's own rincian."""
    account = accounts().get(code)
    if account is None or account.level not in (2, 3) or not written or \
            normalise_heading(written).startswith("lain"):
        return None  # "Lain-lain (Sewa Gedung)": the village's own line under the jenis
    ours, theirs = _content(written), _content(account.uraian)
    if not ours or not theirs or name_likeness(written, account.uraian) >= 0.5:
        return None
    if any(a[:5] == b[:5] for a in ours for b in theirs):
        return None
    return account.uraian


# a bidang numbered before its name: "I", "II.", "1.", "A." (the No column merged into the name)
_NUMBERING = re.compile(r"^(?:[IVX]+|\d{1,2}|[A-H])\.?\s+", re.IGNORECASE)
SUB_CUTOFF = 0.95  # a sub-bidang's name is short ("Pendidikan"): only the name itself heads


def bidang_named(texts: list[str]) -> tuple[str, str, str] | None:
    """(level, kode, name) of a bidang or sub-bidang heading written by name, without its code:
    "Bidang Penyelenggaraan Pemerintahan Desa", "II. PELAKSANAAN PEMBANGUNAN DESA",
    "Sub Bidang Pendidikan" (the names of reference/bidang_kegiatan.csv). A kegiatan list heads
    its kegiatan so; read as a line, its name would be an invalid code and its subtotal counted
    twice. "Bidang …" of a name not in the reference is a bidang all the same (kode '')."""
    for written in texts:
        text = _NUMBERING.sub("", written.strip()).strip(" .:-")
        if not re.search(r"[^\W\d_]{3}", text):
            continue
        best = max(((name_likeness(text, a.uraian), a) for a in activities().values()
                    if a.level in ("bidang", "sub_bidang")), key=lambda pair: pair[0])
        likeness, activity = best
        says = _SAYS_BIDANG.match(text)
        if likeness >= (NAME_CUTOFF if activity.level == "bidang" or says else SUB_CUTOFF):
            return activity.level, activity.kode, text
        if says:
            return ("sub_bidang" if re.match(r"sub", text, re.IGNORECASE) else "bidang"), "", text
    return None
