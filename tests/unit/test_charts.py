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


def test_the_infographic_shows_the_summary_as_text_and_pixels():
    import io
    import xml.etree.ElementTree as ET

    from PIL import Image

    summary = _summary(7)
    png, svg = apbdes_infographic(summary)
    assert (png, svg) == apbdes_infographic(summary)  # byte-stable: an unchanged chart is not re-uploaded
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (1000, 620)
    assert image.getpixel((400, 100)) != image.getpixel((20, 300))  # a bar, not only background
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "APBDes Desa Desa 7 2024 — Kecamatan Kota Besi" in texts
    assert {"Dana Desa", "Pembangunan Desa", "Rp 800 jt", "belum ada", "50,0%"} <= set(texts)
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Infografis APBDes Desa Desa 7 2024"


def test_tiny_and_negative_amounts_are_drawn():
    import io

    from PIL import Image

    summary = ApbdesSummary("Kecil", "Kota Besi", 2024, "awal", pendapatan={"Dana Desa": "900000000",
                            "Bunga Bank": "1", "Koreksi": "-5000000"}, belanja={"Pemerintahan Desa": "0.4"},
                            anggaran={"pendapatan": "895000001", "belanja": "0.4"},
                            realisasi={"pendapatan": None, "belanja": None})
    png, svg = apbdes_infographic(summary)
    assert Image.open(io.BytesIO(png)).size == (1000, 620) and b'width="-' not in svg


def test_ticks_are_round_and_cover_the_axis():
    from desa_terbuka.publish.infographic import nice_ticks

    assert nice_ticks(1_760_000_000, 10) == [i * 200_000_000 for i in range(9)]
    assert nice_ticks(945_000_000, 5) == [0, 200_000_000, 400_000_000, 600_000_000, 800_000_000]
    assert nice_ticks(0) == [0.0]


def test_a_comparison_shows_every_desa_highest_first_as_text_and_pixels():
    import io
    import xml.etree.ElementTree as ET

    from PIL import Image

    from desa_terbuka.publish.charts import comparison_chart

    rows = [{"nama_desa": f"Desa {k}", "serapan": k * 10.0} for k in range(1, 9)]
    rows.append({"nama_desa": "Tanpa angka", "serapan": None})  # not shown: nothing to compare
    png, svg = comparison_chart(rows, "serapan", "Serapan belanja per desa", percent=True)
    assert (png, svg) == comparison_chart(rows, "serapan", "Serapan belanja per desa", percent=True)
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    names = [t for t in texts if t.startswith("Desa ")]
    assert names == [f"Desa {k}" for k in range(8, 0, -1)]  # highest first
    assert all(f"{k * 10},0%" in texts for k in range(1, 9))  # each bar labelled with its value
    assert "Tanpa angka" not in texts and root.find("{http://www.w3.org/2000/svg}title").text == \
        "Serapan belanja per desa"
    image = Image.open(io.BytesIO(png))
    assert image.size == (900, 90 + 28 * 8)
    greens = sum(1 for p in image.getdata() if p == (0x2e, 0x7d, 0x32))
    assert greens > 1000  # the bars are drawn


def test_a_whole_district_comparison_fits_its_168_bars():
    from desa_terbuka.publish.charts import comparison_chart

    rows = [{"nama_desa": f"Desa {k}", "belanja": 1_000_000 * k} for k in range(168)]
    png, svg = comparison_chart(rows, "belanja", "Belanja per desa", percent=False)
    assert b'height="2778"' in svg and svg.count(b"<rect") == 1 + 168  # background and bars
