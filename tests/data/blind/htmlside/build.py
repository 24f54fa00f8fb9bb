"""Write the saved-website-page fixtures (SOURCES.md says what each imitates) and their manifest.

Run from the repository root: ``python tests/data/blind/htmlside/build.py``. Every number, date
and name is invented; the villages are real Kotawaringin Timur desa (reference/kotim_villages.csv).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

HEAD = """<!DOCTYPE html>
<!-- saved from url=(0061)https://{slug}.desa.id/{path} -->
<html lang="id"><head><meta charset="UTF-8"><title>{title} – Desa {desa}</title>
<link rel="stylesheet" href="./{title}_files/style.css"><script>var ajaxurl = "/wp-admin";</script>
</head><body class="post-template-default single">
<header class="site-header"><div class="site-title"><a href="/">Pemerintah Desa {desa}</a></div>
<div class="site-description">Kecamatan {kec}, Kabupaten Kotawaringin Timur</div>
<nav class="main-navigation"><ul><li><a href="/">Beranda</a></li><li><a href="/profil">Profil</a></li>
<li><a href="/transparansi">Transparansi</a></li><li><a href="/kontak">Kontak</a></li></ul></nav></header>
<div class="breaking-news"><span>Info:</span> <marquee>Pelayanan KTP dan KK di kantor desa setiap hari kerja</marquee></div>
<div id="content"><main id="primary"><article>
<h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">{posted}</span> <span class="byline">admin</span></div>
<div class="entry-content">
"""

SIDEBAR = """</div></article></main>
<aside id="secondary" class="widget-area">
<section class="widget"><h2 class="widget-title">Agenda Desa</h2>
<table class="agenda"><thead><tr><th>Tanggal</th><th>Kegiatan</th></tr></thead>
<tbody><tr><td>12 Februari 2025</td><td>Musyawarah Dusun RKP 2026</td></tr>
<tr><td>3 Maret 2025</td><td>Posyandu Lansia</td></tr></tbody></table></section>
<section class="widget"><h2 class="widget-title">Statistik Pengunjung</h2>
<table class="wp-statistics"><tr><td>Hari Ini</td><td>41</td></tr><tr><td>Kemarin</td><td>66</td></tr>
<tr><td>Bulan Ini</td><td>1.208</td></tr><tr><td>Total</td><td>23.517</td></tr></table></section>
<section class="widget"><h2 class="widget-title">Tulisan Terbaru</h2><ul>
<li><a href="#">Penyaluran BLT Dana Desa Tahap IV</a> <span class="post-date">20 Desember 2024</span></li>
<li><a href="#">Gotong royong bersih parit</a> <span class="post-date">7 Desember 2024</span></li></ul></section>
{extra}
</aside></div>
<footer class="site-footer"><table class="footer-info"><tr><td>Alamat</td><td>Jl. Poros Desa No. 1</td></tr>
<tr><td>Jam Pelayanan</td><td>08.00 - 14.00</td></tr></table>
<p>&copy; 2025 Desa {desa} &middot; Tema oleh WordPress</p></footer></body></html>
"""

MEETINGS = [  # (day, date, jenis, tempat, laki, perempuan)
    ("Senin", "15 Januari 2024", "Musyawarah Desa Penetapan APBDes", "Balai Desa", 24, 11),
    ("Kamis", "7 Maret 2024", "Musyawarah Desa Khusus BLT DD", "Balai Desa", 19, 16),
    ("Sabtu", "20 April 2024", "Musyawarah Dusun I", "Rumah Ketua RT 02", 14, 13),
    ("Selasa", "23 Juli 2024", "Musrenbangdes RKP Desa 2025", "Aula Kantor Desa", 30, 12),
    ("Rabu", "13 November 2024", "Musyawarah Desa Perubahan APBDes", "Balai Desa", 21, 8),
]


def musyawarah() -> dict:
    rows = "".join(
        f"<tr><td>{i}</td><td>{day}, {date}</td><td>{jenis}</td><td>{tempat}</td><td>{lk}</td>"
        f"<td>{pr}</td><td><strong>{lk + pr}</strong></td></tr>\n"
        for i, (day, date, jenis, tempat, lk, pr) in enumerate(MEETINGS, 1))
    lk, pr = sum(m[4] for m in MEETINGS), sum(m[5] for m in MEETINGS)
    title = "Rekap Musyawarah Desa Tahun 2024"
    page = HEAD.format(slug="tinduk", path="2025/01/rekap-musyawarah", title=title, desa="Tinduk",
                       kec="Baamang", posted="9 Januari 2025") + f"""
