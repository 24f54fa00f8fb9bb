"""Find a village in the reference from a name as operators write it.

"Ds. Tumbang Mujam", "TUMBANG MUJAM" and "Desa Tumbang Mujam" are the same village: case,
punctuation and prefixes (Desa, Ds., Kel., Kelurahan, Pemerintah Desa) are ignored. Known
differences between common spelling and the Kemendagri list are declared in
``reference/village_aliases.csv``. Anything else is never guessed:

- an exact (or alias) name that is unique — within the kecamatan when one is named — is a match;
- a spelling variant (small edit distance) is accepted only when it is the single candidate *and*
  the kecamatan corroborates it; it is then reported as a warning;
- every other case (several villages of that name, a variant without corroboration, no match)
  is an error that lists the candidates.
"""

from __future__ import annotations

import bisect
import csv
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable, Literal

import numpy as np

from desa_terbuka.core.paths import REFERENCE_DIR
from desa_terbuka.core.reference import Village, villages

Status = Literal["exact", "alias", "variant", "ambiguous", "uncertain", "not-found"]
KODE_DESA = re.compile(r"\d{2}\.\d{2}\.\d{2}\.[12]\d{3}")
_PREFIXES = re.compile(r"^(?:pemerintah\s+|pemdes\s+)?(?:desa|ds|kel|kelurahan|kampung)\b\s*")
_KEC_PREFIX = re.compile(r"^(?:kecamatan|kec)\b\s*")


@dataclass(frozen=True)
class VillageMatch:
    query: str
    status: Status
    candidates: tuple[Village, ...] = field(default_factory=tuple)
    corroboration: str | None = None

    @property
    def village(self) -> Village | None:
        """The village when the match is certain enough to use."""
        return self.candidates[0] if self.status in ("exact", "alias", "variant") else None

    @property
    def kode(self) -> str | None:
        return self.village.kode_desa if self.village else None

    def candidate_text(self, limit: int = 5) -> str:
        shown = [f"{v.kode_desa} {v.nama_desa} (Kec. {v.nama_kecamatan})"
                 for v in self.candidates[:limit]]
        return "; ".join(shown) or "-"


