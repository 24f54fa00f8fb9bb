"""The fast path (a canonical CSV read by DuckDB, ``normalise/canonical.py``) gives the same
records and findings as the tolerant readers, and is taken for the files it is meant for.

Corpus: a generated district (canonical layout) with planted errors (unreadable amounts, unknown
codes, duplicates), the same district with form variation (headings, formats, report shapes:
the tolerant path must take those), and the test corpora. Cost: ~25 s (the tolerant reads).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_terbuka.collect import base
from desa_terbuka.validate import check

DATA = Path(__file__).parents[1] / "data"


def _both(path: Path, monkeypatch) -> tuple[list, list, bool]:
    monkeypatch.setattr(check, "FAST_PATH", True)
    fast = check.check_parts(path)
    took = check._fast_path(path, None, fast[0].submission, False) is not None
    monkeypatch.setattr(check, "FAST_PATH", False)
    slow = check.check_parts(path)
    return fast, slow, took


def _assert_same(fast, slow) -> None:
    assert [p.record_type for p in fast] == [p.record_type for p in slow]
    for a, b in zip(fast, slow):
        assert a.rows == b.rows
        assert a.findings == b.findings
        assert a.valid == b.valid and a.years == b.years and a.villages == b.villages


@pytest.fixture(scope="module")
def districts(tmp_path_factory) -> tuple[Path, Path]:
    from bench.gen_district import generate_villages
    from bench.gen_model import DISTRICT, kotim_desa

    plain, varied = tmp_path_factory.mktemp("plain"), tmp_path_factory.mktemp("varied")
    for out, forms in ((plain, 0.0), (varied, 0.7)):
        generate_villages(out, kotim_desa()[:5], [2024], seed="11", detail=DISTRICT, form_rate=forms,
                          error_rate=0.8, nested=False, settings={})
    return plain, varied


def test_canonical_files_take_the_fast_path_with_the_same_findings(districts, monkeypatch) -> None:
    plain, _ = districts
    taken, codes = 0, set()
    for path in sorted(plain.glob("*/*.csv")):
        fast, slow, took = _both(path, monkeypatch)
        _assert_same(fast, slow)
        taken += took
        codes |= {f.code for p in fast for f in p.findings} if took else set()
    assert taken == len(list(plain.glob("*/*.csv")))  # musyawarah too: no amounts, whole codes first
    assert "invalid-number" in codes or "unknown-account" in codes, codes


def test_varied_files_and_corpora_give_the_same_findings(districts, monkeypatch) -> None:
    _, varied = districts
    paths = sorted(varied.glob("*/*.csv")) + [p for d in ("broken", "messy", "tolerated")
                                               for p in sorted((DATA / d).glob("*.csv"))]
    for path in paths:
        fast, slow, _ = _both(path, monkeypatch)
        _assert_same(fast, slow)


def test_the_file_size_limit_still_holds_on_the_fast_path(districts, monkeypatch) -> None:
    plain, _ = districts
    path = sorted(plain.glob("*/apbdes_*.csv"))[0]
    monkeypatch.setattr(base, "MAX_FILE_BYTES", 100)
    part = check.check_parts(path)[0]
    assert [f.code for f in part.findings] == ["file-unreadable"]


def test_the_row_limit_follows_memory() -> None:
    assert base.MAX_ROWS >= 100_000
    assert base.rows_memory_allows(share=1.0) >= base.rows_memory_allows(share=0.25)


def test_the_budget_an_operator_is_told_admits_the_file() -> None:
    """``budget_for_rows`` (what the row-limit message and the bench use) is the inverse of the
    row limit; the text limit grows with the same budget."""
    rows = 300_000
    budget = base.budget_for_rows(rows)
    assert base.rows_memory_allows(budget_mb=budget) >= rows > base.rows_memory_allows(budget_mb=budget - 2)
    assert base.file_memory_allows(budget_mb=4 * 1024) // base.TEXT_BYTES > 64 * 2**20


def test_a_heading_repeated_in_a_meeting_file_is_read_the_tolerant_way(districts, monkeypatch, tmp_path) -> None:
    """Meetings have no amounts: a line is a record when it starts with a whole kode desa, and a
    line repeating the headings after a code is left to the tolerant reader, which skips it."""
    plain, _ = districts
    source = sorted(plain.glob("*/musyawarah_*.csv"))[0]
    lines = source.read_text(encoding="utf-8").splitlines()
    heading = lines[0].split(",")
    repeated = ",".join([lines[1].split(",")[0]] + heading[1:])
    path = tmp_path / source.name
    path.write_text("\n".join(lines[:2] + [repeated] + lines[2:]) + "\n", encoding="utf-8")
    fast, slow, took = _both(path, monkeypatch)
    _assert_same(fast, slow)
    assert not took
    assert any(f.code == "lines-skipped" or "heading" in str(f.params) for f in slow[0].findings), \
        [f.code for f in slow[0].findings]
