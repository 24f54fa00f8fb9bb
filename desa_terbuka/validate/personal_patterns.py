"""What personal data looks like in a village file (UU 27/2022): pure functions over text.

- NIK and KK numbers: 16 digits laid out as Dukcapil writes them: province, regency and district
  codes, a date (DDMMYY; a woman's NIK adds 40 to the day; a KK carries its issue date) and a
  serial number. A 16-digit number without that structure (a bank reference, an invoice) passes.
- Mobile numbers: ``08…``, ``+62 8…``, ``62 8…`` with any grouping, of a mobile number's length
  (an amount 628.550.000 is none). Landlines are left alone: they are usually the village
  office's published number.
- E-mail addresses.
- Lists of people's names (an attendance list pasted into a cell): three or more items that read
  as names, by a common name word (``reference/nama_orang_umum.csv``) or an honorific or degree.

Each hit is masked before it is shown anywhere (reports, the warehouse, the quality report).
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from functools import cache

from desa_terbuka.core.paths import REFERENCE_DIR
from desa_terbuka.core.reference import villages

KINDS = ("nik", "phone", "email", "names")
NAMES_PATH = REFERENCE_DIR / "nama_orang_umum.csv"
MIN_NAMES = 3  # a list: at least this many names in one cell (one name is an official's, public)
NAME_SHARE = 0.6  # ... making up at least this share of the cell's items

# Dukcapil province codes (two digits), Aceh 11 to the Papua provinces 91-96.
PROVINCES = frozenset({11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52,
                       53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94,
                       95, 96})
# 16 digits, optionally grouped by spaces/dots/dashes, not part of a longer number.
_SIXTEEN = re.compile(r"(?<![\d])(\d[\s.\-]?){15}\d(?![\d])")
# Not inside a grouped amount: "Rp2.081.919.000" holds "081.919.000", never a phone number.
_PHONE = re.compile(r"(?<![\d\w])(?<!\d[.,])(?<![Rr]p\s)(?:\+62|62|0)[\s.\-]?\(?8\d{1,3}\)?"
                    r"(?:[\s.\-]?\d{2,5}){1,4}(?![\d])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}")
_LIST_SPLIT = re.compile(r"[,;\n/|]+|\s+(?:dan|&)\s+|(?:^|\s)\d{1,3}\s*[.)]\s*")
_LABEL = re.compile(r"^\s*(?:daftar hadir|peserta|hadir|nama[- ]nama|nama|penerima|anggota)"
                    r"\s*[:\-]\s*", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"^[A-Za-z][A-Za-z'\-]*\.?$")
HONORIFICS = frozenset({"bapak", "bpk", "pak", "ibu", "bu", "sdr", "sdri", "saudara", "saudari",
                        "h", "hj", "haji", "hajjah", "tn", "ny", "nn", "kh", "ust", "ustadz"})
_DEGREE = re.compile(r"^(?:s|a|m|dr|drs|dra|ir|prof)\.?(?:[a-z]{1,4}\.?)*$", re.IGNORECASE)
# Words that make an item a place, a body or a thing, never a person.
NOT_NAMES = frozenset("""
desa dusun rt rw jalan jl gang kampung kantor balai aula gedung masjid musholla mushola gereja
sekolah sd smp sma paud tk posyandu puskesmas pustu polindes lapangan pasar sungai danau jembatan
dana anggaran kegiatan program pembangunan pemeliharaan rehabilitasi pengadaan pembinaan pelatihan
rapat musyawarah musdes musdus bpd lpm pkk tpk karang taruna bumdes kelompok tani ternak warga
pemerintah pemdes kecamatan kabupaten provinsi camat kepala ketua wakil sekretaris bendahara kasi
kaur kadus anggota tokoh masyarakat perwakilan pendamping babinsa bhabinkamtibmas perangkat staf
tahun bulan hari meter unit paket buah orang semen pasir batu besi kayu cat pipa seng
sumber makmur jaya mekar tumbang bukit tanjung luwuk kota baru lama hulu hilir
""".split())


@dataclass(frozen=True)
class Hit:
    """One personal value found in a text: its kind and the matched text (never shown raw)."""

    kind: str
    text: str


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def plausible_nik(number: str) -> bool:
    """16 digits with a Dukcapil layout: PP RR DD DDMMYY SSSS (women: day + 40; a KK carries its
    issue date in the same place)."""
    d = digits(number)
    if len(d) != 16:
        return False
    province, regency, district = int(d[0:2]), int(d[2:4]), int(d[4:6])
    day, month, serial = int(d[6:8]), int(d[8:10]), int(d[12:16])
    if province not in PROVINCES or not regency or not district or not serial:
        return False
    if day > 40:
        day -= 40
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]


def find_numbers(text: str) -> list[Hit]:
    """NIK/KK-like and mobile numbers in ``text``."""
    hits = [Hit("nik", m.group()) for m in _SIXTEEN.finditer(text) if plausible_nik(m.group())]
    for match in _PHONE.finditer(text):
        if mobile_number(match.group()) and not any(match.group() in h.text for h in hits):
            hits.append(Hit("phone", match.group()))
    return hits


# an amount grouped by thousands: "628.550.000", "1,250,000" (a phone number is grouped 4-4-4)
_GROUPED_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:(\.)\d{3}(?:\.\d{3})*|(,)\d{3}(?:,\d{3})*)")


def mobile_number(text: str) -> bool:
    """An Indonesian mobile number: 8 and 8 to 11 more digits after its prefix, so 10-13 digits
    written 08…, 11-14 written (+)62 8…. A column total of 628.550.000 (9 digits, or grouped
    by thousands) is an amount, never a number to call."""
    if _GROUPED_AMOUNT.fullmatch(text.strip()):
        return False
    d = digits(text)
    national = d[1:] if d.startswith("0") else d[2:]
    return national.startswith("8") and 9 <= len(national) <= 12


def find_emails(text: str) -> list[Hit]:
    return [Hit("email", m.group()) for m in _EMAIL.finditer(text)] if "@" in text else []


@cache
def place_names() -> frozenset[str]:
    """Village and kecamatan names of the reference: "Rawa Sari" is a place, not a person."""
    return frozenset(n.lower() for v in villages().values() for n in (v.nama_desa, v.nama_kecamatan))


@cache
def name_words() -> frozenset[str]:
    """Common Indonesian given names and name parts (curated data, one word per line)."""
    with open(NAMES_PATH, encoding="utf-8", newline="") as f:
        return frozenset(row["nama"].strip().lower() for row in csv.DictReader(f) if row["nama"].strip())


def is_name(item: str) -> bool:
    """Does this item read as one person's name ("Hj. Siti Aminah, S.Pd", "Budi (Ketua RT)")?"""
    words = _PARENS.sub(" ", item).replace(",", " ").split()
    if not words or len(words) > 6 or " ".join(words).lower() in place_names():
        return False
    titled = False
    kept = []
    for word in words:
        bare = word.strip(".").lower()
        if bare in HONORIFICS:
            titled = True
        elif _DEGREE.match(word) and "." in word:
            titled = True
        elif not _WORD.match(word) or bare in NOT_NAMES:
            return False
        else:
            kept.append(bare)
    if not kept or len(kept) > 4:
        return False
    return titled or any(w in name_words() for w in kept)


