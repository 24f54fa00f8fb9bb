"""Builds the fixtures of tests/unit/test_blind_yearpct.py (run: python tests/data/blind/yearpct/build.py).

Shapes from the s33 (trial 7) blind files; activities, amounts and dates are invented."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def _book(name: str, title: str, rows: list[list]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(HERE / name)


RKP_HEADING = ["No", "Kode", "Jenis Kegiatan", "Lokasi", "Volume", "Satuan", "Sasaran/Manfaat", "Waktu",
               "Prakiraan Biaya (Rp)", "Sumber Dana", "Pola Pelaksanaan"]
RKP_LINES = [
    [1, "2.3.10", "Rabat beton jalan gang Sepakat", "RT 02", 150, "M", "Masyarakat", "Juni - Juli",
     162500000, "DD", "Swakelola"],
    [2, "2.2.09", "Posyandu Melati: PMT balita", "Posyandu", 12, "Bulan", "Balita", "Januari - Desember",
     21000000, "DD", "Swakelola"],
    [3, "4.2.06", "Pelatihan kelompok tani", "Balai Desa", 1, "Paket", "Kelompok tani", "Maret",
     9750000, "ADD", "Swakelola"],
]

# an RKP Desa 2025 adopted in 2024: the Perdes number's year and its date are 2024
_book("RKP Desa 2025 Desa Pelangsian.xlsx", "RKP 2025", [
    ["RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN 2025"],
    ["DESA PELANGSIAN KECAMATAN MENTAWA BARU KETAPANG"],
    ["Ditetapkan dengan Peraturan Desa Nomor 6 Tahun 2024 tanggal 20 September 2024"],
    [],
    RKP_HEADING, *RKP_LINES,
])

# a kegiatan list whose only year is that of the Perkades that adopted it
_book("Daftar Kegiatan Desa Pelangsian.xlsx", "Kegiatan", [
    ["DAFTAR KEGIATAN PEMBANGUNAN"],
    ["DESA PELANGSIAN KECAMATAN MENTAWA BARU KETAPANG"],
    ["Lampiran Peraturan Kepala Desa Nomor 3 Tahun 2025"],
    [],
    RKP_HEADING, *RKP_LINES,
])

# a desa website's APBDes: "Peraturan Desa … Nomor 5 Tahun 2024 tentang APBDes Tahun Anggaran 2025
# yang ditetapkan pada tanggal 27 Desember 2024"
_book("Penjabaran APBDes Desa Tinduk.xlsx", "APBDes", [
    ["PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA"],
    ["PEMERINTAH DESA TINDUK KECAMATAN BAAMANG"],
    ["Berdasarkan Peraturan Desa Tinduk Nomor 5 Tahun 2024 tentang Anggaran Pendapatan dan Belanja "
     "Desa Tahun Anggaran 2025 yang ditetapkan pada tanggal 27 Desember 2024"],
    [],
    ["Kode Rekening", "Uraian", "Anggaran (Rp)"],
    ["4.2.1", "Dana Desa", 845000000],
    ["4.2.3", "Alokasi Dana Desa", 412500000],
    ["5.1.1", "Penghasilan Tetap Kepala Desa", 36000000],
    ["5.2.1", "Belanja Barang dan Jasa", 118750000],
])
