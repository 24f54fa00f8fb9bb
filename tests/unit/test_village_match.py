"""Village names as operators write them: matched when certain, never guessed."""

from __future__ import annotations

import pytest

from desa_terbuka.normalise.village_match import distance, match_village, normalise_name


@pytest.mark.parametrize("text, normal", [
    ("Ds. Tumbang Mujam", "tumbang mujam"), ("TUMBANG MUJAM", "tumbang mujam"),
    ("Desa Tumbang-Mujam ", "tumbang mujam"), ("Kel. Baamang Hulu", "baamang hulu"),
    ("PEMERINTAH DESA MERAH", "merah"), ("Kelurahan  Baamang Hulu", "baamang hulu"),
])
def test_normalise_name(text: str, normal: str) -> None:
    assert normalise_name(text) == normal


@pytest.mark.parametrize("name, kecamatan, status, kode", [
    ("Ds. Tumbang Mujam", None, "exact", "62.02.16.2002"),
    ("TUMBANG MUJAM", "Kec. Tualan Hulu", "exact", "62.02.16.2002"),
    ("Sungai Ubar Mandiri", None, "alias", "62.02.13.2011"),  # reference/village_aliases.csv
    ("Sungai Ubar Mandiiri", None, "exact", "62.02.13.2011"),
    ("Sumber Makmur", "Parenggean", "exact", "62.02.04.2009"),  # the kecamatan narrows
    ("Tumbang Mujan", "Tualan Hulu", "variant", "62.02.16.2002"),  # corroborated by kecamatan
    ("62.02.16.2003", None, "exact", "62.02.16.2003"),
])
def test_certain_matches(name, kecamatan, status, kode) -> None:
    found = match_village(name, kecamatan)
    assert (found.status, found.kode) == (status, kode)


@pytest.mark.parametrize("name, kecamatan, status, candidates", [
    ("Sumber Makmur", None, "ambiguous", {"62.02.04.2009", "62.02.07.2006", "62.02.14.2003"}),
    ("Tumbang Mujan", None, "uncertain", {"62.02.16.2002"}),  # a variant without corroboration
    ("Merah", "Cempaga", "uncertain", {"62.02.16.2003"}),  # exists, but in another kecamatan
    ("Atlantis", None, "not-found", set()),
    ("", None, "not-found", set()),
])
def test_never_a_silent_pick(name, kecamatan, status, candidates) -> None:
    found = match_village(name, kecamatan)
    assert found.status == status and found.village is None and found.kode is None
    assert candidates <= {v.kode_desa for v in found.candidates}
    if status != "not-found" or name:
        assert found.candidate_text() != "-" or status == "not-found"


def test_distance() -> None:
    assert distance("mandiri", "mandiiri") == 1
    assert distance("", "abc") == 3 and distance("abc", "abc") == 0