def normalise_name(text: str) -> str:
    """'Ds. Tumbang-Mujam ' -> 'tumbang mujam'."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()
    previous = None
    while previous != words:  # "Pemerintah Desa", "Kel. Desa" ...
        previous, words = words, _PREFIXES.sub("", words).strip()
    return words


def normalise_kecamatan(text: str) -> str:
    return _KEC_PREFIX.sub("", normalise_name(text)).strip()


def distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    return int(_levenshtein(a, b, math.inf))


def bounded_distance(a: str, b: str, limit: float) -> float:
    """``distance(a, b)`` when it is at most ``limit``, else some number above ``limit``: the
    rows stop as soon as every cell of one exceeds it (no later row has a smaller minimum)."""
    return _levenshtein(a, b, limit)


def _levenshtein(a: str, b: str, limit: float) -> float:
    if abs(len(a) - len(b)) > limit:
        return abs(len(a) - len(b))
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return min(current)
        previous = current
    return previous[-1]


def max_distance(name: str) -> int:
    """How different a spelling variant may be: 1 edit for short names, 2 for longer ones."""
    return 1 if len(name.replace(" ", "")) <= 8 else 2


@cache
def aliases() -> dict[str, str]:
    """Normalised alias -> kode desa, from ``reference/village_aliases.csv``."""
    path = REFERENCE_DIR / "village_aliases.csv"
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        return {normalise_name(r["alias"]): r["kode_desa"] for r in csv.DictReader(f)}


@dataclass(frozen=True)
class _Reference:
    """The reference table prepared once for matching (rebuilt when ``_index`` is cleared)."""

    names: dict[str, list[Village]]  # normalised name -> villages of that name
    kecamatans: dict[str, str]  # normalised kecamatan name -> kode kecamatan
    keys: list[tuple[str, str, list[Village]]]  # (name, name without spaces, its villages)
    alphabet: str  # the characters of the names; a name's counts of them are a row of ``counts``
    counts: np.ndarray  # counts[c][row]: how often alphabet[c] occurs in keys[row]
    lengths: np.ndarray  # with spaces
    bare_lengths: np.ndarray  # without spaces


def _prepare(table: Iterable[Village]) -> _Reference:
    names: dict[str, list[Village]] = {}
    kecamatans: dict[str, str] = {}
    spelled: dict[str, str] = {}  # a kecamatan's name, normalised once for its villages
    for village in table:
        names.setdefault(normalise_name(village.nama_desa), []).append(village)
        kecamatan = village.nama_kecamatan
        if kecamatan not in spelled:
            spelled[kecamatan] = normalise_name(kecamatan)
        kecamatans[spelled[kecamatan]] = village.kode_kecamatan
    keys = [(key, key.replace(" ", ""), found) for key, found in names.items()]
    alphabet = " " + "".join(sorted(set("".join(names)) - {" "}))
    # each character's count in each name, one row per character: ``counts[c][row]``
    lengths = np.array([len(k) for k, _, _ in keys], dtype=np.int32)
    column = np.zeros(128, dtype=np.int64)  # normalised names are ASCII
    column[[ord(c) for c in alphabet]] = np.arange(len(alphabet))
    chars = column[np.frombuffer("".join(names).encode("ascii"), dtype=np.uint8)]
    rows = np.repeat(np.arange(len(keys)), lengths)
    counts = np.bincount(chars * len(keys) + rows, minlength=len(alphabet) * len(keys))
    counts = counts.reshape(len(alphabet), len(keys)).astype(np.int32)
    return _Reference(names, kecamatans, keys, alphabet, counts, lengths, lengths - counts[0])


def _lower_bounds(query: str, reference: _Reference) -> np.ndarray:
    """A lower bound of each name's score: Levenshtein distance is at least the longer length
    less the characters the two strings have in common, counted as bags."""
    common = np.zeros(len(reference.keys), dtype=np.int32)
    for c in set(query) & set(reference.alphabet):
        common += np.minimum(reference.counts[reference.alphabet.index(c)], query.count(c))
    spaces = np.minimum(reference.counts[0], query.count(" "))
    return np.minimum(np.maximum(reference.lengths, len(query)) - common,
                      np.maximum(reference.bare_lengths, len(query) - query.count(" "))
                      - (common - spaces))


@cache
def _index() -> _Reference:
    return _prepare(villages().values())


def find_kecamatan(text: str, exact: bool = False) -> str | None:
    """Kode kecamatan for a kecamatan name (exact after normalising, or, unless ``exact``, one
    edit away)."""
    wanted = normalise_kecamatan(text)
    if not wanted:
        return None
    names = _index().kecamatans
    if wanted in names or exact:
        return names.get(wanted)
    close = {kode for name, kode in names.items() if bounded_distance(name, wanted, 1) <= 1}
    return close.pop() if len(close) == 1 else None


def nearest(query: str, reference: _Reference | None = None) -> tuple[list[Village], list[Village]]:
    """(every village within ``max_distance`` of ``query``, the 3 nearest), each sorted by
    (distance, kode desa); the distance is the smaller of the names' with and without spaces.

    Exact and cheap on a national reference: names are visited by increasing lower bound of
    the score (``_lower_bounds``) and the visit stops once that bound exceeds both the variant
    limit and the third-best score found, since no later name could enter either list; each
    distance is computed only up to that same limit."""
    reference = _index() if reference is None else reference
    squeezed = query.replace(" ", "")
    allowed = max_distance(query)
    bounds = _lower_bounds(query, reference)
    scored: list[tuple[float, str, Village]] = []
    best: list[tuple[float, str]] = []  # the 3 nearest so far
    third: float = math.inf
    for bound in range(int(bounds.max(initial=0)) + 1):
        if bound > allowed and bound > third:
            break
        for row in np.flatnonzero(bounds == bound).tolist():
            key, key_squeezed, found = reference.keys[row]
            limit = max(allowed, third)
            score = bounded_distance(query, key, limit)
            if score:
                score = min(score, bounded_distance(squeezed, key_squeezed, min(limit, score - 1)))
            if score > limit:
                continue
            for v in found:
                scored.append((score, v.kode_desa, v))
                bisect.insort(best, (score, v.kode_desa))
            del best[3:]
            third = best[2][0] if len(best) == 3 else math.inf
    scored.sort()
    return [v for d, _, v in scored if d <= allowed], [v for _, _, v in scored[:3]]


def match_village(name: str, kecamatan: str | None = None) -> VillageMatch:
    """Match a village name (optionally with its kecamatan) against the reference."""
    query = normalise_name(name)
    if not query:
        return VillageMatch(name, "not-found")
    if KODE_DESA.fullmatch(name.strip()) and name.strip() in villages():
        return VillageMatch(name, "exact", (villages()[name.strip()],))
    kode_kecamatan = find_kecamatan(kecamatan) if kecamatan else None

    def in_scope(found: list[Village]) -> list[Village]:
        return [v for v in found if kode_kecamatan is None or v.kode_kecamatan == kode_kecamatan]

    alias = aliases().get(query)
    if alias and alias in villages() and in_scope([villages()[alias]]):
        return VillageMatch(name, "alias", (villages()[alias],))
    exact = _index().names.get(query, [])
    scoped = in_scope(exact)
    if len(scoped) == 1:
        return VillageMatch(name, "exact", tuple(scoped))
    if len(scoped) > 1:
        return VillageMatch(name, "ambiguous", tuple(scoped))
    # Spelling variants: compared with and without spaces ("Tumbangmujam").
    close, nearest_three = nearest(query)
    close_scoped = in_scope(close)
    if exact and not scoped:  # the name exists, but in another kecamatan than the one named
        return VillageMatch(name, "uncertain", tuple(exact))
    if len(close_scoped) == 1 and kode_kecamatan is not None:
        return VillageMatch(name, "variant", tuple(close_scoped), corroboration="kecamatan")
    if close_scoped:
        return VillageMatch(name, "uncertain", tuple(close_scoped))
    if close:
        return VillageMatch(name, "uncertain", tuple(close))
    return VillageMatch(name, "not-found", tuple(nearest_three))