<p>Berikut rekapitulasi musyawarah yang dilaksanakan Pemerintah Desa dan BPD selama tahun 2024.</p>
<figure class="wp-block-table"><table>
<thead><tr><th rowspan="2">No</th><th rowspan="2">Hari/Tanggal</th><th rowspan="2">Jenis Musyawarah</th>
<th rowspan="2">Tempat</th><th colspan="3">Jumlah Peserta Hadir</th></tr>
<tr><th>L</th><th>P</th><th>Jumlah</th></tr></thead>
<tbody>
{rows}</tbody>
<tfoot><tr><th colspan="4">JUMLAH</th><th>{lk}</th><th>{pr}</th><th>{lk + pr}</th></tr></tfoot>
</table><figcaption>Sumber: Sekretariat BPD</figcaption></figure>
<p>Notulen dan daftar hadir dapat dilihat di kantor desa.</p>
""" + SIDEBAR.format(desa="Tinduk", extra="")
    name = f"{title} – Desa Tinduk.htm"
    (HERE / name).write_text(page, encoding="utf-8")
    return {"file": name, "record_type": "musyawarah", "kode_desa": "62.02.05.2006", "tahun": 2024,
            "line_items": len(MEETINGS), "total_hadir": lk + pr, "hadir_laki_laki": lk,
            "hadir_perempuan": pr,
            "imitates": "WordPress desa site post (block table in <figure>), sidebar widgets"}


PENDAPATAN = [("4.1.1.01", "Hasil Usaha BUMDes", 6_500_000), ("4.2.1.01", "Dana Desa", 845_210_000),
              ("4.2.3.01", "Alokasi Dana Desa", 412_700_000)]
BELANJA = [("5.1.1.01", "Penghasilan Tetap Kepala Desa", 36_000_000),
           ("5.1.2.01", "Penghasilan Tetap Perangkat Desa", 198_000_000),
           ("5.2.1.01", "Belanja Perlengkapan Alat Tulis Kantor dan Benda Pos", 14_250_000),
           ("5.3.5.03", "Belanja Modal Bahan Baku", 690_000_000)]


def rp(n: int) -> str:
    return "Rp " + f"{n:,}".replace(",", ".")


def part(lines) -> str:
    body = "".join(f"<tr><td>{i}</td><td>{k}</td><td>{u}</td><td>{rp(a)}</td></tr>\n"
                   for i, (k, u, a) in enumerate(lines, 1))
    return (f"<table class='table table-striped'><thead><tr><th>No</th><th>Kode Rekening</th>"
            f"<th>Uraian</th><th>Anggaran</th></tr></thead><tbody>\n{body}</tbody>"
            f"<tfoot><tr><td colspan='3'>JUMLAH</td><td>{rp(sum(a for *_, a in lines))}</td></tr></tfoot></table>")


def apbdes() -> dict:
    title = "APBDes Tahun Anggaran 2025"
    sidebar = """<section class="widget"><h2 class="widget-title">Transparansi</h2>
<table class="apbdes-widget"><tr><th>Tahun</th><th>Pendapatan</th><th>Belanja</th></tr>
<tr><td>2024</td><td>Rp 1.198.450.000</td><td>Rp 1.187.300.000</td></tr>
<tr><td>2023</td><td>Rp 1.104.125.000</td><td>Rp 1.099.870.000</td></tr></table></section>"""
    page = HEAD.format(slug="karangtunggal", path="2025/01/apbdes-2025", title=title,
                       desa="Karang Tunggal", kec="Parenggean", posted="6 Januari 2025") + f"""
<p>Rincian APBDes Desa Karang Tunggal Tahun Anggaran 2025:</p>
<h3>A. Pendapatan</h3>
{part(PENDAPATAN)}
<h3>B. Belanja</h3>
{part(BELANJA)}
<p>Masyarakat dapat menyampaikan masukan melalui kantor desa.</p>
""" + SIDEBAR.format(desa="Karang Tunggal", extra=sidebar)
    name = f"{title} – Desa Karang Tunggal.html"
    (HERE / name).write_text(page, encoding="utf-8")
    return {"file": name, "record_type": "apbdes", "kode_desa": "62.02.04.2011", "tahun": 2025,
            "line_items": len(PENDAPATAN) + len(BELANJA),
            "anggaran": {"pendapatan": sum(a for *_, a in PENDAPATAN),
                         "belanja": sum(a for *_, a in BELANJA)},
            "imitates": "WordPress desa site post: pendapatan and belanja as two tables, sidebar widget of past years"}


if __name__ == "__main__":
    manifest = [musyawarah(), apbdes()]
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
