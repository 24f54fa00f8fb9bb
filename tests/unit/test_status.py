"""The status board on the staged sample: deadlines from the calendar, submissions by their
delivery time, ``--on`` replays the past, kelurahan owe nothing, the compliance data agrees."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from desa_terbuka.authoring.sample import _anggaran_only, generate
from desa_terbuka.authoring.sample_delivery import delivered_at
from desa_terbuka.core.deadlines import reporting_calendar
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR
from desa_terbuka.core.reference import villages
from desa_terbuka.publish import compliance_chart
from desa_terbuka.publish.compliance import compliance_plan, compliance_rows
from desa_terbuka.stage.curation import log_action
from desa_terbuka.stage.receive import receive
from desa_terbuka.stage.status import build_status
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import check_file
from desa_terbuka.views.reports import quarantine_reports
from desa_terbuka.views.status import filter_rows, status_json
from desa_terbuka.views.status_html import status_html

TUALAN_HULU = sorted(k for k, v in villages().items() if v.kode_kecamatan == "62.02.16")
ON = date(2025, 3, 1)
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"  # git-ignored: screenshots to look at


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Path:
    """The whole sample (11 desa, 2023-2025) staged in the order the files arrived."""
    root = tmp_path_factory.mktemp("status")
    paths = generate(root / "inbox")
    with Warehouse(root / "base" / "warehouse.duckdb") as warehouse:
        for path in sorted(paths, key=lambda p: (p.stat().st_mtime, str(p))):
            receive(warehouse, check_file(path), quarantine_reports)
    return root / "base" / "warehouse.duckdb"


@pytest.fixture
def warehouse(staged: Path, tmp_path: Path):
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(staged, copy)
    with Warehouse(copy) as w:
        yield w


def expected(kode: str, record_type: str, year: int, on: date) -> str:
    """The status a data officer would work out by hand from the delivery dates and the
    calendar (APBDes by 31 Dec of the year before, semester I by 31 July, year-end by the end
    of February; kegiatan by the end of February; musyawarah by 31 January of the year after)."""
    tahap = "anggaran" if kode in _anggaran_only("62.02.16", year) else "realisasi_tahunan"
    arrived = delivered_at(kode, year, record_type, tahap).date()
    received = arrived <= on
    if record_type == "apbdes":
        due = [date(year - 1, 12, 31), date(year, 7, 31), date(year + 1, 2, 28)]
        covers = 1 if tahap == "anggaran" else 3  # a year-end report also covers the earlier ones
    else:
        due = [date(year + 1, 2, 28) if record_type == "kegiatan" else date(year + 1, 1, 31)]
        covers = 1
    states = []
    for i, deadline in enumerate(due):
        if received and i < covers:
            states.append("tepat-waktu" if arrived <= deadline else "terlambat")
        else:
            states.append("belum-masuk" if on > deadline else "belum-jatuh-tempo")
    order = ["belum-jatuh-tempo", "tepat-waktu", "terlambat", "belum-masuk"]
    return max(states, key=order.index)


def test_on_2025_03_01_the_sample_shows_late_and_on_time_villages(warehouse: Warehouse) -> None:
    board = build_status(warehouse, ON)
    rows = [r for r in board.rows if r.kode_desa in TUALAN_HULU]
    assert len(rows) == 11 * 3 * 3
    for r in rows:
        assert r.status == expected(r.kode_desa, r.record_type, r.tahun, ON), (r.nama_desa, r.record_type, r.tahun)
    statuses = {r.status for r in rows}
    assert {"tepat-waktu", "terlambat", "belum-masuk", "belum-jatuh-tempo"} <= statuses
    # The two desa that sent only their 2025 budget: one before 31 December, one after.
    budget_only = {r.kode_desa: r.status for r in rows if r.record_type == "apbdes" and r.tahun == 2025
                   and r.last_file}
    assert sorted(budget_only.values()) == ["tepat-waktu", "terlambat"]
    # A file delivered after the board's date is not seen: 2025 year-end reports arrived in 2026.
    assert all(r.last_submitted is None or r.last_submitted.date() <= ON for r in rows)


def test_every_desa_of_the_district_has_a_line_and_kelurahan_owe_nothing(warehouse: Warehouse) -> None:
    board = build_status(warehouse, ON)
    desa = {k for k, v in villages().items() if v.jenis == "desa"}
    assert len(desa) == 168
    assert {r.kode_desa for r in board.rows} == desa
    assert len(board.rows) == 168 * 3 * 3  # record types x years 2023-2025
    assert board.kelurahan == 17
    outside = [r for r in board.rows if r.kode_desa not in TUALAN_HULU]
    assert {r.status for r in outside if r.tahun == 2023} == {"belum-masuk"}


def test_later_dates_see_later_files(warehouse: Warehouse) -> None:
    later = {(r.kode_desa, r.record_type, r.tahun): r for r in build_status(warehouse, date(2026, 6, 1)).rows}
    for kode in TUALAN_HULU:
        for rt in ("apbdes", "kegiatan", "musyawarah"):
            assert later[(kode, rt, 2025)].status == expected(kode, rt, 2025, date(2026, 6, 1))
            assert later[(kode, rt, 2025)].last_file


def test_the_calendar_year_window_follows_the_date(warehouse: Warehouse) -> None:
    assert {r.tahun for r in build_status(warehouse, date(2025, 12, 31)).rows} == {2023, 2024, 2025, 2026}
    assert {r.tahun for r in build_status(warehouse, date(2025, 12, 30)).rows} == {2023, 2024, 2025}


def test_curation_log_and_retraction_show_on_the_board(warehouse: Warehouse) -> None:
    name = "apbdes-6202162003-merah"
    log_action(warehouse, "retract", name, "NIK ditemukan di kolom keterangan", "petugas-a", ["62.02.16.2003"])
    board = build_status(warehouse, datetime.now().date() + timedelta(days=1))
    assert [(e.action, e.subject, e.actor) for e in board.log] == [("retract", name, "petugas-a")]
    assert all(r.retracted for r in board.rows if r.dataset == name)
    assert not any(r.retracted for r in board.rows if r.dataset != name)
    assert build_status(warehouse, ON).log == []  # not yet happened on that date
    shown = status_json(board, filter_rows(board, kecamatan="tualan"))
    assert shown["riwayat_kurasi"][0]["alasan"] == "NIK ditemukan di kolom keterangan"
    assert len(shown["baris"]) == 11 * 3 * len({r.tahun for r in board.rows})


def test_filters(warehouse: Warehouse) -> None:
    board = build_status(warehouse, ON)
    late = filter_rows(board, kecamatan="62.02.16", status="terlambat", record_type="apbdes", year=2024)
    assert late and all(r.status == "terlambat" and r.tahun == 2024 and r.kecamatan == "Tualan Hulu"
                        for r in late)


def test_compliance_dataset_holds_the_boards_rows_without_file_names(warehouse: Warehouse) -> None:
    board = build_status(warehouse, ON)
    plan = compliance_plan(board)
    assert plan.name == "kepatuhan-publikasi-data-desa"
    assert [r.year for r in plan.resources] == [2023, 2024, 2025]
    published = []
    for resource in plan.resources:
        published += list(csv.DictReader(io.StringIO(resource.csv.decode("utf-8"))))
    assert len(published) == len(board.rows)
    by_key = {(r["kode_desa"], r["jenis_data"], int(r["tahun"])): r["status"] for r in published}
    assert by_key == {(r.kode_desa, r.record_type, r.tahun): r.status for r in board.rows}
    assert "berkas_terakhir" not in published[0] and "id_kiriman" not in published[0]
    png, svg = (d.content for d in plan.documents)
    assert png.startswith(b"\x89PNG") and b"<svg" in svg and "Tualan Hulu".encode() in svg
    again = compliance_plan(board)  # byte-stable: an unchanged board uploads nothing
    assert [d.content_hash for d in again.documents] == [d.content_hash for d in plan.documents]
    assert again.metadata_hash == plan.metadata_hash
    assert compliance_rows(board)[0].keys() == published[0].keys()
    schema = yaml.safe_load((PORTAL_CONFIG_DIR / "scheming" / "dataset.yaml").read_text("utf-8"))
    declared = {f["field_name"] for f in schema["dataset_fields"]}
    assert set(plan.metadata) - {"tags", "groups"} <= declared  # scheming drops anything else
    assert {f["field_name"] for f in schema["dataset_fields"] if f.get("required")} <= set(plan.metadata)


def test_the_compliance_map_is_drawn_once_per_board(warehouse: Warehouse, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    board = build_status(warehouse, ON)
    drawn = compliance_plan(board, tmp_path)
    monkeypatch.setattr(compliance_chart, "_draw", lambda *a: pytest.fail("drawn again"))
    kept = compliance_plan(board, tmp_path)  # a no-change run: read from the cache
    assert [d.content for d in kept.documents] == [d.content for d in drawn.documents]
    later = build_status(warehouse, ON + timedelta(days=1))
    monkeypatch.setattr(compliance_chart, "_draw", lambda *a: (b"png", b"svg"))
    assert [d.content for d in compliance_plan(later, tmp_path).documents] == [b"png", b"svg"]


def test_deadlines_end_at_the_end_of_the_day_in_jakarta() -> None:
    calendar = reporting_calendar()
    end = calendar.end_of(date(2024, 12, 31))
    assert end.isoformat() == "2025-01-01T00:00:00+07:00"
    [anggaran, *_] = calendar.deadlines["apbdes"]
    assert anggaran.due_date(2025) == date(2024, 12, 31)
    assert calendar.deadlines["apbdes"][2].due_date(2023) == date(2024, 2, 29)  # leap year


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("chromium missing: run scripts/bootstrap.sh (installs the Debian chromium package)")
    return found


def _headless(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--virtual-time-budget=5000", *extra, url],
        capture_output=True, text=True, timeout=120)


def test_html_board_filters_in_headless_chromium(warehouse: Warehouse, tmp_path: Path) -> None:
    board = build_status(warehouse, ON)
    page = tmp_path / "board.html"
    page.write_text(status_html(board), encoding="utf-8")
    assert "http://" not in page.read_text().replace("http://www.w3.org", "")  # opens offline
    url = page.as_uri() + "?kecamatan=Tualan%20Hulu&status=terlambat"
    dom = _headless(url, tmp_path / "profile", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    visible = re.findall(r'<tr data-kecamatan="([^"]+)" data-status="([^"]+)"[^>]*data-kode="([^"]+)">',
                         dom.stdout)  # rows hidden by the filter carry hidden=""
    want = [r for r in board.rows if r.kecamatan == "Tualan Hulu" and r.status == "terlambat"]
    assert want and len(visible) == len(want)
    assert {(k, s) for k, s, _ in visible} == {("Tualan Hulu", "terlambat")}
    assert re.search(rf'<b id="shown">{len(want)}</b>', dom.stdout)
    assert len(re.findall(r"<tr [^>]*hidden", dom.stdout)) == len(board.rows) - len(want)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "status-board-tualan-hulu-terlambat.png"
    taken = _headless(url, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1400,1000",
                      "--hide-scrollbars")
    assert taken.returncode == 0 and shot.read_bytes().startswith(b"\x89PNG")
