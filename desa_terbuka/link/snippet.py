"""What a village website pastes: an HTML snippet (inline styles only: no JavaScript, no CDN,
no <style> block that a CMS would strip, so it survives OpenSID's and WordPress's editors), the
same links as Markdown, and the DPMD dataset that publishes every village's feed and snippet.

The snippet shows the latest APBDes summary, the latest infographic and the permanent links;
pasted once, its links keep working. The published copy (a resource updated in place) can be
embedded with an <iframe> to stay current without re-pasting.
"""

from __future__ import annotations

import json
from html import escape

from desa_terbuka.core.reference import villages
from desa_terbuka.core.rupiah import persen, rupiah, rupiah_short
from desa_terbuka.link.feed import FEED_KEY, SNIPPET_KEY, VillageLinks, links_pointers_of
from desa_terbuka.publish.config import site_config
from desa_terbuka.publish.plan import DatasetPlan, DocumentPlan
from desa_terbuka.publish.pointers import Pointer

LABELS = {"apbdes": "APBDes", "kegiatan": "Kegiatan desa", "musyawarah": "Musyawarah desa"}
BOX = ("font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#222;"
       "border:1px solid #c8d6c8;border-radius:6px;padding:12px 14px;max-width:720px;"
       "background:#ffffff;box-sizing:border-box")
CELL = "padding:4px 8px;border-bottom:1px solid #e3e3e3;text-align:left"
NUM = CELL.replace("text-align:left", "text-align:right;white-space:nowrap")
LINK = "color:#1b5e20;text-decoration:underline"


def _a(url: str, text: str) -> str:
    return f'<a href="{escape(url)}" style="{LINK}">{escape(text)}</a>'


