"""Write the HTML-table fixtures (SOURCES.md says what each imitates) and their manifest.

Run from the repository root: ``python tests/data/blind/html/build.py``. Every amount and name is
invented; the villages are real Kotawaringin Timur desa (reference/kotim_villages.csv).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def en(n: int) -> str:
    """PHP number_format(n): '1,250,000'."""
    return f"{n:,}"


def rupiah2(n: int) -> str:
    """OpenSID's Rupiah2(n): '134.800.000,00'."""
    return f"{n:,}".replace(",", ".") + ",00"


# ------------------------------------------------------------------ A: OpenSID keuangan LRA
REALISASI = {  # jenis: (name, anggaran, realisasi), under kelompok, under akun
    "4.": ("PENDAPATAN", {
        "4.1.": ("Pendapatan Asli Desa", {"4.1.1.": ("Hasil Usaha Desa", 25_000_000, 23_500_000),
                                          "4.1.4.": ("Lain-Lain Pendapatan Asli Desa", 5_000_000, 5_250_000)}),
        "4.2.": ("Pendapatan Transfer", {"4.2.1.": ("Dana Desa", 812_345_000, 812_345_000),
                                         "4.2.2.": ("Bagi Hasil Pajak dan Retribusi", 31_200_000, 29_870_500),
                                         "4.2.3.": ("Alokasi Dana Desa", 402_000_000, 402_000_000),
                                         "4.2.4.": ("Bantuan Keuangan Provinsi", 50_000_000, 50_000_000)}),
        "4.3.": ("Pendapatan Lain-lain", {"4.3.6.": ("Bunga Bank", 1_800_000, 2_134_567)}),
    }),
    "5.": ("BELANJA", {
        "5.1.": ("Belanja Pegawai", {"5.1.1.": ("Penghasilan Tetap dan Tunjangan Kepala Desa", 42_000_000, 42_000_000),
                                     "5.1.2.": ("Penghasilan Tetap dan Tunjangan Perangkat Desa", 210_600_000, 208_950_000),
                                     "5.1.4.": ("Tunjangan BPD", 36_000_000, 36_000_000)}),
        "5.2.": ("Belanja Barang dan Jasa", {"5.2.1.": ("Belanja Barang Perlengkapan", 48_750_000, 47_125_000),
                                             "5.2.2.": ("Belanja Jasa Honorarium", 65_300_000, 63_900_000),
                                             "5.2.7.": ("Belanja Barang dan Jasa yang Diserahkan kepada Masyarakat", 120_000_000, 118_400_000)}),
        "5.3.": ("Belanja Modal", {"5.3.4.": ("Belanja Modal Gedung, Bangunan dan Taman", 185_000_000, 182_760_000),
                                   "5.3.5.": ("Belanja Modal Jalan/Prasarana Jalan", 496_000_000, 489_335_000)}),
        "5.4.": ("Belanja Tidak Terduga", {"5.4.1.": ("Belanja Tidak Terduga", 20_000_000, 0)}),
    }),
}
PEMBIAYAAN = {"6.1.": ("Penerimaan Pembiayaan", {"6.1.1.": ("SILPA Tahun Sebelumnya", 45_305_000, 45_305_000)}),
              "6.2.": ("Pengeluaran Pembiayaan", {"6.2.2.": ("Penyertaan Modal Desa", 30_000_000, 30_000_000)})}


def _sum(groups: dict, at: int) -> int:
    return sum(j[at] for _, jenis in groups.values() for j in jenis.values())


def _amounts(a: int, r: int, percent: bool = True) -> str:
    pct = f"{r / a * 100:,.2f}" if percent and a else ("0" if percent else "")
    return "".join(f"\n\t\t\t<td align='right'>{v}</td>" for v in (en(a), en(r), en(a - r), pct))