def find_name_list(text: str) -> list[Hit]:
    """A cell holding a list of people's names: ``MIN_NAMES`` or more, most of its items."""
    if len(text) < 8:
        return []
    head, colon, rest = text.partition(":")
    if colon and len(head) <= 60:  # "Ditetapkan 3 KPM: Budi, Siti, …": the list follows its label
        text = rest
    items = [i.strip(" .:-") for i in _LIST_SPLIT.split(_LABEL.sub("", text))]
    items = [i for i in items if i]
    names = [i for i in items if is_name(i)]
    if len(names) >= MIN_NAMES and len(names) >= NAME_SHARE * len(items):
        return [Hit("names", ", ".join(names))]
    return []


def find_personal(text: str, kinds: frozenset[str] | set[str] = frozenset(KINDS)) -> list[Hit]:
    """Every personal value of the given kinds in one text cell."""
    if not text:
        return []
    hits = find_numbers(text) if {"nik", "phone"} & kinds else []
    hits = [h for h in hits if h.kind in kinds]
    if "email" in kinds:
        hits += find_emails(text)
    if "names" in kinds:
        hits += find_name_list(text)
    return hits


def mask(hit: Hit) -> str:
    """What a report may show of a hit: the ends of a number, the initials of names."""
    if hit.kind in ("nik", "phone"):
        d = digits(hit.text)
        return d[:4] + "*" * max(len(d) - 6, 0) + d[-2:]
    if hit.kind == "email":
        local, _, domain = hit.text.partition("@")
        return f"{local[:1]}***@{domain}"
    names = [n for n in hit.text.split(", ") if n]
    shown = ["".join(w[0] + "." for w in _PARENS.sub(" ", n).split() if w[0].isalpha()) for n in names[:3]]
    return ", ".join(shown) + (f", … ({len(names)} nama)" if len(names) > 3 else "")


# Headings of columns that hold personal data whatever their values look like.
_HEADING_KINDS = (
    ("nik", re.compile(r"\b(nik|no kk|nomor kk|kk|ktp|no ktp|nomor induk kependudukan|kartu keluarga)\b")),
    ("phone", re.compile(r"\b(hp|no hp|telp|telepon|tlp|wa|whatsapp|no wa|kontak|ponsel|handphone)\b")),
    ("email", re.compile(r"\b(email|e mail|surel|surat elektronik)\b")),
    ("names", re.compile(r"\b(nama|peserta|daftar hadir|hadir|penerima|tanda tangan|ttd|paraf)\b")),
)


def heading_kind(heading: str) -> str | None:
    """The kind of personal data a heading announces ("No. HP" -> phone), if any."""
    text = re.sub(r"[^a-z0-9]+", " ", heading.lower()).strip()
    for kind, pattern in _HEADING_KINDS:
        if pattern.search(text):
            return kind
    return None


def column_hits(heading: str, values: list[str]) -> list[tuple[int, Hit]]:
    """Personal values in one column the schema does not know (never published, but the file
    must not carry them either): any hit in a cell, and a column of single names when the heading
    or most of its cells say it is one ("Daftar Hadir", "Nama Peserta")."""
    found: list[tuple[int, Hit]] = []
    announced = heading_kind(heading)
    for index, value in enumerate(values):
        for hit in find_personal(value):
            found.append((index, hit))
        if announced in ("nik", "phone") and not any(i == index for i, _ in found):
            d = digits(value)
            if (announced == "nik" and len(d) >= 15) or (announced == "phone" and 9 <= len(d) <= 14):
                found.append((index, Hit(announced, value)))
    if not any(h.kind == "names" for _, h in found):
        named = [(i, v) for i, v in enumerate(values) if v and is_name(v)]
        filled = sum(1 for v in values if v)
        # distinct names: one notulis in every notulen of the year is an official, no list
        if named and (announced == "names"
                      or (len({v for _, v in named}) >= MIN_NAMES and len(named) >= NAME_SHARE * filled)):
            found += [(i, Hit("names", v)) for i, v in named]
    return sorted(found, key=lambda item: item[0])
