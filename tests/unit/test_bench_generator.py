"""The bench's district generator: deterministic, correct by the project's own reference tables,
planted errors where its manifest says; and the bench's smoke run works without a portal."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from bench.gen_district import generate_villages, load_manifest
from bench.gen_model import DISTRICT, kotim_desa
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.reference import account_exists, activities, villages
from desa_terbuka.validate.check import check_file

ROOT = Path(__file__).resolve().parents[2]


def _generate(out: Path, n: int = 4, years=(2024, 2025), form: float = 0.0, errors: float = 0.0,
              seed: str = "1") -> dict:
    return generate_villages(out, kotim_desa()[:n], list(years), seed=seed, detail=DISTRICT,
                             form_rate=form, error_rate=errors, nested=False, settings={})


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    _generate(out, n=6, years=(2023, 2024, 2025))
    return out


def test_same_seed_same_bytes_other_seed_other_data(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for folder in (a, b):
        _generate(folder, form=0.5, errors=0.5)
    _generate(c, form=0.5, errors=0.5, seed="2")
    assert _digest(a) == _digest(b)
    assert len(_digest(a)) == 4 * 2 * 3 + 2  # three record types per village-year, plus the manifest
    assert _digest(a) != _digest(c)


def test_files_are_the_schemas_exports_with_village_codes(clean):
    for entry in load_manifest(clean):
        path = clean / entry["path"]
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == definitions()[entry["type"]].field_names
        assert {r["kode_desa"] for r in _rows(path)} == {entry["kode_desa"]}
        assert path.parent.name.startswith(entry["kode_desa"] + "-")


def test_apbdes_codes_exist_and_budgets_balance(clean):
    for path in sorted(clean.glob("*/apbdes_*.csv")):
        rows = _rows(path)
        assert villages()[rows[0]["kode_desa"]].jenis == "desa"
        total = defaultdict(int)
        for r in rows:
            assert account_exists(r["kode_rekening"]), (path, r["kode_rekening"])
            anggaran = int(r["anggaran"])
            assert anggaran > 0
            if r["kode_rekening"].startswith("5"):
                assert activities()[r["kode_kegiatan"]].level == "kegiatan"
            else:
                assert r["kode_kegiatan"] == "0.0.00"
            if r["tahap"] == "anggaran":
                assert r["realisasi"] == ""
            else:
                assert 0 <= int(r["realisasi"]) <= anggaran
            total[r["kode_rekening"][:3] if r["kode_rekening"].startswith("6") else r["kode_rekening"][0]] \
                += anggaran
        assert total["4"] + total["6.1"] - total["6.2"] >= total["5"], path
        codes = {r["kode_rekening"][:5] for r in rows}
        assert {"4.2.1", "4.2.3"} <= codes, path  # Dana Desa and ADD


def test_kegiatan_come_from_the_apbdes_and_stay_within_it(clean):
    for path in sorted(clean.glob("*/kegiatan_*.csv")):
        year = int(path.stem.split("_")[1])
        apbdes = defaultdict(int)
        for r in _rows(path.with_name(f"apbdes_{year}.csv")):
            if r["kode_rekening"].startswith("5"):
                apbdes[r["kode_kegiatan"]] += int(r["anggaran"])
        listed = defaultdict(int)
        for r in _rows(path):
            assert r["kode_kegiatan"] in apbdes, (path, r["kode_kegiatan"])
            listed[r["kode_kegiatan"]] += int(r["anggaran"])
            start, end = dt.date.fromisoformat(r["tanggal_mulai"]), dt.date.fromisoformat(r["tanggal_selesai"])
            assert start <= end and start.year == end.year == year
            assert (r["status"] == "selesai") == (r["progres_persen"] == "100") or r["status"] == "batal"
        assert all(listed[k] <= apbdes[k] for k in listed)


def test_musyawarah_are_plausible(clean):
    allowed = set(definitions()["musyawarah"].field("jenis_musyawarah").constraints["enum"])
    for path in sorted(clean.glob("*/musyawarah_*.csv")):
        year = int(path.stem.split("_")[1])
        rows = _rows(path)
        assert any(r["jenis_musyawarah"] == "Musdes Penetapan APBDes" for r in rows)
        for r in rows:
            day = dt.date.fromisoformat(r["tanggal"])
            assert day.year == year and day.weekday() != 6 and r["jenis_musyawarah"] in allowed
            hadir = int(r["hadir_laki_laki"]) + int(r["hadir_perempuan"])
            assert 0 < int(r["hadir_perempuan"]) < hadir <= int(r["jumlah_undangan"])


def test_the_pipeline_accepts_correct_files(clean):
    for name in ("apbdes_2024.csv", "kegiatan_2024.csv", "musyawarah_2025.csv"):
        path = sorted(clean.glob(f"*/{name}"))[0]
        checked = check_file(path)
        assert checked.valid, [f.to_dict() for f in checked.findings if f.level == "error"]


def test_planted_errors_sit_where_the_manifest_says(tmp_path):
    summary = _generate(tmp_path, n=3, years=(2024,), errors=1.0)
    assert summary["planted_errors"] >= 9
    for entry in load_manifest(tmp_path):
        assert entry["errors"]
        lines = list(csv.reader(io.StringIO((tmp_path / entry["path"]).read_text(encoding="utf-8"),
                                            newline="")))
        names = lines[0]
        for e in entry["errors"]:
            line = lines[e["row"] - 1]
            if e["kind"] == "duplicate-line":
                assert line == lines[e["row"] - 2]
            else:
                assert line[names.index(e["field"])] == e["value"]


def test_form_variations_are_recorded_and_change_only_the_form(tmp_path):
    summary = _generate(tmp_path, n=4, years=(2024,), form=1.0)
    assert summary["files_with_variations"] == summary["files"] == 12
    for entry in load_manifest(tmp_path):
        assert entry["variations"] and not entry["errors"]
        data = (tmp_path / entry["path"]).read_bytes()
        encoding = "cp1252" if "windows-1252" in entry["variations"] else "utf-8-sig"
        assert data.decode(encoding)


def test_quick_bench_runs_without_a_portal(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench/run.py"), "--quick", "--no-portal",
                           "--work", str(tmp_path / "work"), "--json", str(out)],
                          capture_output=True, text=True, timeout=170, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(out.read_text())
    assert "failed" not in results, results.get("failed")
    measures = [row[0] for row in results["table"]]
    assert any("desa check" in m for m in measures) and any("National" in m for m in measures)
    assert results["validation"][0]["frictionless"]["rows_per_s"] > 0
    assert results["acceptance"]["result"]["files"] == 12
    batch = results["batch_validation"]
    assert any(m.startswith(f"Batch validation, a batch of {batch['files']} files") for m in measures)
    assert batch["batch_check"]["files_checked"] == batch["frictionless"]["resources_validated"] == batch["files"]


def test_a_batch_package_lists_each_file_as_a_resource_with_the_schema_and_foreign_keys(tmp_path):
    from bench.package import batch_package

    summary = generate_villages(tmp_path / "inbox", kotim_desa()[:2], [2024, 2025], seed="1", detail=DISTRICT,
                                form_rate=0.0, error_rate=0.0, nested=False, settings={},
                                record_types=["apbdes"])
    entries = load_manifest(tmp_path / "inbox")
    assert summary["files"] == len(entries) == 4 and {e["type"] for e in entries} == {"apbdes"}
    (tmp_path / "pkg").mkdir()
    names = [f"f{k}" for k in range(len(entries))]
    package = json.loads(batch_package([(n, tmp_path / "inbox" / e["path"]) for n, e in zip(names, entries)],
                                       tmp_path / "pkg").read_text())
    files = [r for r in package["resources"] if not r["name"].startswith("reference_")]
    assert [r["name"] for r in files] == names
    assert all(r["schema"] == files[0]["schema"] for r in files)
    assert {fk["fields"][0] for fk in files[0]["schema"]["foreignKeys"]} == {"kode_desa", "kode_rekening",
                                                                             "kode_kegiatan"}
    for name, entry in zip(names, entries):
        written = _rows(tmp_path / "pkg" / f"{name}.csv")
        assert len(written) == entry["rows"] and written[0]["baris"] == "1"


def test_a_batch_is_judged_file_by_file():
    from bench.errors import compare, in_files

    ours = in_files({"a/apbdes_2024.csv": [{"row": 5, "field": "anggaran", "code": "invalid-number"}]})
    theirs = in_files({"b/apbdes_2024.csv": [{"row": 5, "field": "anggaran", "code": "type-error"}]})
    c = compare(ours, theirs)
    assert not c["same"] and c["only_pipeline"] == c["only_frictionless"] == 1
    assert compare(ours, in_files({"a/apbdes_2024.csv": [{"row": 5, "field": "anggaran", "code": "x"}]}))["same"]
