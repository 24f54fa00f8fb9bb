"""A cell a spreadsheet would execute, sent by a village, is published as text: the CSV on the
portal and its DataStore table carry it with an apostrophe in front. Cost: one pipeline run of
one file (≈15 s on a warm portal)."""

from __future__ import annotations

import csv
import io

import pytest
import requests

from desa_terbuka.authoring.sample import input_names, musyawarah_rows
from desa_terbuka.authoring.sample_files import write_csv
from desa_terbuka.core.reference import villages

pytestmark = pytest.mark.integration

HYPERLINK = '=HYPERLINK("http://contoh.example/unduh","Klik di sini")'


def test_an_executable_cell_is_neutralised_in_the_published_file_and_datastore(
        portal, run_pipeline, tmp_path):
    village = villages()["62.02.12.2005"]
    rows = musyawarah_rows(village, 2024)
    rows[0]["agenda"] = HYPERLINK
    rows[1]["keputusan"] = "=cmd|' /C calc'!A0"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_csv(inbox / "musyawarah_ganepo_2024.csv", input_names("musyawarah"), rows)

    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    assert [o.verdict for o in summary.outcomes] == ["accepted"]
    assert "spreadsheet-formula" in {f.code for o in summary.outcomes for f in o.findings}

    package = portal.ckan.action.package_show(id=f"musyawarah-{village.kode}-{village.slug}")
    [resource] = [r for r in package["resources"] if r.get("tahun") == "2024"]
    text = requests.get(resource["url"], timeout=60).content.decode("utf-8")
    published = list(csv.DictReader(io.StringIO(text)))
    assert published[0]["agenda"] == "'" + HYPERLINK
    assert published[1]["keputusan"] == "'=cmd|' /C calc'!A0"
    cells = [v for row in published for v in row.values()]
    assert not [v for v in cells if v.startswith(("=", "@", "+", "\t", "\r"))]

    records = portal.ckan.action.datastore_search(resource_id=resource["id"], limit=1000)["records"]
    by_line = {r["baris"]: r for r in records}
    assert by_line[1]["agenda"] == "'" + HYPERLINK
    assert by_line[2]["keputusan"] == "'=cmd|' /C calc'!A0"