def _summary_table(links: VillageLinks) -> str:
    s = links.apbdes
    if s is None:
        return ""
    rows = []
    for part, label in (("pendapatan", "Pendapatan"), ("belanja", "Belanja")):
        planned, done = s.amount(part), s.amount(part, "realisasi")
        share = persen(round(100 * done / planned, 1)) if done is not None and planned else "belum ada"
        rows.append(f'<tr><th scope="row" style="{CELL}">{label}</th>'
                    f'<td style="{NUM}">{escape(rupiah(planned or 0))}</td>'
                    f'<td style="{NUM}">{escape(rupiah(done)) if done is not None else "–"}</td>'
                    f'<td style="{NUM}">{escape(share)}</td></tr>')
    head = "".join(f'<th scope="col" style="{NUM if i else CELL}">{h}</th>'
                   for i, h in enumerate(("", "Anggaran", "Realisasi", "%")))
    biggest = next(iter(s.belanja.items()), None)
    note = (f'<p style="margin:6px 0 0 0;font-size:13px">Belanja terbesar: bidang '
            f'{escape(biggest[0])} ({escape(rupiah_short(biggest[1]))}).</p>') if biggest else ""
    return (f'<p style="margin:0 0 6px 0"><strong>APBDes {s.tahun}</strong> '
            f'(tahap: {escape(s.tahap.replace("_", " "))})</p>'
            f'<table style="border-collapse:collapse;width:100%;font-size:14px">'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{note}')


def snippet_html(links: VillageLinks) -> str:
    """The embeddable snippet: one <div>, inline styles, plain links, the chart as an <img>."""
    v = links.village
    title = f"Data terbuka {v.jenis_label} {v.nama_desa}"
    chart = (f'<p style="margin:10px 0"><a href="{escape(links.chart_png)}">'
             f'<img src="{escape(links.chart_png)}" alt="Infografis APBDes {escape(v.nama_desa)}: '
             f'pendapatan menurut sumber, belanja menurut bidang, realisasi" width="680" '
             f'style="max-width:100%;height:auto;border:0"></a></p>') if links.chart_png else ""
    items = []
    for d in links.datasets:
        parts = [_a(d.page, f"{LABELS.get(d.record_type, d.record_type)} ({', '.join(map(str, d.years))})")]
        if d.latest_csv:
            parts.append(_a(d.latest_csv, "unduh CSV terbaru"))
        items.append(f'<li style="margin:2px 0">{" · ".join(parts)}</li>')
    return (f'<div class="desa-terbuka-cuplikan" style="{BOX}">'
            f'<p style="margin:0 0 8px 0;font-size:16px"><strong>{escape(title)}</strong><br>'
            f'<span style="font-size:12px;color:#555">Kecamatan {escape(v.nama_kecamatan)}, '
            f'{escape(v.nama_kabupaten)}</span></p>'
            f'{_summary_table(links)}{chart}'
            f'<ul style="margin:6px 0 8px 18px;padding:0">{"".join(items)}</ul>'
            f'<p style="margin:0;font-size:12px;color:#555">Sumber: '
            f'{_a(links.organization, escape(site_config().site.title))} · lisensi '
            f'{escape(site_config().license)}</p></div>')


def links_markdown(links: VillageLinks) -> str:
    v = links.village
    lines = [f"# Tautan data {v.jenis_label} {v.nama_desa} (Kecamatan {v.nama_kecamatan})", "",
             f"- Organisasi: {links.organization}"]
    for d in links.datasets:
        lines.append(f"- {LABELS.get(d.record_type, d.record_type)} ({', '.join(map(str, d.years))}): {d.page}")
        if d.latest_csv:
            lines.append(f"  - CSV terbaru (tautan tetap): {d.latest_csv}")
        if d.datapackage:
            lines.append(f"  - datapackage.json: {d.datapackage}")
    if links.chart_png:
        lines.append(f"- Infografis APBDes terbaru (tautan tetap): {links.chart_png}")
    if links.published.get("feed"):
        lines.append(f"- Umpan JSON: {links.published['feed']}")
    if links.published.get("snippet"):
        lines += ["", "Cuplikan yang selalu terbaru (tempel di halaman situs desa):", "",
                  f'<iframe src="{links.published["snippet"]}" width="740" height="900" '
                  'style="border:0;max-width:100%" title="Data terbuka desa"></iframe>']
    lines += ["", "Cuplikan HTML statis: `desa links KODE_DESA --format html`."]
    return "\n".join(lines)


def published_documents(links: VillageLinks) -> list[DocumentPlan]:
    """The village's feed and a full HTML page of its snippet, for the links dataset."""
    v = links.village
    feed = json.dumps(links.feed(), ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    page = (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Data terbuka '
            f'{escape(v.nama_desa)}</title><meta name="viewport" content="width=device-width">'
            f'</head><body style="margin:8px">{snippet_html(links)}</body></html>')
    return [
        DocumentPlan(FEED_KEY.format(kode=v.kode), f"Umpan JSON {v.jenis_label} {v.nama_desa}",
                     f"Tautan tetap dan ringkasan data {v.jenis_label} {v.nama_desa} (JSON).",
                     f"desa-{v.kode}.json", feed, "JSON", "application/json"),
        DocumentPlan(SNIPPET_KEY.format(kode=v.kode), f"Cuplikan HTML {v.jenis_label} {v.nama_desa}",
                     f"Cuplikan siap tempel {v.jenis_label} {v.nama_desa}: ringkasan APBDes, "
                     "infografis dan tautan (HTML tanpa JavaScript).",
                     f"cuplikan-{v.kode}.html", page.encode("utf-8"), "HTML", "text/html"),
    ]


def links_plan(documents: list[DocumentPlan]) -> DatasetPlan:
    """The DPMD dataset "Tautan dan Cuplikan untuk Situs Desa" holding every village's files."""
    from desa_terbuka.publish.district import district_config, dpmd_plan

    config = district_config().links
    fill = {"nama_kabupaten": next(iter(villages().values())).nama_kabupaten}
    return dpmd_plan(config.name, config.title, config.notes.strip(), config, "tautan", [],
                     sorted(documents, key=lambda d: d.key), [], [], fill)


def links_pointers(plan: DatasetPlan) -> list[Pointer]:
    """Every feed's and snippet's permanent pointer in the links dataset."""
    return links_pointers_of([d.key for d in plan.documents])
