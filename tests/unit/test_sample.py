"""The sample-data generator: valid, consistent, deterministic village submissions."""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from pathlib import Path

import frictionless
import openpyxl
import pytest

from desa_terbuka.authoring.sample import _data, generate
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.reference import account_exists, activities, villages

YEARS = (2023, 2024, 2025)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("inbox")
    return root, generate(root)


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _xlsx(path: Path) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def _of(paths: list[Path], prefix: str) -> list[Path]:
    return [p for p in paths if p.name.startswith(prefix)]


def test_layout_and_count(out: tuple[Path, list[Path]]) -> None:
    root, paths = out
    assert len(paths) == 11 * 3 * 3 == 99
    assert paths == sorted(paths)
    assert (root / "62.02.16.2003-merah" / "apbdes_2024.csv") in paths
    folders = {p.parent.name for p in paths}
    expected = {f"{k}-{v.slug}" for k, v in villages().items() if v.kode_kecamatan == "62.02.16"}
    assert folders == expected


def test_files_validate_against_schemas(out: tuple[Path, list[Path]]) -> None:
    for path in out[1]:
        schema = frictionless.Schema.from_descriptor(
            definitions()[path.stem.split("_")[0]].input_schema())
        resource = frictionless.Resource(path.name, basepath=str(path.parent), schema=schema)
        report = resource.validate()
        assert report.valid, (path, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5])


def test_csv_format(out: tuple[Path, list[Path]]) -> None:
    for path in _of(out[1], "apbdes") + _of(out[1], "musyawarah"):
        raw = path.read_bytes()
        assert b"\r" not in raw and raw.endswith(b"\n")
        header = raw.split(b"\n", 1)[0].decode()
        definition = definitions()[path.stem.split("_")[0]]
        assert header.split(",") == [f.name for f in definition.input_fields]


def test_codes_exist_in_reference(out: tuple[Path, list[Path]]) -> None:
    acts = activities()
    for path in _of(out[1], "apbdes"):
        for row in _csv(path):
            assert account_exists(row["kode_rekening"]), row
            assert len(row["kode_rekening"].split(".")) == 4
            if row["kode_rekening"].startswith("5"):
                assert acts[row["kode_kegiatan"]].level == "kegiatan", row
            else:
                assert row["kode_kegiatan"] == ""
    for path in _of(out[1], "kegiatan"):
        for row in _xlsx(path):
            assert acts[row["kode_kegiatan"]].level == "kegiatan"


def test_catalogue_codes_exist() -> None:
    d = _data()
    for kode, spec in d["kegiatan"].items():
        assert activities()[kode].level == "kegiatan", kode
        for line in spec["lines"]:
            assert account_exists(line[0]), (kode, line)
    assert set(d["core"] + d["infra"] + d["other"]) <= set(d["kegiatan"])


def test_apbdes_balances_and_realisation(out: tuple[Path, list[Path]]) -> None:
    tahap_2025 = []
    for path in _of(out[1], "apbdes"):
        rows = _csv(path)
        total = defaultdict(int)
        n_kegiatan = {r["kode_kegiatan"] for r in rows if r["kode_rekening"].startswith("5")}
        assert 10 <= len(n_kegiatan) <= 18
        assert {"1.1.01", "1.1.02", "1.1.04", "1.1.05"} <= n_kegiatan
        for r in rows:
            anggaran = int(r["anggaran"])
            assert anggaran > 0 and anggaran % 1000 == 0, r
            total[r["kode_rekening"][:3]] += anggaran
            if r["tahap"] == "anggaran":
                assert r["realisasi"] == ""
            else:
                assert 0 <= int(r["realisasi"]) <= anggaran
        belanja = sum(v for k, v in total.items() if k.startswith("5"))
        pendapatan = sum(v for k, v in total.items() if k.startswith("4"))
        assert belanja == pendapatan + total["6.1"] - total["6.2"], path
        tahap = {r["tahap"] for r in rows}
        assert len(tahap) == 1
        if "2025" in path.name:
            tahap_2025.append(tahap.pop())
        else:
            assert tahap == {"realisasi_tahunan"}
    assert sorted(tahap_2025).count("anggaran") == 2


def test_apbdes_primary_key_and_sort(out: tuple[Path, list[Path]]) -> None:
    for path in _of(out[1], "apbdes"):
        rows = _csv(path)
        keys = [(r["kode_kegiatan"], r["kode_rekening"], r["sumber_dana"], r["uraian"]) for r in rows]
        assert len(set(keys)) == len(keys)
        order = [(r["kode_rekening"][0], *k) for r, k in zip(rows, keys)]
        assert order == sorted(order)


def test_kegiatan_matches_apbdes(out: tuple[Path, list[Path]]) -> None:
    for path in _of(out[1], "kegiatan"):
        year = path.stem.split("_")[1]
        sums: dict[str, int] = defaultdict(int)
        for r in _csv(path.with_name(f"apbdes_{year}.csv")):
            if r["kode_rekening"].startswith("5"):
                sums[r["kode_kegiatan"]] += int(r["anggaran"])
        expected = {k for k in sums if k[0] in "2345" or k.startswith("1.2.")}
        rows = _xlsx(path)
        assert {r["kode_kegiatan"] for r in rows} == expected
        assert len({r["nama_kegiatan"] for r in rows}) == len(rows)
        for r in rows:
            assert r["anggaran"] == sums[r["kode_kegiatan"]]
            assert r["tanggal_mulai"] <= r["tanggal_selesai"]
            assert r["tanggal_mulai"].year == r["tanggal_selesai"].year == int(year)
            progres = {"selesai": 100, "rencana": 0, "batal": 0}.get(r["status"])
            if progres is not None:
                assert r["progres_persen"] == progres
            elif r["status"] == "berjalan":
                assert 1 <= r["progres_persen"] <= 99


def test_musyawarah_rows(out: tuple[Path, list[Path]]) -> None:
    urls = []
    for path in _of(out[1], "musyawarah"):
        rows = _csv(path)
        year = path.stem.split("_")[1]
        assert 3 <= len(rows) <= 5
        for r in rows:
            assert r["tanggal"].startswith(year)
            undangan, lk, pr = int(r["jumlah_undangan"]), int(r["hadir_laki_laki"]), int(r["hadir_perempuan"])
            assert 25 <= undangan <= 80 and lk + pr <= undangan
            assert 0.2 <= pr / (lk + pr) <= 0.45
            assert r["pimpinan"] == "Ketua BPD"
            if r["dokumen_url"]:
                slug = path.parent.name.split("-", 1)[1]
                assert r["dokumen_url"].startswith(f"https://desa-{slug}.example.id/berita-acara/")
                urls.append(r["dokumen_url"])
    assert len(urls) == len(set(urls))


def _digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_deterministic(out: tuple[Path, list[Path]], tmp_path: Path) -> None:
    generate(tmp_path)
    assert _digests(tmp_path) == _digests(out[0])


def test_other_kecamatan_and_years(tmp_path: Path) -> None:
    paths = generate(tmp_path, kecamatan="62.02.12", years=[2024])
    assert len(paths) == 3 * sum(1 for v in villages().values() if v.kode_kecamatan == "62.02.12"
                                 and v.jenis == "desa")
    with pytest.raises(ValueError):
        generate(tmp_path, kecamatan="99.99.99")
