"""A saved website page: each data table of the page is its own table, so a sidebar's or footer's
rows never continue the article's records (collect/html_tables.data_tables; fixtures in
tests/data/blind/htmlside/, SOURCES.md there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desa_terbuka.collect.read import read_tables
from tests.unit.blind_manifest import assert_read_as_its_manifest

DATA = Path(__file__).parents[1] / "data" / "blind" / "htmlside"
CASES = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_a_saved_page_is_read_as_its_manifest(case: dict) -> None:
    """Valid, its village and year from the site's titles, only the article's lines."""
    assert_read_as_its_manifest(DATA / case["file"], case, {}, {})


def test_each_data_table_keeps_the_titles_above_it_and_the_page_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "halaman.htm"
    path.write_text("""<html><body><h1>DESA A TAHUN 2024</h1><table><tr><th>No</th><th>Nama</th></tr>
      <tr><td>1</td><td>Jalan</td></tr></table><p>Catatan</p><h3>Statistik</h3>
      <table><tr><td>Hari ini</td><td>37</td></tr></table><footer>Kaki</footer></body></html>""",
                    encoding="utf-8")
    first, second = read_tables(path)
    assert (first.sheet, second.sheet) == ("halaman (tabel 1)", "halaman (tabel 2)")
    assert dict(zip(first.row_numbers, first.rows)) == {
        1: ["DESA A TAHUN 2024"], 2: ["No", "Nama"], 3: ["1", "Jalan"], 4: ["Catatan"], 5: ["Statistik"]}
    assert dict(zip(second.row_numbers, second.rows)) == {
        1: ["DESA A TAHUN 2024"], 4: ["Catatan"], 5: ["Statistik"], 6: ["Hari ini", "37"], 7: ["Kaki"]}
