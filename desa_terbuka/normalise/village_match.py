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

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

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
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
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


@cache
def _index() -> dict[str, list[Village]]:
    names: dict[str, list[Village]] = {}
    for village in villages().values():
        names.setdefault(normalise_name(village.nama_desa), []).append(village)
    return names


def find_kecamatan(text: str, exact: bool = False) -> str | None:
    """Kode kecamatan for a kecamatan name (exact after normalising, or, unless ``exact``, one
    edit away)."""
    wanted = normalise_kecamatan(text)
    if not wanted:
        return None
    names = {normalise_name(v.nama_kecamatan): v.kode_kecamatan for v in villages().values()}
    if wanted in names or exact:
        return names.get(wanted)
    close = {kode for name, kode in names.items() if distance(name, wanted) <= 1}
    return close.pop() if len(close) == 1 else None


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
    exact = _index().get(query, [])
    scoped = in_scope(exact)
    if len(scoped) == 1:
        return VillageMatch(name, "exact", tuple(scoped))
    if len(scoped) > 1:
        return VillageMatch(name, "ambiguous", tuple(scoped))
    # Spelling variants: compared with and without spaces ("Tumbangmujam").
    squeezed = query.replace(" ", "")
    scored = sorted(
        (min(distance(query, key), distance(squeezed, key.replace(" ", ""))), v.kode_desa, v)
        for key, found in _index().items() for v in found
    )
    close = [v for d, _, v in scored if d <= max_distance(query)]
    close_scoped = in_scope(close)
    if exact and not scoped:  # the name exists, but in another kecamatan than the one named
        return VillageMatch(name, "uncertain", tuple(exact))
    if len(close_scoped) == 1 and kode_kecamatan is not None:
        return VillageMatch(name, "variant", tuple(close_scoped), corroboration="kecamatan")
    if close_scoped:
        return VillageMatch(name, "uncertain", tuple(close_scoped))
    if close:
        return VillageMatch(name, "uncertain", tuple(close))
    return VillageMatch(name, "not-found", tuple(v for _, _, v in scored[:3]))
