"""The pruned nearest-name search returns exactly what scoring every reference name returns,
and on a national-size reference it scores only a few of them."""

from __future__ import annotations

import random

import pytest

from desa_terbuka.core.reference import Village
from desa_terbuka.normalise import village_match as vm

SYLLABLES = ["ba", "ma", "ng", "tum", "su", "ngai", "ka", "ri", "an", "pa", "le", "to", "bu",
             "ja", "ya", "wa", "ha", "ra", "sa", "lu", "mu", "jan", "ko", "tan", "ar"]


def exhaustive(query: str, reference) -> tuple[list[Village], list[Village]]:
    """The search as it was: every name scored with the exact ``distance``, all sorted."""
    squeezed = query.replace(" ", "")
    scored = sorted(
        (min(vm.distance(query, key), vm.distance(squeezed, key.replace(" ", ""))), v.kode_desa, v)
        for key, found in reference.names.items() for v in found)
    close = [v for d, _, v in scored if d <= vm.max_distance(query)]
    return close, [v for _, _, v in scored[:3]]


def invented_name(r: random.Random) -> str:
    words = ["".join(r.choices(SYLLABLES, k=r.randint(1, 4))) for _ in range(r.choice([1, 1, 2, 3]))]
    return " ".join(words)


def invented_reference(count: int, seed: int = 7):
    """``count`` invented villages, 20 per kecamatan; some names repeat in other kecamatan (ties
    broken by kode) and some differ from another only by a space."""
    r = random.Random(seed)
    table, names = [], []
    for i in range(count):
        kab, rest = divmod(i, 1000)
        kec, vil = divmod(rest, 20)
        if names and r.random() < 0.05:
            name = r.choice(names)
        elif names and r.random() < 0.03:
            name = r.choice(names).replace(" ", "") + " " + r.choice(SYLLABLES)
        else:
            name = invented_name(r)
        names.append(name)
        kecamatan = f"98.{kab + 1:02d}.{kec + 1:02d}"
        table.append(Village(f"{kecamatan}.{2001 + vil}", name.title(), "desa", kecamatan,
                             f"Kec {kab + 1:02d} {kec + 1:02d}", kecamatan[:5], "Kabupaten Rekaan"))
    return vm._prepare(table)


def edited(name: str, r: random.Random, edits: int) -> str:
    """``name`` with ``edits`` random insertions, deletions, substitutions or space changes."""
    text = list(name)
    for _ in range(edits):
        at = r.randrange(len(text) + 1)
        op = r.choice(["insert", "delete", "substitute", "space"])
        if op == "insert" or not text:
            text.insert(at, r.choice("abcdefghijklmnopqrstuvwxyz "))
        elif op == "delete":
            del text[min(at, len(text) - 1)]
        elif op == "substitute":
            text[min(at, len(text) - 1)] = r.choice("abcdefghijklmnopqrstuvwxyz0")
        elif " " in text:
            text.remove(" ")
        else:
            text.insert(at, " ")
    return " ".join("".join(text).split())


def queries(reference, seed: int, count: int) -> list[str]:
    r = random.Random(seed)
    real = sorted(reference.names)
    found = [edited(r.choice(real), r, r.choice([0, 1, 1, 2, 2, 3, 5])) for _ in range(count)]
    found += ["".join(r.choices("abcdefghijklmnopqrstuvwxyz", k=r.randint(1, 4)))
              for _ in range(count // 4)]  # short names, mostly not found
    found += [invented_name(r) for _ in range(count // 4)]
    found += ["a", "k", "zz", "qxqxqxqx", "999", "big k", "belanja alat", "sungai ubar mandiri"]
    return [q for q in found if q]


def kode(result: tuple[list[Village], list[Village]]) -> tuple[list[str], list[str]]:
    return [v.kode_desa for v in result[0]], [v.kode_desa for v in result[1]]


def test_same_as_exhaustive_on_kotim() -> None:
    reference = vm._index()
    for query in queries(reference, seed=1, count=80):
        assert kode(vm.nearest(query, reference)) == kode(exhaustive(query, reference)), query


@pytest.fixture(scope="module")
def invented() -> vm._Reference:
    return invented_reference(1_500)


def test_same_as_exhaustive_on_an_invented_reference(invented) -> None:
    results = {}
    for query in queries(invented, seed=2, count=40):
        results[query] = fast = kode(vm.nearest(query, invented))
        assert fast == kode(exhaustive(query, invented)), query
    assert any(len(close) > 1 for close, _ in results.values())  # ties and several variants
    assert any(not close for close, _ in results.values())  # and names found nowhere


def test_an_unknown_name_scores_few_of_a_national_reference(monkeypatch) -> None:
    reference = invented_reference(75_000, seed=3)
    calls = []

    def counted(a: str, b: str, limit: float) -> float:
        calls.append(b)
        return vm.distance(a, b)  # exact, so within the contract

    monkeypatch.setattr(vm, "bounded_distance", counted)
    close, three = vm.nearest("xoxoqe", reference)
    assert not close and len(three) == 3
    assert len(calls) < len(reference.names) / 50


def test_bounded_distance() -> None:
    assert vm.bounded_distance("mandiri", "mandiiri", 1) == 1
    assert vm.bounded_distance("tumbang mujam", "sampit", 2) > 2
    assert vm.bounded_distance("abcdef", "badcfe", 1) > 1 and vm.distance("abcdef", "badcfe") == 4
