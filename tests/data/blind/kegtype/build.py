"""Builds the kegtype fixtures (invented names and numbers; shapes in SOURCES.md)."""

from pathlib import Path

HERE = Path(__file__).parent
NBSP = "\u00a0"

# A kegiatan realisation report saved by Excel as CSV on Indonesian Windows: cp1252, ';', the code
# column headed "Kode Rekening" over Permendagri kegiatan codes, quoted and NBSP thousands.
REALISASI = [
    "PEMERINTAH DESA SATIRUK;;;;;;;",
    "LAPORAN REALISASI KEGIATAN TAHUN ANGGARAN 2024;;;;;;;",
    ";;;;;;;",
    "No;Kode Rekening;Nama Kegiatan;Pagu (Rp);Realisasi (Rp);Sisa (Rp);%;Keterangan",
    '1;01.01.02.;Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa;"96.000.000";"96.000.000";-;100,00;Selesai',
    f"2;01.02.01.;Penyediaan Sarana (Aset Tetap) Perkantoran/Pemerintahan;25{NBSP}500{NBSP}000;24{NBSP}900{NBSP}000;\"600.000\";97,65;Sisa ke kas desa",
    '3;02.02.01.;Penyelenggaraan Pos Kesehatan Desa/Polindes Milik Desa;"14.250.000";"14.250.000";-;100,00;Selesai',
    '4;03.02.03.;Penyelenggaraan Festival Kesenian dan Keagamaan;"8.000.000";"7.750.000";"250.000";96,88;Sisa ke kas desa',
    ';;JUMLAH;"143.750.000";"142.900.000";"850.000";99,41;',
    ";;;;Satiruk, 31 Desember 2024;;;",
    ";;;;Kepala Desa Satiruk;;;",
]


# A kegiatan sheet of the Permendagri 114/2014 RKP Desa form with its standard columns (Bidang,
# Waktu Pelaksanaan, Sasaran/Manfaat, Pola Pelaksanaan), the budget in one column per sumber dana
# headed by the source's code (DD | ADD | PAD | BHP) and the units written with what they count.
RKP_HEAD = ["No", "Bidang", "Kode", "Jenis Kegiatan", "Lokasi", "Volume", "Satuan", "Sasaran/Manfaat",
            "Waktu Pelaksanaan", "DD", "ADD", "PAD", "BHP", "Jumlah", "Pola Pelaksanaan"]
RKP_ROWS = [
    [1, "Pemerintahan", "1.1.02", "Penyediaan Penghasilan Tetap Perangkat Desa", "Kantor Desa", 12, "bulan",
     "Perangkat desa", "Jan-Des", None, 150000000, None, 6000000, 156000000, "Swakelola"],
    [2, "Pembangunan", "2.3.10", "Pengerasan Jalan Desa RT 03", "RT 03", 200, "m", "Warga RT 03",
     "Juni-Agustus", 185000000, None, None, None, 185000000, "Swakelola"],
    [3, "Pembangunan", "2.4.11", "Pembangunan Sumur Bor Air Bersih", "Dusun II", 2, "unit sumur bor",
     "45 KK", "Juli", 64000000, None, 4000000, None, 68000000, "Swakelola"],
    [4, "Pemberdayaan", "4.6.90", "Penyertaan Modal BUMDes", "Desa", 1, "paket", "BUMDes",
     "Maret", None, None, 20000000, None, 20000000, "Kerja sama"],
]


def build_rkp(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "RKP Desa"
    ws.append(["RENCANA KERJA PEMERINTAH DESA (RKP DESA) DESA TANGAR TAHUN 2025"])
    ws.append(["Kecamatan Mentaya Hulu"])
    ws.append(RKP_HEAD)
    for row in RKP_ROWS:
        ws.append(row)
    wb.save(path)


def main() -> None:
    (HERE / "realisasi_kegiatan_kode_rekening_satiruk_2024.csv").write_bytes(
        ("\r\n".join(REALISASI) + "\r\n").encode("cp1252"))
    build_rkp(HERE / "rkp_desa_sumber_dana_tangar_2025.xlsx")


if __name__ == "__main__":
    main()
