"""What of a heading is its name, and what is form around it.

A bracket usually holds a unit or a note ("Anggaran (Rp)", "Hasil (ringkas)"): the heading is
read without it. But a bracket that names a part of the people counted is the heading's meaning:
"Jumlah peserta yang hadir (laki-laki)" is the men, not the attendance, and dropping the bracket
would read the men's and the women's columns as one field (and the real total as unknown).

A form adds instructions to its questions ("Pagu Anggaran (Rp) – tulis angka saja tanpa titik",
"Kode Kegiatan contoh: 2.3.10", "Nama Desa *", "wajib diisi"): they tell the person filling it in
what to write and are no part of the column's name.
"""

from __future__ import annotations

import re
from functools import cache

from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.paths import REFERENCE_DIR

# A word naming a part of the people counted: "Jumlah Peserta Warga Miskin" is a subgroup, never
# the attendance (a heading read by its words must name every such word it has)
SUBGROUPS = {"miskin", "disabilitas", "difabel", "penyandang", "perempuan", "wanita", "laki",
             "pria", "pemuda", "lansia", "anak", "rentan", "marginal", "tokoh", "perwakilan"}
_MEN, _WOMEN = {"laki", "pria", "l", "lk"}, {"perempuan", "wanita", "p", "pr"}
_LETTERS = {"l", "lk", "p", "pr"}  # "(L)", "(P)": only as the whole bracket
_SPELLED = {"l": "laki-laki", "lk": "laki-laki", "p": "perempuan", "pr": "perempuan"}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# the words an instruction to the person filling in begins with
_INSTRUCTION = ("tulis", "tuliskan", "isi", "isikan", "diisi", "wajib", "contoh", "cth", "misal",
                "misalnya", "mis", "pilih", "pilihlah", "lihat", "gunakan", "ketik", "harap",
                "mohon", "boleh", "cukup", "format", "sesuai", "maksimal", "maks", "minimal",
                "angka saja", "hanya angka", "tanpa titik")
_WORDS = "|".join(re.escape(w) for w in sorted(_INSTRUCTION, key=len, reverse=True))
# a separator (dash, en/em dash, colon, comma) and an instruction after it: the rest is form
_AFTER_SEPARATOR = re.compile(rf"\s*(?:[–—:;,]|\s-\s|\s-(?=\s*[a-z]))\s*(?:{_WORDS})\b.*$",
                              re.IGNORECASE | re.DOTALL)
# an example after the name ("Kode contoh 2.3.10"), a required mark ending it ("Nama wajib diisi";
# not "tanggal | wajib | Tanggal: …", a line of a Petunjuk sheet's table)
_TRAILING = re.compile(r"\s+(?:(?:contoh|cth|misal(?:nya)?|mis\.)\b.*|wajib(?:\s+di\s?isi)?\W*)$",
                       re.IGNORECASE | re.DOTALL)


class HeadingWords(Strict):
    abbreviations: dict[str, str]  # "tgl" -> "tanggal", wherever it stands in a heading
    date_parts: dict[str, list[str]]  # "month", "year" -> the words heading such a column


@cache
def heading_words() -> HeadingWords:
    """The shared heading words (``reference/heading_words.yaml``)."""
    return load_config(REFERENCE_DIR / "heading_words.yaml", HeadingWords)


def spelled_out(plain: str) -> str:
    """A normalised heading with each abbreviation written out ("tgl musyawarah" -> "tanggal
    musyawarah"), so that an abbreviation with a qualifying word reads as the full word does."""
    words = heading_words().abbreviations
    return " ".join(words.get(word, word) for word in plain.split())


def without_instruction(text: str) -> str:
    """The heading without a form's fill-in instruction and required mark ("*")."""
    written = str(text or "")
    cut = _BRACKETS.sub(lambda m: " " if _is_instruction(m[0][1:-1]) else m[0], written)
    for pattern in (_AFTER_SEPARATOR, _TRAILING):
        match = next((m for m in pattern.finditer(cut) if not _in_bracket(cut, m.start())), None)
        if match and normalise_heading(cut[:match.start()]):
            cut = cut[:match.start()]
    cut = cut.replace("*", " ").strip(" -–—:;,")
    return cut if normalise_heading(cut) else written


