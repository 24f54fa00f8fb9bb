"""Charts: the APBDes infographic of one desa and year and the district's comparisons of an
indicator (``infographic``: milliseconds, no plotting library). Headless, labels in Bahasa
Indonesia, amounts as "Rp 1,2 M", byte-stable output for the same numbers (an unchanged chart
is not uploaded again); results are cached on disk by the hash of their input.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from desa_terbuka.core.reference import accounts, activities
from desa_terbuka.core.rupiah import persen, rupiah_short
from desa_terbuka.core.settings import usable_cores
from desa_terbuka.publish import infographic

CHART_VERSION = "4"  # bump when the drawing changes: cached charts are redrawn


@dataclass(frozen=True)
class ApbdesSummary:
    """What the infographic (and the village snippet) shows of one APBDes year."""

    nama_desa: str
    kecamatan: str
    tahun: int
    tahap: str
    pendapatan: dict[str, str] = field(default_factory=dict)  # source label -> anggaran (text)
    belanja: dict[str, str] = field(default_factory=dict)  # bidang label -> anggaran
    anggaran: dict[str, str] = field(default_factory=dict)  # pendapatan/belanja -> anggaran
    realisasi: dict[str, str | None] = field(default_factory=dict)

    def amount(self, part: str, kind: str = "anggaran") -> Decimal | None:
        value = getattr(self, kind).get(part)
        return None if value is None else Decimal(value)


def _income_label(kode: str) -> str:
    parts = kode.split(".")
    key = ".".join(parts[:3]) if parts[:2] == ["4", "2"] else ".".join(parts[:2])
    found = accounts().get(key)
    return found.uraian if found else key


def _bidang_label(kode_kegiatan: str | None) -> str:
    bidang = (kode_kegiatan or "").split(".")[0]
    found = activities().get(bidang)
    return found.uraian.removeprefix("Bidang ") if found else "Tanpa bidang"


def summarise_apbdes(records: list[dict[str, Any]], nama_desa: str, kecamatan: str,
                     tahun: int) -> ApbdesSummary:
    """One slice's records (datastore_records shape) summed for the infographic; leaf lines only."""
    codes = {r["kode_rekening"] for r in records}
    leaves = [r for r in records
              if not any(c.startswith(r["kode_rekening"] + ".") for c in codes)]
    income, spending = defaultdict(Decimal), defaultdict(Decimal)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    realised: dict[str, Decimal | None] = {"pendapatan": None, "belanja": None}
    for r in leaves:
        part = {"4": "pendapatan", "5": "belanja"}.get(r["kode_rekening"].split(".")[0])
        if part is None:
            continue
        amount = Decimal(r["anggaran"] or 0)
        totals[part] += amount
        if r.get("realisasi") not in (None, ""):
            realised[part] = (realised[part] or Decimal(0)) + Decimal(r["realisasi"])
        if part == "pendapatan":
            income[_income_label(r["kode_rekening"])] += amount
        else:
            spending[_bidang_label(r.get("kode_kegiatan"))] += amount
    text = lambda d: {k: plain(v) for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))}
    return ApbdesSummary(
        nama_desa, kecamatan, tahun, ", ".join(sorted({r.get("tahap") or "" for r in records})),
        text(income), text(spending), {k: plain(totals[k]) for k in ("pendapatan", "belanja")},
        {k: None if v is None else plain(v) for k, v in realised.items()})


def plain(value: Decimal) -> str:
    """An amount as plain text, the same whether it came as 1000.00 or 1000: '1000'."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def chart_cache(warehouse_path: Path) -> Path:
    """Where a warehouse's drawn charts are kept (beside it: generated, never committed)."""
    return warehouse_path.parent / "cache" / "charts"


def cached_chart(kind: str, payload: Any, cache: Path | None, draw) -> tuple[bytes, bytes]:
    """``draw()`` (PNG, SVG), or what it drew before for the same payload (``cache``: a folder)."""
    if cache:
        png, svg = _cached(cache, kind, payload)
        if png.is_file() and svg.is_file():
            return png.read_bytes(), svg.read_bytes()
    result = draw()
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        for path, content in zip((png, svg), result):  # whole or absent, whoever else writes
            part = path.with_suffix(f".{os.getpid()}.part")
            part.write_bytes(content)
            os.replace(part, path)
    return result


def _cached(cache: Path, kind: str, payload: Any) -> tuple[Path, Path]:
    key = chart_key(kind, payload)
    return cache / f"{key}.png", cache / f"{key}.svg"


def chart_key(kind: str, payload: Any) -> str:
    return hashlib.sha256(json.dumps([CHART_VERSION, kind, payload], sort_keys=True,
                                     default=str).encode()).hexdigest()


def draw_infographics(summaries: list[ApbdesSummary], cache: Path, workers: int | None = None) -> int:
    """Draw the infographics not yet in ``cache`` in worker processes, one per core: drawing
    is CPU-bound Python (~20 ms a chart, the GIL held: ~10 s for a district's first publish,
    off the thread that publishes). Returns how many were drawn; few are drawn by the caller."""
    todo = [s for s in summaries if not all(p.is_file() for p in _cached(cache, "apbdes", asdict(s)))]
    count = min(workers or usable_cores(), len(todo) // PARALLEL_FROM)
    if count < 2:
        return 0
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: the caller runs threads (Prefect), which fork would copy mid-state
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(_draw_into, [(s, cache) for s in todo], chunksize=8))
    except (BrokenProcessPool, OSError):  # e.g. no __main__ guard: the plans draw what is missing
        return 0
    return len(todo)


PARALLEL_FROM = 16  # charts per worker process below which they are drawn where needed


def _draw_into(job: tuple[ApbdesSummary, Path]) -> None:
    apbdes_infographic(*job)  # into the cache; the bytes are read from there


def apbdes_infographic(summary: ApbdesSummary, cache: Path | None = None) -> tuple[bytes, bytes]:
    """(PNG, SVG): pendapatan by source, belanja by bidang, realisasi against anggaran (drawn
    without matplotlib: see ``infographic``)."""
    return cached_chart("apbdes", asdict(summary), cache, lambda: infographic.draw(summary))


def comparison_chart(rows: list[dict[str, Any]], column: str, title: str, percent: bool,
                     cache: Path | None = None) -> tuple[bytes, bytes]:
    """(PNG, SVG): one bar per desa (``rows``: nama_desa and ``column``), highest first."""
    shown = sorted(((r["nama_desa"], float(r[column])) for r in rows if r.get(column) is not None),
                   key=lambda kv: -kv[1])

    def draw() -> tuple[bytes, bytes]:
        label = (lambda v: persen(round(v, 1))) if percent else rupiah_short
        return infographic.comparison(shown, title, label)
    return cached_chart("comparison", [column, title, shown], cache, draw)
