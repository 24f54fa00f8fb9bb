"""What the blind-trial tests hold a file to: its manifest, written by the trial's builder from the
items it wrote (``tests/data/blind/trial_*/<area>/manifest.json``), never from the pipeline."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.validate.check import check_parts

SECTIONS = {"pendapatan": "4", "belanja": "5", "pembiayaan_penerimaan": "6.1",
            "pembiayaan_pengeluaran": "6.2"}
# manifest key -> the published field whose sum it states (meetings)
COUNTS = {"hadir_total": "jumlah_hadir", "total_hadir": "jumlah_hadir",
          "hadir_laki_laki": "hadir_laki_laki", "hadir_perempuan": "hadir_perempuan",
          "jumlah_diundang": "jumlah_undangan"}


def cases(folder: Path) -> list[tuple[str, dict]]:
    return [(area, case) for area in ("finance", "activities", "musyawarah")
            for case in json.loads((folder / area / "manifest.json").read_text(encoding="utf-8"))]


def ids(found: list[tuple[str, dict]]) -> list[str]:
    return [case["file"] for _, case in found]


def errors(parts) -> list[str]:
    return [f"{f.code} row {f.row} {f.field}" for p in parts for f in p.findings if f.level == "error"]


def total(rows, name: str, prefix: str = "") -> Decimal:
    return sum((Decimal(r.get(name) or "0") for r in rows
                if (r.get("kode_rekening") or "").startswith(prefix)), Decimal(0))


def assert_read_as_its_manifest(path: Path, case: dict, refused: dict[str, str],
                                read_as: dict[str, tuple[str, str]]) -> None:
    """Valid, of its type (or the accepted other reading), village, year, lines, and every total
    the manifest states; a refused file: not valid, with its reason among the findings."""
    parts = check_parts(path)
    if case["file"] in refused:
        assert not any(p.valid for p in parts)  # nothing of it is published
        assert refused[case["file"]] in {f.code for p in parts for f in p.findings}
        return
    assert all(p.valid for p in parts), errors(parts)
    assert [p.record_type for p in parts] == [read_as.get(case["file"], (case["record_type"],))[0]]
    [part] = parts
    assert part.villages == [case["kode_desa"]]
    assert part.years == [case["tahun"]]
    rows, fields = part.rows, part.records.definition.field_names
    assert len(rows) == case["line_items"]
    if part.record_type == "apbdes":
        for column in ("anggaran", "realisasi"):
            for section, amount in (case.get(column) or {}).items():
                # str: a manifest amount with cents is a JSON float (2075074274.36)
                assert total(rows, column, SECTIONS[section]) == Decimal(str(amount)), (column, section)
    for key, column in (("anggaran_total", "anggaran"), ("total_anggaran", "anggaran"),
                        ("total_realisasi", "realisasi"), *COUNTS.items()):
        # a kegiatan list publishes no realisasi (the APBDes does)
        if key in case and column in fields:
            assert total(rows, column) == case[key], key


def assert_blocked_for(path: Path, case: dict, codes: set[str]) -> None:
    """A file wrong in substance: not valid, for the reason its manifest gives."""
    parts = check_parts(path)
    assert parts and not any(p.valid for p in parts), case["why"]
    assert codes <= {f.code for p in parts for f in p.findings if f.level == "error"}, errors(parts)


def assert_published_with(path: Path, case: dict, codes: set[str]) -> None:
    """A file the trial's builder would return that the project publishes on purpose, with the
    warnings that tell the officer what to check (the module says why it does not block)."""
    parts = check_parts(path)
    assert parts and all(p.valid for p in parts), errors(parts)
    assert codes <= {f.code for p in parts for f in p.findings if f.level == "warning"}, case["why"]


def trial_tests(folder: Path, refused: dict[str, str], read_as: dict[str, tuple[str, str]],
                blocked_for: dict[str, set[str]], published_with: dict[str, set[str]] | None = None):
    """A trial's two tests, for its module to name: each correct file read as its manifest says
    (or refused or read otherwise as the trial states), each wrong one blocked for its reason (or,
    where the trial decides so and says why, published with its warnings)."""
    found = cases(folder)
    correct = [(a, c) for a, c in found if c.get("expect") != "reject"]
    wrong = [(a, c) for a, c in found if c.get("expect") == "reject"]

    @pytest.mark.parametrize(("area", "case"), correct, ids=ids(correct))
    def test_a_correct_file_is_read_as_a_careful_reader_reads_it(area, case):
        assert_read_as_its_manifest(folder / area / case["file"], case, refused, read_as)

    @pytest.mark.parametrize(("area", "case"), wrong, ids=ids(wrong))
    def test_a_file_wrong_in_substance_is_blocked_with_its_reason(area, case):
        if case["file"] in (published_with or {}):
            assert_published_with(folder / area / case["file"], case, published_with[case["file"]])
            return
        assert_blocked_for(folder / area / case["file"], case, blocked_for[case["file"]])

    return test_a_correct_file_is_read_as_a_careful_reader_reads_it, \
        test_a_file_wrong_in_substance_is_blocked_with_its_reason