def file_a() -> dict:
    rows = []
    for akun, (akun_name, groups) in REALISASI.items():
        rows.append(f"\t\t<tr class='bold'>\n\t\t<td colspan='4'>{akun} {akun_name}</td>"
                    + "\n\t\t<td align='right'></td>" * 4 + "\n\t\t</tr>")
        for kel, (kel_name, jenis) in groups.items():
            a, r = sum(j[1] for j in jenis.values()), sum(j[2] for j in jenis.values())
            wrap = akun == "5."  # the belanja loop opens a stray <tr> before each kelompok row
            rows.append(("\t\t\t<tr>\n" if wrap else "") + f"\t\t\t<tr class='bold'>\n\t\t\t<td>{kel}</td>\n"
                        f"\t\t\t<td colspan='3'>{kel_name}</td>{_amounts(a, r)}\n\t\t\t</tr>"
                        + ("\n\t\t\t</tr>" if wrap else ""))
            for code, (name, ja, jr) in jenis.items():
                rows.append(f"\t\t\t\t<tr>\n\t\t\t\t<td></td>\n\t\t\t\t<td colspan='2'>{code}</td>\n"
                            f"\t\t\t\t<td>{name}</td>{_amounts(ja, jr)}\n\t\t\t\t</tr>")
        total = "PENDAPATAN" if akun == "4." else "BELANJA"
        rows.append(f"\t\t<tr class='bold highlighted'>\n\t\t<td colspan='4' align='center'>JUMLAH {total}</td>"
                    f"{_amounts(_sum(groups, 1), _sum(groups, 2))}\n\t\t</tr>")
    pa, pr = _sum(REALISASI["4."][1], 1), _sum(REALISASI["4."][1], 2)
    ba, br = _sum(REALISASI["5."][1], 1), _sum(REALISASI["5."][1], 2)
    rows.append("\t<tr>\n\t<tr class='bold highlighted'>\n\t\t<td colspan='4' align='center'>SURPLUS / (DEFISIT)</td>"
                f"{_amounts(pa - ba, pr - br)}\n\t</tr>\n\t</tr>")
    rows.append("\t<tr>\n\t  <tr class='bold'>\n\t    <td colspan='4'>6. PEMBIAYAAN</td>"
                + "\n\t\t\t<td align='right'></td>" * 4 + "\n\t\t\t</tr>")
    for kel, (kel_name, jenis) in PEMBIAYAAN.items():
        a, r = sum(j[1] for j in jenis.values()), sum(j[2] for j in jenis.values())
        rows.append(f"\t      <tr class='bold'>\n\t        <td>{kel}</td>\n\t        <td colspan='3'>{kel_name}</td>"
                    f"{_amounts(a, r, percent=False)}\n\t      </tr>")
        for code, (name, ja, jr) in jenis.items():
            rows.append(f"\t\t        <tr>\n\t\t          <td></td>\n\t\t          <td colspan='2'>{code}</td>\n"
                        f"\t\t          <td>{name}</td>{_amounts(ja, jr, percent=False)}\n\t\t        </tr>")
    na = nr = 45_305_000 - 30_000_000  # penerimaan less pengeluaran, all realised
    rows.append(f"\t\t<tr class='bold highlighted'>\n\t\t <td colspan='4' align='center'>PEMBIAYAAN NETTO</td>"
                f"{_amounts(na, nr, percent=False)}\n\t\t </tr>\n\t\t</tr>")
    rows.append(f"\t\t<tr>\n\t\t<tr class='bold highlighted'>\n\t\t\t<td colspan='4' align='center'>SILPA/SiLPA TAHUN BERJALAN</td>"
                f"{_amounts(pa - ba + na, pr - br + nr, percent=False)}\n\t\t</tr>\n\t\t</tr>")
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Laporan Keuangan</title>
<style>
\ttable.blueTable {{ border: 1px solid #1C6EA4; width: 100%; border-collapse: collapse; }}
\ttable.blueTable td, table.blueTable th {{ border: 1px solid #AAAAAA; padding: 3px 2px; }}
\t.bold{{ font-weight: bold; }}
\t.highlighted{{ background-color: #FFFF00 }}
</style>
</head>
<body>
\t<div id="content" class="container_12 clearfix">
\t\t<div id="content-main" class="grid_7">
\t\t<table width="100%" style="border: solid 0px black; text-align: center;">
\t\t\t<tr>
\t\t\t\t</td>
\t\t\t\t<td>
\t\t\t\t\t<h4>LAPORAN REALISASI PELAKSANAAN</h4>
\t\t\t\t\t<h4>ANGGARAN PENDAPATAN DAN BELANJA DESA</h4>
\t\t\t\t\t<h4>PEMERINTAH DESA TINDUK</h4>
\t\t\t\t\t<h4>SEMESTER 2</h4>
\t\t\t\t\t<h4>TAHUN ANGGARAN 2024</h4>
\t\t\t\t</td>
\t\t\t</tr>
\t\t</table>

<table class='blueTable' width='100%'>
\t<thead>
\t\t<tr>
\t\t\t<th colspan='4'>Uraian</th>
\t\t\t<th>Anggaran      (Rp)</th>
\t\t\t<th>Realisasi     (Rp)</th>
\t\t\t<th>Lebih/(Kurang)(Rp)</th>
\t\t\t<th>Persentase    (%)</th>
\t\t</tr>
\t</thead>

{chr(10).join(rows)}

</table>

</div>
</div>
</body>
"""
    name = "Laporan_Realisasi_APBDes_Semester_2_2024.xls"
    (HERE / name).write_text(page, encoding="utf-8")
    return {"file": name, "record_type": "apbdes", "kode_desa": "62.02.05.2006", "tahun": 2024,
            "line_items": 18,
            "anggaran": {"pendapatan": pa, "belanja": ba, "pembiayaan_penerimaan": 45_305_000,
                         "pembiayaan_pengeluaran": 30_000_000},
            "realisasi": {"pendapatan": pr, "belanja": br, "pembiayaan_penerimaan": 45_305_000,
                          "pembiayaan_pengeluaran": 30_000_000},
            "imitates": "OpenSID donjo-app/views/keuangan/cetak_tabel_laporan_rp_apbd.php"}


# ------------------------------------------------------- B: OpenSID bumindes Buku Kegiatan
KEGIATAN = [  # judul, volume, provinsi, pemerintah, kab/kota, swadaya, waktu, baru, pelaksana, ket
    ("Pembangunan Jalan Rabat Beton RT 03", "450 m", 0, 285_600_000, 0, 4_500_000, "90 Hari", True, "TPK Desa Tanah Putih", "DD"),
    ("Rehabilitasi Gedung Posyandu Melati", "1 Unit", 0, 64_250_000, 0, 0, "45 Hari", False, "TPK Desa Tanah Putih", "DD"),
    ("Pembangunan Sumur Bor Air Bersih", "3 Titik", 48_000_000, 0, 0, 0, "30 Hari", True, "TPK Desa Tanah Putih", "Bankeu Provinsi"),
    ("Pembangunan Drainase Lingkungan RT 01", "220 m", 0, 0, 72_800_000, 2_000_000, "60 Hari", True, "TPK Desa Tanah Putih", "ADD"),
    ("Lanjutan Pembangunan Balai Desa Tahap II", "1 Paket", 0, 156_900_000, 0, 0, "120 Hari", False, "TPK Desa Tanah Putih", "DD"),
]


def file_b() -> dict:
    body = []
    for key, (judul, vol, prov, pem, kab, swa, waktu, baru, pelaksana, ket) in enumerate(KEGIATAN):
        cells = [("center", key + 1), (None, judul), ("center", vol), ("right", rupiah2(prov)),
                 ("right", rupiah2(pem)), ("right", rupiah2(kab)), ("right", rupiah2(swa)),
                 ("right", rupiah2(prov + pem + kab + swa)), (None, waktu),
                 (None, "&#10004" if baru else "-"), (None, "-" if baru else "&#10004"),
                 (None, pelaksana), (None, ket)]
        tds = "".join("                                <td" + (f' align="{a}"' if a else "") + f">{v}</td>\n"
                      for a, v in cells)
        body.append("                            <tr>\n" + tds + "                            </tr>")
    numbers = "".join(f"                            <th>{i}</th>\n" for i in range(1, 14))
    page = f"""
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">

<head>
    <title>Buku Kegiatan Pembangunan</title>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
    <link href="https://desa.example/assets/css/report.css" rel="stylesheet">
</head>

<body>
    <div id="container">
        <div id="body">
<table>
    <tbody>
        <tr>
            <td>
                <h1 class="judul">
                    PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR <br>KECAMATAN TELAWANG <br>DESA TANAH PUTIH
                </h1>
            </td>
        </tr>
        <tr>
            <td>
                <hr class="garis">
            </td>
        </tr>
        <tr>
            <td class="text-center">
                <h4>BUKU KEGIATAN PEMBANGUNAN</h4>
            </td>
        </tr>
            <tr>
                <td class="text-center">
                    <h4>TAHUN 2024</h4>
                </td>
            </tr>
        <tr>
            <td>&nbsp;</td>
        </tr>
        <tr>
            <td>
                <table class="border thick">
                    <thead>
                        <tr class="border thick">
                            <th rowspan="2">NOMOR URUT</th>
                            <th rowspan="2">NAMA PROYEK / KEGIATAN</th>
                            <th rowspan="2">VOLUME</th>
                            <th colspan="4">SUMBER BIAYA</th>
                            <th rowspan="2">JUMLAH</th>
                            <th rowspan="2">WAKTU</th>
                            <th colspan="2">SIFAT PROYEK</th>
                            <th rowspan="2">PELAKSANA</th>
                            <th rowspan="2">KET</th>
                        </tr>
                        <tr class="border thick">
                            <th>PROVINSI</th>
                            <th>PEMERINTAH</th>
                            <th>KAB/KOTA</th>
                            <th>SWADAYA</th>
                            <th>BARU</th>
                            <th>LANJUTAN</th>
                        </tr>
                        <tr class="border thick">
{numbers}                        </tr>
                    </thead>
                    <tbody>
{chr(10).join(body)}
                    </tbody>
                </table>
            </td>
        </tr>
    </tbody>
</table>
        </div>
            <br />
            <table width="10%" style="text-align: center; ">
                <tr>
                    <td colspan="1" width=5%>&nbsp;</td>
                    <td colspan="1" width=10%>&nbsp;</td>
                    <td width=40% nowrap>
                        TANAH PUTIH, 30 DESEMBER 2024
                        <br>KEPALA DESA TANAH PUTIH
                        <br><br><br><br>
                        <br><u>SUPRIADI RAHMAN</u>
                        <br>NIPD/NIP : -
                    </td>
                    <td width=5%>&nbsp;</td>
                </tr>
            </table>
    </div>
</body>

</html>
"""
    name = "buku_kegiatan_pembangunan_30_12_2024.xls"
    (HERE / name).write_text(page, encoding="utf-8")
    total = sum(k[2] + k[3] + k[4] + k[5] for k in KEGIATAN)
    return {"file": name, "record_type": "kegiatan", "kode_desa": "62.02.14.2002", "tahun": 2024,
            "line_items": len(KEGIATAN), "total_anggaran": total,
            "imitates": "OpenSID resources/views/admin/bumindes/pembangunan/kegiatan/cetak.blade.php "
                        "in resources/views/admin/layouts/components/format_cetak.blade.php"}


# ------------------------------------- C: a PHP app's "Export Excel" with Excel's conventions
PENJABARAN = [  # kode rekening, uraian, anggaran, sumber dana
    ("4.2.1.01", "Dana Desa", 798_450_000, "DDS"),
    ("4.2.3.01", "Alokasi Dana Desa", 415_200_000, "ADD"),
    ("4.1.1.01", "Hasil BUM Desa \u201cTangar Jaya\u201d", 12_000_000, "PAD"),
    ("5.1.1.01", "Penghasilan Tetap Kepala Desa", 42_000_000, "ADD"),
    ("5.2.2.01", "Honorarium Kader Posyandu & PAUD", 28_800_000, "DDS"),
    ("5.3.5.01", "Belanja Modal Jalan \u2013 Rabat Beton RT 02 (450 m)", 612_450_000, "DDS"),
    ("5.2.7.01", "Bantuan Langsung Tunai \u2013 Dana Desa", 86_400_000, "DDS"),
    ("6.1.1.01", "SILPA Tahun Sebelumnya", 21_500_000, "SILPA"),
    ("6.2.2.01", "Penyertaan Modal BUM Desa", 15_000_000, "DDS"),
]


def file_c() -> dict:
    rows = "".join(
        "<tr style='vertical-align:top;'>"
        f"<td class=teks>62.02.03.2001</td><td x:num>2025</td><td class=teks>{kode}</td>"
        f"<td>{uraian.replace('&', '&amp;')}</td><td class=angka x:num=\"{anggaran}\">{en(anggaran)}</td>"
        f"<td>{sumber}</td></tr>\n" for kode, uraian, anggaran, sumber in PENJABARAN)
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Windows-1252\">
<head><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>APBDes</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>
.teks {{ mso-number-format:"\\@"; }}
.angka {{ mso-number-format:"\\#\\,\\#\\#0"; }}
br {{ mso-data-placement:same-cell; }}
</style>
</head>
<body>
<div style='font-weight:bolder; font-size:20px;'>PENJABARAN APBDES TAHUN ANGGARAN 2025</div>
<div>DESA TANGAR KECAMATAN MENTAYA HULU</div><br>

<table border=1>
<tr style='background:#999; color:#FFF; font-weight:bolder; text-align:center; vertical-align:middle;'>
\t<td>KODE DESA</td>
\t<td>TAHUN ANGGARAN</td>
\t<td>KODE REKENING</td>
\t<td>URAIAN</td>
\t<td>ANGGARAN (Rp)</td>
\t<td>SUMBER DANA</td>
</tr>
{rows}</table>
</body>
</html>
"""
    name = "data_apbdes_20250114093012.xls"
    (HERE / name).write_bytes(page.encode("cp1252"))
    sections = {"pendapatan": "4", "belanja": "5", "pembiayaan_penerimaan": "6.1",
                "pembiayaan_pengeluaran": "6.2"}
    return {"file": name, "record_type": "apbdes", "kode_desa": "62.02.03.2001", "tahun": 2025,
            "line_items": len(PENJABARAN),
            "anggaran": {key: sum(a for k, _, a, _ in PENJABARAN if k.startswith(prefix))
                         for key, prefix in sections.items()},
            "imitates": "a PHP app's Export Excel (tapdevops/custodian-web download/*.tpl) with "
                        "Excel's HTML conventions (tableToExcel template, mso-number-format, x:num)"}


if __name__ == "__main__":
    manifest = [file_a(), file_b(), file_c()]
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
