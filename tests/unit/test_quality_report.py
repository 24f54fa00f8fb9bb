"""The quality report page renders offline and counts what it shows."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from desa_terbuka.core.findings import Finding
from desa_terbuka.publish.quality_report import quality_report_html, quality_summary

CHECKED = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)


def findings() -> list[Finding]:
    return [
        Finding("apbdes-realisasi-over-budget", "/srv/inbox/merah/apbdes_2024.csv", None, 12, "realisasi",
                "1200000", params={"realisasi": "1.200.000", "anggaran": "1.000.000", "realisasi_persen": "120"}),
        Finding("apbdes-realisasi-over-limit", "/srv/inbox/merah/apbdes_2024.csv", None, 14, "realisasi",
                "<script>alert(1)</script>", params={"realisasi": "9", "anggaran": "1",
                                                     "realisasi_persen": "900", "realisasi_batas_error": "1,5"}),
        Finding("apbdes-transfer-missing", "", None, None, "kode_rekening", None,
                params={"kode_desa": "62.02.16.2003", "tahun": 2024, "kode": "4.2.1", "transfer": "Dana Desa"}),
    ]


def test_summary_counts_per_severity_and_rule() -> None:
    assert quality_summary(findings()) == {
        "errors": 2, "warnings": 1, "status": "error",
        "rules": {"apbdes-realisasi-over-budget": {"severity": "warning", "count": 1},
                  "apbdes-realisasi-over-limit": {"severity": "error", "count": 1},
                  "apbdes-transfer-missing": {"severity": "error", "count": 1}},
    }
    assert quality_summary([]) == {"errors": 0, "warnings": 0, "status": "ok", "rules": {}}


def test_page_is_self_contained_and_indonesian() -> None:
    page = quality_report_html("Mutu data APBDes Desa Merah 2024", findings(), CHECKED)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page and "<style>" in page
    assert not re.search(r"<script|<link|src=|https?://|@import", page)  # renders offline
    assert "2 galat" in page and "1 peringatan" in page
    assert "&lt;script&gt;" in page  # values are escaped
    assert "apbdes_2024.csv" in page and "/srv/inbox" not in page  # no server paths on the portal
    assert "tidak memuat pendapatan Dana Desa" in page
    assert page.index("apbdes-realisasi-over-limit</code></td><td>galat") < page.index(
        "apbdes-realisasi-over-budget</code></td><td>peringatan")  # errors first


def test_english_page_and_empty_report() -> None:
    page = quality_report_html("Quality", findings(), CHECKED, lang="en")
    assert "2 errors" in page and "has no Dana Desa revenue line" in page
    empty = quality_report_html("Mutu data", [], CHECKED)
    assert "Tidak ada temuan" in empty and "<table" not in empty
