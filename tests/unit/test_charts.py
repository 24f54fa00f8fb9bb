"""Infographics drawn in worker processes are the ones drawn in place, byte for byte, and are
found in the chart cache by the plans that need them."""

from __future__ import annotations

from desa_terbuka.publish import charts
from desa_terbuka.publish.charts import ApbdesSummary, apbdes_infographic, draw_infographics


def _summary(k: int) -> ApbdesSummary:
    return ApbdesSummary(
        f"Desa {k}", "Kota Besi", 2024, "semester_1",
        pendapatan={"Dana Desa": str(800_000_000 + k), "Alokasi Dana Desa": "400000000"},
        belanja={"Pembangunan Desa": "600000000", "Pemerintahan Desa": str(500_000_000 + k)},
        anggaran={"pendapatan": str(1_200_000_000 + k), "belanja": "1100000000"},
        realisasi={"pendapatan": "600000000", "belanja": None})


def test_charts_drawn_in_parallel_are_the_charts_drawn_in_place(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "PARALLEL_FROM", 1)
    summaries = [_summary(k) for k in range(3)]
    cache = tmp_path / "charts"
    assert draw_infographics(summaries, cache, workers=2) == 3
    assert len(list(cache.glob("*.png"))) == 3 and len(list(cache.glob("*.svg"))) == 3
    assert not list(cache.glob("*.part"))
    for s in summaries:
        assert apbdes_infographic(s, cache) == apbdes_infographic(s, None)  # read back == redrawn
    assert draw_infographics(summaries, cache, workers=2) == 0  # all cached: no process started


def test_a_few_charts_are_left_to_the_plans(tmp_path):
    assert draw_infographics([_summary(0)], tmp_path, workers=2) == 0
    assert not list(tmp_path.iterdir())