def _in_bracket(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")


def _is_instruction(inside: str) -> bool:
    said = f"{normalise_heading(inside)} "  # "(isi dengan angka)", not "(miskin)"
    return any(said.startswith(f"{w} ") for w in _INSTRUCTION)


def is_qualifier(inside: str) -> bool:
    """A bracket's text names one part of the people counted ("laki-laki", "P", "warga miskin"),
    not a unit or a note; "(L/P)" names both, so it is a note on the layout."""
    words = set(normalise_heading(inside).split())
    if not words:
        return False
    if words & _MEN and words & _WOMEN:
        return False
    return bool(words & SUBGROUPS) or (len(words) == 1 and bool(words & _LETTERS))


def without_brackets(text: str) -> str:
    """The heading without its brackets, except those that qualify it (``is_qualifier``); a
    letter is written out ("Peserta Hadir (P)": the women), for the words to say the subgroup."""
    def kept(match: re.Match) -> str:
        inside = match[0][1:-1]
        if not is_qualifier(inside):
            return " "
        letter = normalise_heading(inside)
        return f" {_SPELLED.get(letter, inside)} "
    return _BRACKETS.sub(kept, str(text or ""))


_ROW_NUMBER = re.compile(r"^(?:no|nomor|nmr|no urut|nomor urut|urut|urutan|no baris)$")


def is_row_number(heading: str) -> bool:
    """"No", "No.", "Nomor Urut", "#": the column numbers the rows; it is form, no field."""
    text = str(heading or "").strip()
    return text == "#" or bool(_ROW_NUMBER.fullmatch(normalise_heading(text)))


def published_elsewhere(definition: DatasetDefinition, heading: str) -> str | None:
    """The record type that publishes what the heading holds, by its declared phrases
    (``published_elsewhere``): a phrase of several words anywhere in the heading, one word only
    leading it ("Realisasi s.d. Bulan Ini", "% Keuangan"; not "Kaur Keuangan")."""
    plain = normalise_heading(without_brackets(without_instruction(heading)))
    for other, phrases in (definition.config.get("published_elsewhere") or {}).items():
        for phrase in map(normalise_heading, phrases):
            if f" {phrase} " in f" {plain} " if " " in phrase else plain.split()[:1] == [phrase]:
                return other
    return None


def is_share(definition: DatasetDefinition, heading: str) -> bool:
    """The heading is one of the declared bare percentages (``share_headers``: "% Capaian")."""
    plain = {normalise_heading(heading), normalise_heading(without_brackets(without_instruction(heading)))}
    return any(plain & {normalise_heading(h) for h in texts}
               for texts in (definition.config.get("share_headers") or {}).values())


def amount_source(definition: DatasetDefinition, heading: str) -> str | None:
    """The source of funds whose amounts the column holds, by ``source_amounts`` (Permendagri
    47/2016's "SUMBER DANA" over "PEMERINTAH | PROVINSI | KAB/KOTA | SWADAYA"), or a heading that
    is one of the source field's own values (its ``values`` synonyms: a sheet of one amount
    column per source headed "DD | ADD | PAD | BHP/BHR"), else None."""
    spec = definition.config.get("source_amounts") or {}
    if not spec:
        return None
    plain = normalise_heading(without_brackets(without_instruction(heading)))
    parents = [normalise_heading(p) for p in spec.get("parents") or []]
    for code, words in (spec.get("sources") or {}).items():
        for word in map(normalise_heading, words):
            if plain == word or any(plain == f"{p} {word}" for p in parents):
                return code
    values = ((definition.config.get("values") or {}).get(spec.get("field", "sumber_dana")) or {})
    synonyms = values.get("synonyms") or {}
    # "BHP/BHR", "DD / Dana Desa": each part names the same source
    parts = [p for p in (normalise_heading(t) for t in re.split(r"[/|]", heading)) if p]
    for candidate in [plain, *parts]:
        for p in ["", *parents]:
            bare = candidate[len(p):].strip() if p and candidate.startswith(p + " ") else candidate
            found = {code for code, words in synonyms.items()
                     if bare in {normalise_heading(w) for w in words} or bare == normalise_heading(code)}
            if len(found) == 1:
                return found.pop()
    return None
