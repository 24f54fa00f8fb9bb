"""The charts of the portal drawn without a plotting library: the APBDes infographic of one desa
and year, and the district's comparisons of one indicator across its desa. Each is laid out
once as rectangles, lines and text and written twice: as SVG (text kept as text) and as a PNG
drawn with Pillow.

Why not matplotlib (the compliance map still is): a district's first publish draws ~500
infographics and matplotlib spent ~0.25 s of CPU on each (more than half of the pipeline's own
CPU, text layout mostly), and ~1 s on a comparison of 168 desa; 75,000 villages would need
CPU-hours. Bar panels need no plotting library; drawing them here takes milliseconds. Sizes are
pixels of the PNG; the SVG uses the same numbers. Output is byte-stable: the same input gives
the same bytes.
"""

from __future__ import annotations

import importlib.util
import io
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape, quoteattr

from desa_terbuka.core.rupiah import persen, rupiah_short

# The summary drawn is a ``charts.ApbdesSummary``; charts imports this module, so it is not
# imported back (``Any`` in the signatures).

WIDTH, HEIGHT = 1000, 620
GREEN, GREY, BLUE, INK = "#2e7d32", "#b0bec5", "#1565c0", "#000000"
PT = 100 / 72  # matplotlib's point sizes at 100 dpi, as the charts had them
LABEL_CHARS = 32


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str

    def corners(self) -> tuple[float, float, float, float]:
        """Left, top, right, bottom, whatever the signs of w and h (a negative amount)."""
        return min(self.x, self.x + self.w), min(self.y, self.y + self.h), max(self.x, self.x + self.w), \
            max(self.y, self.y + self.h)


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Label:
    """``anchor``: Pillow's two letters, horizontal (l, m, r) then vertical (s baseline, m middle)."""

    x: float
    y: float
    text: str
    size: float  # points
    fill: str = INK
    anchor: str = "ls"


Shape = Box | Line | Label


def draw(summary: Any) -> tuple[bytes, bytes]:
    """(PNG, SVG) of the summary."""
    shapes = layout(summary)
    title = f"Infografis APBDes Desa {summary.nama_desa} {summary.tahun}"
    return to_png(shapes), to_svg(shapes, title)


def comparison(shown: list[tuple[str, float]], title: str, label: Callable[[float], str]
               ) -> tuple[bytes, bytes]:
    """(PNG, SVG): one bar per desa of ``shown`` (name, value) in its order, each labelled with
    ``label(value)``; 28 px a bar up to 40 desa, 16 px for a whole district."""
    band = 28 if len(shown) <= 40 else 16
    rows = max(len(shown), 1)
    size = (900, 90 + band * rows)
    x, y, w, h = 225.0, 50.0, 612.0, float(band * rows)  # the axes, below the title
    top = max([v for _, v in shown] + [1]) * 1.2
    scale = w / top
    names = 8 if band > 20 else 6
    shapes: list[Shape] = [Label(18, 26, title, 11), *_axes(x, y, w, h)]
    for i, (name, value) in enumerate(shown):
        middle, length = y + band * (i + 0.5), max(value, 0) * scale
        shapes += [Box(x, middle - band * 0.4, length, band * 0.8, GREEN),
                   Label(x - 6, middle, _short(name), names, anchor="rm"),
                   Label(x + length + 3, middle, label(value), 7, anchor="lm")]
    for tick in nice_ticks(top, 6):
        tx = x + tick * scale
        shapes += [Line(tx, y + h, tx, y + h + 4), Label(tx, y + h + 17, label(tick), 7, anchor="ms")]
    return to_png(shapes, size), to_svg(shapes, title, size)


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[:LABEL_CHARS - 1] + "…"


def layout(summary: Any) -> list[Shape]:
    """The whole picture: headings, two horizontal bar panels (pendapatan by source, belanja by
    bidang) and realisasi against anggaran."""
    parts = ["pendapatan", "belanja"]
    planned = [float(summary.amount(p) or 0) for p in parts]
    done = [float(summary.amount(p, "realisasi") or 0) for p in parts]
    shapes: list[Shape] = [
        Label(20, 27, f"APBDes Desa {summary.nama_desa} {summary.tahun} — Kecamatan {summary.kecamatan}", 13),
        Label(20, 59, f"Pendapatan {rupiah_short(planned[0])} · Belanja {rupiah_short(planned[1])} · "
                      f"tahap: {summary.tahap.replace('_', ' ')}", 9, "#444444"),
        Label(20, 608, "Sumber: Portal Data Desa Kabupaten Kotawaringin Timur (DPMD), CC-BY-4.0", 7, "#666666"),
    ]
    shapes += _barh(summary.pendapatan, GREEN, "Pendapatan menurut sumber", (270, 88, 295, 182))
    shapes += _barh(summary.belanja, BLUE, "Belanja menurut bidang", (270, 376, 295, 182))
    shapes += _realisation(summary, planned, done, (735, 88, 235, 470))
    return shapes


def nice_ticks(top: float, most: int = 4) -> list[float]:
    """Round tick values from 0 to ``top`` in at most ``most`` steps of 1, 2 or 5 × 10ⁿ (not 2.5:
    "Rp 1,3 M" would label 1.25 M)."""
    if top <= 0:
        return [0.0]
    raw = top / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [i * step for i in range(int(top / step + 1e-9) + 1)]


def _axes(x: float, y: float, w: float, h: float) -> list[Shape]:
    return [Line(x, y, x, y + h), Line(x, y + h, x + w, y + h)]


