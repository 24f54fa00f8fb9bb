"""The compliance map: a map-like grid of the district's kecamatan, each a block of its desa,
every desa coloured by its worst reporting status. Headless (matplotlib's Agg backend), labels
in Bahasa Indonesia, byte-stable output for the same board (so an unchanged map is not
uploaded again).
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from collections import defaultdict

from desa_terbuka.publish.charts import cached_chart
from desa_terbuka.stage.status import NOT_REQUIRED, STATUS_LABELS, STATUSES, StatusBoard

COLOURS = {"tepat-waktu": "#2e7d32", "terlambat": "#f9a825", "belum-masuk": "#c62828",
           "belum-jatuh-tempo": "#b0bec5", NOT_REQUIRED: "#eceff1"}
PANEL_COLUMNS = 6
TILE_COLUMNS = 4
TILE_ROWS = 5  # the largest kecamatan (18 desa) fills 4 x 5 tiles; smaller ones start at the top
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


def worst_per_desa(board: StatusBoard) -> dict[str, tuple[str, str, str]]:
    """kode desa -> (kecamatan, nama desa, worst status over all its rows)."""
    worst: dict[str, tuple[str, str, str]] = {}
    for row in board.rows:
        if row.status == NOT_REQUIRED:
            continue
        seen = worst.get(row.kode_desa)
        if seen is None or STATUSES.index(row.status) > STATUSES.index(seen[2]):
            worst[row.kode_desa] = (row.kecamatan, row.nama_desa, row.status)
    return worst


def tanggal(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# Byte-stable output (a fixed hash salt), one font, and SVG text kept as text: selectable and
# read by screen readers, a quarter of the bytes, and less drawing than glyph outlines.
STYLE = {"svg.hashsalt": "desa-terbuka", "font.family": ["DejaVu Sans", "sans-serif"],
         "svg.fonttype": "none"}


def compliance_chart(board: StatusBoard, cache: Path | None = None) -> tuple[bytes, bytes]:
    """The map as (PNG, SVG); drawn (≈4 s) only when the statuses or the date changed."""
    worst = worst_per_desa(board)
    payload = [board.as_of.isoformat(), sorted(worst.items())]
    return cached_chart("compliance", payload, cache, lambda: _draw(board.as_of, worst))


def _draw(as_of, worst: dict[str, tuple[str, str, str]]) -> tuple[bytes, bytes]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    per_kecamatan: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kode, (kecamatan, nama, status) in sorted(worst.items()):
        per_kecamatan[kecamatan].append((nama, status))
    names = sorted(per_kecamatan)
    panel_rows = max(1, math.ceil(len(names) / PANEL_COLUMNS))
    # One axes, panels placed in its coordinates: an axes per kecamatan costs seconds to lay out.
    width, height = TILE_COLUMNS + 1, TILE_ROWS + 2  # a panel with its margin and title
    with plt.rc_context(STYLE):
        fig = plt.figure(figsize=(18, 3.3 * panel_rows + 1.4))
        ax = fig.add_axes((0.01, 0.07, 0.98, 0.85))
        ax.set_axis_off()
        for p, kecamatan in enumerate(names):
            left, top = (p % PANEL_COLUMNS) * width, -(p // PANEL_COLUMNS) * height
            desa = per_kecamatan[kecamatan]
            ok = sum(s == "tepat-waktu" for _, s in desa)
            ax.text(left + TILE_COLUMNS / 2, top + 0.25, f"{kecamatan}\n{ok} dari {len(desa)} desa tepat waktu",
                    ha="center", va="bottom", fontsize=9)
            for i, (nama, status) in enumerate(desa):
                x, y = left + i % TILE_COLUMNS, top - 1 - i // TILE_COLUMNS
                ax.add_patch(Rectangle((x + 0.04, y + 0.04), 0.92, 0.92, color=COLOURS[status]))
                label = nama if len(nama) <= 11 else nama[:10] + "…"
                ax.text(x + 0.5, y + 0.5, label, ha="center", va="center", fontsize=5,
                        color="white" if status in ("tepat-waktu", "belum-masuk") else "black")
        ax.set_xlim(-0.2, PANEL_COLUMNS * width)
        ax.set_ylim(-panel_rows * height + 1.5, 1.3)
        ax.set_aspect("equal")
        shown = [s for s in reversed(STATUSES) if s in {st for *_, st in worst.values()}]
        fig.legend(handles=[Patch(color=COLOURS[s], label=STATUS_LABELS[s][0]) for s in shown],
                   loc="lower center", ncol=len(shown) or 1, fontsize=10, frameon=False)
        fig.suptitle(f"Kepatuhan Publikasi Data Desa per {tanggal(as_of)}: status terburuk "
                     "setiap desa (APBDes, kegiatan, musyawarah)", fontsize=13)
        png, svg = io.BytesIO(), io.BytesIO()
        fig.savefig(png, format="png", dpi=100, metadata={"Software": None})
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return png.getvalue(), svg.getvalue()
