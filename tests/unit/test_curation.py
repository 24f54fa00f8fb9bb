"""Curation: a valid file with a warning that needs an officer is held, not published; an
officer approves it (who and why recorded); errors can never be approved; newer data wins."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desa_terbuka.authoring.sample import generate
from desa_terbuka.stage.curation import (
    CurationError,
    approve,
    curation_log,
    pending,
    retracted,
    log_action,
)
from desa_terbuka.stage.receive import receive
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import check_file
from desa_terbuka.views.reports import quarantine_reports

ROOT = Path(__file__).resolve().parents[2]
MERAH = "62.02.16.2003"


def _jump(source: Path, target: Path, factor: int = 4) -> Path:
    """The same APBDes with every revenue budget times ``factor``: valid (a surplus), but a
    year-on-year jump that portal_config/curation.yaml holds for review."""
    rows = list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"))))
    for row in rows:
        if row["kode_rekening"].startswith("4"):
            row["anggaran"] = str(int(row["anggaran"]) * factor)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(buffer.getvalue(), encoding="utf-8")
    return target


@pytest.fixture
def setup(tmp_path: Path):
    sample = tmp_path / "sample"
    generate(sample, years=(2023,))
    inbox = tmp_path / "inbox"
    folder = inbox / f"{MERAH}-merah"
    folder.mkdir(parents=True)
    shutil.copy(sample / f"{MERAH}-merah" / "apbdes_2023.csv", folder)
    generate(tmp_path / "sample24", years=(2024,))
    jumped = _jump(tmp_path / "sample24" / f"{MERAH}-merah" / "apbdes_2024.csv", folder / "apbdes_2024.csv")
    with Warehouse(tmp_path / "data" / "warehouse.duckdb") as warehouse:
        first = receive(warehouse, check_file(folder / "apbdes_2023.csv"), quarantine_reports)
        held = receive(warehouse, check_file(jumped), quarantine_reports)
        yield warehouse, held, first, tmp_path


def _current(warehouse: Warehouse, year: int) -> str | None:
    row = warehouse.con.execute("SELECT submission_id FROM current_slices WHERE record_type = 'apbdes' "
                                "AND kode_desa = ? AND tahun = ?", [MERAH, year]).fetchone()
    return row and row[0]


def test_a_jump_is_held_for_review_not_published(setup) -> None:
    warehouse, held, first, root = setup
    assert first.verdict == "accepted"
    assert held.verdict == "held"
    assert "apbdes-total-yoy-jump" in {f.code for f in held.findings}
    assert "review-held" in {f.code for f in held.findings}
    assert _current(warehouse, 2024) is None  # not current: nothing to publish yet
    [waiting] = pending(warehouse)
    assert waiting.verdict == "held" and waiting.errors == 0
    message = next(f for f in waiting.findings if f.code == "review-held").message()
    assert f"desa approve {waiting.short_id}" in message
    assert list((root / "data" / "quarantine" / MERAH).glob("*/laporan.txt"))


def test_an_officer_approves_it_and_it_becomes_current(setup) -> None:
    warehouse, held, _, _ = setup
    [waiting] = pending(warehouse)
    done = approve(warehouse, waiting.short_id[:8], "Dana bantuan provinsi memang naik 4x (SK Gubernur)",
                   "petugas-b")
    assert done.villages == [MERAH] and done.years == [2024]
    assert _current(warehouse, 2024) == waiting.submission_id
    assert pending(warehouse) == []
    [entry] = curation_log(warehouse)
    assert (entry.action, entry.subject, entry.actor) == ("approve", waiting.submission_id, "petugas-b")
    assert "SK Gubernur" in entry.reason
    with pytest.raises(CurationError) as again:  # already accepted
        approve(warehouse, waiting.submission_id, "lagi", "petugas-b")
    assert again.value.finding.code == "approve-not-held"


def test_errors_can_never_be_approved(setup, tmp_path: Path) -> None:
    warehouse, *_ = setup
    broken = ROOT / "tests" / "data" / "broken" / "tahun_luar_batas.csv"
    receive(warehouse, check_file(broken), quarantine_reports)
    rejected = next(p for p in pending(warehouse) if p.verdict == "rejected")
    assert rejected.errors > 0
    with pytest.raises(CurationError) as refused:
        approve(warehouse, rejected.submission_id, "tetap terbitkan", "petugas-b")
    assert refused.value.finding.code == "approve-has-errors"
    assert "tidak dapat disetujui" in str(refused.value)
    assert not curation_log(warehouse)


def test_a_newer_file_supersedes_the_held_one(setup) -> None:
    warehouse, held, _, root = setup
    [waiting] = pending(warehouse)
    path = Path(waiting.file)
    shutil.copy(root / "sample24" / f"{MERAH}-merah" / "apbdes_2024.csv", path)  # the village fixed it
    fixed = receive(warehouse, check_file(path), quarantine_reports)
    assert fixed.verdict == "accepted"
    with pytest.raises(CurationError) as refused:
        approve(warehouse, waiting.submission_id, "terlambat", "petugas-b")
    assert refused.value.finding.code == "approve-superseded"


def test_ids_and_reasons(setup) -> None:
    warehouse, *_ = setup
    for ref, code in (("zzzzzzzz", "curation-unknown-submission"), ("ab", "curation-unknown-submission")):
        with pytest.raises(CurationError) as refused:
            approve(warehouse, ref, "x", "y")
        assert refused.value.finding.code == code
    [waiting] = pending(warehouse)
    with pytest.raises(CurationError) as refused:
        approve(warehouse, waiting.submission_id, "  ", "y")
    assert refused.value.finding.code == "curation-reason-missing"


def test_retracted_until_restored(setup) -> None:
    warehouse, *_ = setup
    name = "apbdes-6202162003-merah"
    log_action(warehouse, "retract", name, "data pribadi", "a")
    assert set(retracted(warehouse)) == {name}
    log_action(warehouse, "restore", name, "sudah dibersihkan", "a")
    assert retracted(warehouse) == {}
    assert [e.action for e in curation_log(warehouse)] == ["retract", "restore"]


def test_review_command_lists_reasons(setup) -> None:
    warehouse, _, _, root = setup
    warehouse.close()
    env = {"DESA_WAREHOUSE": str(root / "data" / "warehouse.duckdb"), "PATH": "/usr/bin:/bin"}
    shown = subprocess.run([sys.executable, "-m", "desa_terbuka.cli", "review"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "DITAHAN" in shown.stdout and "apbdes-total-yoy-jump" in shown.stdout
    refused = subprocess.run([sys.executable, "-m", "desa_terbuka.cli", "approve", "zzzzzzzz",
                              "--reason", "x", "--no-publish"], capture_output=True, text=True, env=env,
                             timeout=120)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "tidak dikenal" in refused.stderr
