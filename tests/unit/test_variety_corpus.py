"""The variety corpus (``tests/data/variety``): correct village files in the forms villages really
send must be accepted and read as the source says — record type, village, year, number of records
and the source totals in ``cases.yaml`` (built by ``build.py``, provenance in ``SOURCES.md``).

Every file must be accepted, with the interpretations it needed reported as information.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from desa_terbuka.validate.check import check_file

VARIETY = Path(__file__).parents[1] / "data" / "variety"
CASES = yaml.safe_load((VARIETY / "cases.yaml").read_text(encoding="utf-8"))
BUILDER = {"build.py", "SOURCES.md", "cases.yaml", "siskeudes_desa.yaml"}
GROUPS = {"pendapatan": ("4",), "belanja": ("5",), "pembiayaan_penerimaan": ("6.1",),
          "pembiayaan_pengeluaran": ("6.2",)}


def _params() -> list:
    params = []
    for case in CASES:
        parts = case.get("sheets") or [None]
        for part in parts:
            ident = case["file"] + (f"[{part['sheet']}]" if part else "")
            params.append(pytest.param(case, part, id=ident))
    return params


def _dec(value) -> Decimal:
    return Decimal(str(value))


def _sum(rows: list[dict[str, str]], field: str) -> Decimal:
    return sum((Decimal(r[field]) for r in rows if r.get(field)), Decimal(0))


def _apbdes_totals(rows: list[dict[str, str]], field: str) -> dict[str, Decimal]:
    out = {}
    for group, prefixes in GROUPS.items():
        chosen = [r for r in rows if r["kode_rekening"].startswith(prefixes)]
        out[group] = _sum(chosen, field)
    return out


def _attendance(row: dict[str, str]) -> int:
    if row.get("jumlah_hadir"):
        return int(row["jumlah_hadir"])
    return int(row.get("hadir_laki_laki") or 0) + int(row.get("hadir_perempuan") or 0)


def _assert_totals(rows: list[dict[str, str]], want: dict, record_type: str) -> None:
    assert len(rows) == want["rows"]
    if record_type == "apbdes":
        got = _apbdes_totals(rows, "anggaran")
        assert got == {g: _dec(v) for g, v in want["anggaran"].items()}, "anggaran"
        if "realisasi" in want:
            got = _apbdes_totals(rows, "realisasi")
            assert got == {g: _dec(v) for g, v in want["realisasi"].items()}, "realisasi"
        else:
            assert not any(r.get("realisasi") for r in rows), "a budget-only file has no realisasi"
        if "tahap" in want:
            assert {r["tahap"] for r in rows} == {want["tahap"]}
    elif record_type == "kegiatan":
        assert _sum(rows, "anggaran") == _dec(want["anggaran"])
    else:
        assert len(rows) == want["meetings"]
        assert sum(_attendance(r) for r in rows) == want["hadir"]


@pytest.mark.parametrize("case, part", _params())
def test_variety_file_is_accepted_and_read_as_the_source(case: dict, part: dict | None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    if case["file"].endswith(".zip"):
        monkeypatch.setenv("DESA_SISKEUDES_MAPPING", str(VARIETY / "siskeudes_desa.yaml"))
    want = {**case, **(part or {})}
    checked = check_file(VARIETY / case["file"], record_type=want["type"] if part else None)
    errors = [(f.row, f.field, f.code, f.message()) for f in checked.findings if f.level == "error"]
    assert errors == [] and checked.valid
    assert checked.record_type == want["type"]
    if part:
        assert checked.sheet == part["sheet"]
    villages = case["kode_desa"] if isinstance(case["kode_desa"], list) else [case["kode_desa"]]
    assert checked.villages == sorted(villages)
    assert checked.years == [case["tahun"]]
    _assert_totals(checked.rows, want, want["type"])
    if "per_desa" in case and not part:
        by_desa: dict[str, list] = defaultdict(list)
        for row in checked.rows:
            by_desa[row["kode_desa"]].append(row)
        for kode, expected in case["per_desa"].items():
            _assert_totals(by_desa[kode], {**want, **expected}, want["type"])


# --------------------------------------------------------------------------- the corpus itself

def test_corpus_lists_every_file_and_has_forty_shapes() -> None:
    files = sorted(p.name for p in VARIETY.iterdir()
                   if p.name not in BUILDER and not p.name.startswith(("_", ".")))
    assert sorted(c["file"] for c in CASES) == files
    assert len(CASES) >= 40
    assert {c["type"] for c in CASES} == {"apbdes", "kegiatan", "musyawarah"}
    assert len({c["shape"] for c in CASES}) == len(CASES), "every file has its own shape"
    sources = (VARIETY / "SOURCES.md").read_text(encoding="utf-8")
    for case in CASES:
        for key in case["source"].replace(",", " ").split():
            if key.startswith("S") and key[1:].isdigit():
                assert f"**{key}**" in sources, (case["file"], key)


def test_source_totals_are_those_of_a_correct_apbdes() -> None:
    """Substance: every desa budget balances (pendapatan + pembiayaan netto >= belanja) and
    totals of several desa add up to the file total."""
    for case in CASES:
        parts = [case] + list(case.get("sheets") or [])
        for want in parts:
            if want["type"] != "apbdes":
                continue
            a = {g: _dec(v) for g, v in want["anggaran"].items()}
            assert a["pendapatan"] + a["pembiayaan_penerimaan"] - a["pembiayaan_pengeluaran"] >= a["belanja"], case["file"]
        if "per_desa" in case:
            assert sum(d["rows"] for d in case["per_desa"].values()) == case["rows"]
            assert sorted(case["per_desa"]) == sorted(case["kode_desa"])
            if case["type"] == "apbdes":
                for g in GROUPS:
                    assert sum(_dec(d["anggaran"][g]) for d in case["per_desa"].values()) == _dec(case["anggaran"][g])