def _barh(items: dict[str, str], colour: str, title: str, area: tuple[float, float, float, float]
          ) -> list[Shape]:
    x, y, w, h = area
    values = [float(v) for v in items.values()]
    top = (max(values) if values else 1) * 1.35
    scale = w / top if top else 0
    shapes: list[Shape] = [Label(x, y - 9, title, 10), *_axes(x, y, w, h)]
    band = h / max(len(values), 1)
    for i, (name, value) in enumerate(zip(items, values)):
        middle = y + band * (i + 0.5)
        shapes.append(Box(x, middle - band * 0.4, value * scale, band * 0.8, colour))
        shapes += [Label(x - 8, middle, _short(name), 8, anchor="rm"),
                   Label(x + value * scale + 3, middle, rupiah_short(value), 7, anchor="lm")]
    for tick in nice_ticks(top, 5):
        tx = x + tick * scale
        shapes += [Line(tx, y + h, tx, y + h + 4), Label(tx, y + h + 17, rupiah_short(tick), 7, anchor="ms")]
    return shapes


def _realisation(summary: Any, planned: list[float], done: list[float],
                 area: tuple[float, float, float, float]) -> list[Shape]:
    x, y, w, h = area
    top = max(planned + done + [1]) * 1.22
    unit = w / 2.42  # bars of width 0.5 from -0.25 to 1.95, and a margin of 5 % each side
    at = lambda pos: x + (pos + 0.36) * unit  # noqa: E731
    height = lambda v: v / top * h  # noqa: E731
    shapes: list[Shape] = [Label(x, y - 9, "Realisasi dibanding anggaran", 10), *_axes(x, y, w, h)]
    for tick in nice_ticks(top, 10):
        ty = y + h - height(tick)
        shapes += [Line(x - 4, ty, x, ty), Label(x - 8, ty, rupiah_short(tick), 7, anchor="rm")]
    for i, (part, name, colour) in enumerate((("pendapatan", "Pendapatan", GREEN), ("belanja", "Belanja", BLUE))):
        centre, a, r = i * 1.2 + 0.25, planned[i], done[i]  # anggaran left of centre, realisasi right
        shapes += [Box(at(centre - 0.5), y + h - height(a), 0.5 * unit, height(a), GREY),
                   Box(at(centre), y + h - height(r), 0.5 * unit, height(r), colour)]
        share = persen(round(100 * r / a, 1)) if a and summary.realisasi.get(part) else "belum ada"
        label_y = y + h - height(max(a, r) * 1.03)
        shapes += [Label(at(centre), label_y - 16, "realisasi", 8, anchor="ms"),
                   Label(at(centre), label_y, share, 8, anchor="ms"),
                   Line(at(centre), y + h, at(centre), y + h + 4),
                   Label(at(centre), y + h + 22, name, 10, anchor="ms")]
    for i, (name, colour) in enumerate((("Anggaran", GREY), ("Realisasi", GREEN))):
        row = y + 14 + i * 17
        shapes += [Box(x + w - 96, row - 5, 20, 10, colour), Label(x + w - 68, row, name, 8, anchor="lm")]
    return shapes


# ---------------------------------------------------------------- writers


def to_svg(shapes: list[Shape], title: str, size: tuple[int, int] = (WIDTH, HEIGHT)) -> bytes:
    anchors = {"l": "start", "m": "middle", "r": "end"}
    width, height = size
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)} '
           'font-family="DejaVu Sans, sans-serif">',
           f"<title>{escape(title)}</title>",
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    for s in shapes:
        if isinstance(s, Box):
            x0, y0, x1, y1 = s.corners()
            out.append(f'<rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(x1 - x0)}" height="{_n(y1 - y0)}" fill="{s.fill}"/>')
        elif isinstance(s, Line):
            out.append(f'<line x1="{_n(s.x1)}" y1="{_n(s.y1)}" x2="{_n(s.x2)}" y2="{_n(s.y2)}" '
                       'stroke="#000000" stroke-width="0.8"/>')
        else:
            middle = ' dominant-baseline="central"' if s.anchor[1] == "m" else ""
            out.append(f'<text x="{_n(s.x)}" y="{_n(s.y)}" font-size="{_n(s.size * PT)}" fill="{s.fill}" '
                       f'text-anchor="{anchors[s.anchor[0]]}"{middle}>{escape(s.text)}</text>')
    out.append("</svg>\n")
    return "\n".join(out).encode("utf-8")


def to_png(shapes: list[Shape], size: tuple[int, int] = (WIDTH, HEIGHT)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, "#ffffff")
    pen = ImageDraw.Draw(image)
    for s in shapes:
        if isinstance(s, Box):
            if s.w and s.h:  # at least a pixel wide: a small amount is still seen
                x0, y0, x1, y1 = (round(v) for v in s.corners())
                pen.rectangle((x0, y0, max(x0, x1 - 1), max(y0, y1 - 1)), fill=s.fill)
        elif isinstance(s, Line):
            pen.line((round(s.x1), round(s.y1), round(s.x2), round(s.y2)), fill=INK, width=1)
        else:
            pen.text((s.x, s.y), s.text, fill=s.fill, font=_font(round(s.size * PT)), anchor=s.anchor)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _n(value: float) -> str:
    return f"{round(value, 1):g}"


@lru_cache(maxsize=None)
def _font(pixels: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_file()), pixels)


def font_file() -> Path:
    """DejaVu Sans as matplotlib ships it (a dependency already), found without importing it."""
    spec = importlib.util.find_spec("matplotlib")
    assert spec and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
