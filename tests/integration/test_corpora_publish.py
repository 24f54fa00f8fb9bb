"""Real-world shapes end to end on the real portal: messy files and a Siskeudes export publish
with the source totals; broken files publish nothing; a template-made file round-trips."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from desa_terbuka.authoring.template import TITLE_ROWS, build_template
from desa_terbuka.core.reference import villages

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parent.parent / "data"
SISKEUDES = DATA / "siskeudes" / "simulasi_2024_v2.zip"


def dataset_name(record_type: str, kode_desa: str) -> str:
    village = villages()[kode_desa]
    return f"{record_type}-{village.kode}-{village.slug}"


def portal_totals(portal, record_type: str, kode_desa: str, year: int) -> dict[str, Decimal]:
    """Row count and amount totals of one published year, read back from the DataStore."""
    package = portal.ckan.action.package_show(id=dataset_name(record_type, kode_desa))
    [resource] = [r for r in package["resources"] if r.get("tahun") == str(year)]
    rows = portal.ckan.action.datastore_search(resource_id=resource["id"], limit=10000)["records"]
    totals = {column: sum((Decimal(str(r[column])) for r in rows if r.get(column) is not None),
                          Decimal(0))
              for column in ("anggaran", "realisasi") if rows and column in rows[0]}
    return {"rows": Decimal(len(rows)), **totals}


def siskeudes_budget_total() -> Decimal:
    with zipfile.ZipFile(SISKEUDES) as z:
        rows = csv.DictReader(io.TextIOWrapper(z.open("Ta_RABRinci.csv"), encoding="utf-8"))
        return sum((Decimal(r["AnggaranStlhPAK"] or r["Anggaran"]) for r in rows), Decimal(0))


def test_messy_files_and_a_siskeudes_export_publish_with_the_source_totals(
        portal, run_pipeline, tmp_path):
    expected = yaml.safe_load((DATA / "messy" / "expected.yaml").read_text(encoding="utf-8"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in expected:
        shutil.copy(DATA / "messy" / name, inbox / name)
    shutil.copy(SISKEUDES, inbox / SISKEUDES.name)

    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    verdicts = {Path(o.file).name: (o.verdict, [f.code for f in o.findings if f.level == "error"])
                for o in summary.outcomes}
    assert {name: v for name, (v, _) in verdicts.items()} == {
        name: "accepted" for name in [*expected, SISKEUDES.name]}, verdicts
    assert not summary.failures

    for name, want in expected.items():
        totals = portal_totals(portal, want["type"], want["kode_desa"], want["tahun"])
        assert totals["rows"] == want["rows"], name
        if "anggaran" in want:
            assert totals["anggaran"] == Decimal(want["anggaran"]), name
        if "realisasi" in want:
            assert totals["realisasi"] == Decimal(want["realisasi"]), name
    sebungsu = portal_totals(portal, "apbdes", "62.02.16.2005", 2024)
    assert sebungsu["anggaran"] == siskeudes_budget_total()


def test_broken_files_put_nothing_on_the_portal(portal, run_pipeline, tmp_path):
    cases = yaml.safe_load((DATA / "broken" / "cases.yaml").read_text(encoding="utf-8"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for case in cases:
        shutil.copy(DATA / "broken" / case["file"], inbox / case["file"])
    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    assert len(summary.outcomes) == len(cases) >= 30
    assert {o.verdict for o in summary.outcomes} == {"rejected"}
    assert summary.write_calls == 0
    kept = list((tmp_path / "quarantine").rglob("laporan.txt"))
    assert len(kept) == len(cases)


def test_a_file_made_from_the_template_round_trips_to_the_portal(portal, run_pipeline, tmp_path):
    kode = "62.02.10.2001"  # Tumbang Kalang, Antang Kalang
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = build_template(kode, "apbdes", 2024, inbox / "apbdes_2024.xlsx")
    lines = [("4.2.1.01", "Dana Desa", "0.0.00", "DDS", 850_000_000),
             ("4.2.3.01", "Alokasi Dana Desa", "0.0.00", "ADD", 420_000_000),
             ("5.1.1.01", "Penghasilan tetap kepala desa", "1.1.01", "ADD", 420_000_000),
             ("5.3.5.01", "Rabat beton jalan desa 400 m", "2.2.01", "DDS", "850.000.000")]
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Data"]
    headings = [c.value for c in sheet[TITLE_ROWS + 1]]
    for offset, (rekening, uraian, kegiatan, sumber, anggaran) in enumerate(lines, TITLE_ROWS + 2):
        values = {"tahap": "anggaran", "kode_rekening": rekening, "uraian": uraian,
                  "kode_kegiatan": kegiatan, "sumber_dana": sumber, "anggaran": anggaran}
        for name, value in values.items():
            sheet.cell(offset, headings.index(name) + 1, value)
    workbook.save(path)

    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    [outcome] = summary.outcomes
    assert outcome.verdict == "accepted", [f.message() for f in outcome.findings]
    assert portal_totals(portal, "apbdes", kode, 2024)["anggaran"] == Decimal(2_540_000_000)
