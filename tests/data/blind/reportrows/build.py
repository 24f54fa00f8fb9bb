"""Builds the fixtures of tests/unit/test_blind_reportrows.py (see SOURCES.md). Run from the
repository root: python tests/data/blind/reportrows/build.py"""

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def xlsx(name: str, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(HERE / name)


def rp(n: int) -> str:
    return "Rp. " + f"{n:,}".replace(",", ".") + ",-"


# Perdes APBDes Lampiran I (ringkasan): revenue per jenis, spending per bidang
perdes = [["PERATURAN DESA MERAH"], ["NOMOR 4 TAHUN 2023"], ["TENTANG"],
          ["ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2024"], [],
          ["KODE REKENING", "URAIAN", "ANGGARAN (Rp)", "KETERANGAN"], ["1", "2", "3", "4"],
          ["4", "PENDAPATAN", "", ""],
          ["4.1", "Pendapatan Asli Desa", rp(12_000_000), ""],
          ["4.1.2", "Hasil Aset Desa", rp(12_000_000), ""],
          ["4.2", "Pendapatan Transfer", rp(1_100_000_000), ""],
          ["4.2.1", "Dana Desa", rp(700_000_000), ""],
          ["4.2.3", "Alokasi Dana Desa", rp(400_000_000), ""],
          ["", "JUMLAH PENDAPATAN", rp(1_112_000_000), ""],
          ["5", "BELANJA", "", ""],
          ["1", "Bidang Penyelenggaraan Pemerintahan Desa", rp(500_000_000), ""],
          ["2", "Bidang Pelaksanaan Pembangunan Desa", rp(520_000_000), ""],
          ["4", "Bidang Pemberdayaan Masyarakat Desa", rp(30_000_000), ""],
          ["5", "Bidang Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa", rp(72_000_000), ""],
          ["", "JUMLAH BELANJA", rp(1_122_000_000), ""],
          ["", "SURPLUS / (DEFISIT)", rp(-10_000_000), ""],
          ["6", "PEMBIAYAAN", "", ""],
          ["6.1", "Penerimaan Pembiayaan", rp(25_000_000), ""],
          ["6.1.1", "SILPA Tahun Sebelumnya", rp(25_000_000), ""],
          ["6.2", "Pengeluaran Pembiayaan", rp(15_000_000), ""],
          ["6.2.2", "Penyertaan Modal Desa", rp(15_000_000), ""],
          ["", "PEMBIAYAAN NETTO", rp(10_000_000), ""], [],
          ["", "", "Ditetapkan di Merah"], ["", "", "KEPALA DESA MERAH,"]]
(HERE / "perdes_ringkasan_merah_2024.csv").write_text(
    "\n".join("\t".join(map(str, r)) for r in perdes) + "\n", encoding="utf-8")

# Laporan Realisasi (OpenSID print): kelompok rows carry subtotals, jenis rows are the lines,
# and the total labels stand in the code column
lra = [["LAPORAN REALISASI PELAKSANAAN APBDES\nPEMERINTAH DESA MERAH\nSEMESTER 2\nTAHUN ANGGARAN 2024"],
       ["Kode", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase (%)"],
       ["4. PENDAPATAN"],
       ["4.1.", "Pendapatan Asli Desa", "10.000.000,00", "9.000.000,00", "90,00"],
       ["4.1.2.", "Hasil Aset Desa", "10.000.000,00", "9.000.000,00", "90,00"],
       ["4.2.", "Pendapatan Transfer", "900.000.000,00", "900.000.000,00", "100,00"],
       ["4.2.1.", "Dana Desa", "600.000.000,00", "600.000.000,00", "100,00"],
       ["4.2.3.", "Alokasi Dana Desa", "300.000.000,00", "300.000.000,00", "100,00"],
       ["4.3.", "Pendapatan Lain-lain", "1.000.000,00", "1.200.000,00", "120,00"],
       ["4.3.6.", "Bunga Bank", "1.000.000,00", "1.200.000,00", "120,00"],
       ["JUMLAH PENDAPATAN", None, "911.000.000,00", "910.200.000,00", "99,91"],
       ["5. BELANJA"],
       ["5.1.", "Belanja Pegawai", "300.000.000,00", "300.000.000,00", "100,00"],
       ["5.1.1.", "Penghasilan Tetap dan Tunjangan Kepala Desa", "60.000.000,00", "60.000.000,00", "100,00"],
       ["5.1.2.", "Penghasilan Tetap dan Tunjangan Perangkat Desa", "240.000.000,00", "240.000.000,00", "100,00"],
       ["5.3.", "Belanja Modal", "600.000.000,00", "590.000.000,00", "98,33"],
       ["5.3.5.", "Belanja Modal Jalan/Prasarana Jalan", "600.000.000,00", "590.000.000,00", "98,33"],
       ["JUMLAH BELANJA", None, "900.000.000,00", "890.000.000,00", "98,89"],
       ["SURPLUS / (DEFISIT)", None, "11.000.000,00", "20.200.000,00", None],
       ["6. PEMBIAYAAN"],
       ["6.2.", "Pengeluaran Pembiayaan", "11.000.000,00", "11.000.000,00", None],
       ["6.2.2.", "Penyertaan Modal Desa", "11.000.000,00", "11.000.000,00", None],
       ["PEMBIAYAAN NETTO", None, "-11.000.000,00", "-11.000.000,00", None],
       ["SILPA/SiLPA TAHUN BERJALAN", None, "0,00", "9.200.000,00", None]]
xlsx("lra_kelompok_merah_2024.xlsx", lra)

# Penjabaran (open-data portal table): bidang / sub-bidang / kegiatan rows with subtotals above
# their lines, total labels in the code column, unused template lines without any amount
pj = [["PEMERINTAH DESA MERAH"], ["KECAMATAN TUALAN HULU"], ["PENJABARAN APBDES"],
      ["TAHUN ANGGARAN 2024"], [],
      ["KODE", "URAIAN", "ANGGARAN", "SUMBER DANA"],
      ["4", "PENDAPATAN", None, None],
      ["4.1.1.01.", "Bagi Hasil BUMDes", None, None],
      ["4.2.1.01.", "Dana Desa", "Rp 700.000.000", "DDS"],
      ["4.2.3.01.", "Alokasi Dana Desa", "Rp 300.000.000", "ADD"],
      ["JUMLAH PENDAPATAN", None, "Rp 1.000.000.000", None],
      ["5", "BELANJA", None, None],
      ["01", "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA", "Rp 60.000.000", None],
      ["01.01", "Penyelenggaraan Belanja Siltap", "Rp 60.000.000", None],
      ["01.01.01", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa", "Rp 60.000.000", None],
      ["5.1.1.01. [01.01.01]", "Penghasilan Tetap Kepala Desa", "Rp 50.000.000", "ADD"],
      ["5.1.1.02. [01.01.01]", "Tunjangan Kepala Desa", "Rp 10.000.000", "ADD"],
      ["05", "BIDANG PENANGGULANGAN BENCANA, KEADAAN DARURAT DAN MENDESAK DESA", "Rp 90.000.000", None],
      ["05.03", "Keadaan Mendesak", "Rp 90.000.000", None],
      ["05.03.01", "Penanganan Keadaan Mendesak", "Rp 90.000.000", None],
      ["5.4.1.01. [05.03.01]", "BLT Dana Desa", "Rp 90.000.000", "DDS"],
      ["5.4.1.02. [05.03.01]", "Belanja Tak Terduga Lainnya", None, None],
      ["JUMLAH BELANJA", None, "Rp 150.000.000", None],
      ["SURPLUS / (DEFISIT)", None, "Rp 850.000.000", None]]
xlsx("penjabaran_bidang_merah_2024.xlsx", pj)

# RKP Desa (Siskeudes-style print): bidang and sub-bidang rows with their subtotals
rkp = [["PEMERINTAH DESA MERAH"], ["KECAMATAN TUALAN HULU"],
       ["RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN 2025"], [],
       ["Kode", "Bidang/Sub Bidang/Kegiatan", "Lokasi", "Volume", "Jumlah Biaya (Rp)", "Sumber Dana"],
       ["1", "2", "3", "4", "5", "6"],
       ["02.", "BIDANG PELAKSANAAN PEMBANGUNAN DESA", None, None, "Rp 300.000.000,00", None],
       ["02.03.", "Sub Bidang Pekerjaan Umum dan Penataan Ruang", None, None, "Rp 300.000.000,00", None],
       ["02.03.10.", "Peningkatan Jalan Desa (Rabat Beton)", "Dusun I", "800 m", "Rp 200.000.000,00", "DDS"],
       ["02.03.13.", "Pembangunan Jembatan Desa", "Dusun II", "20 m", "Rp 100.000.000,00", "DDS"],
       ["04.", "BIDANG PEMBERDAYAAN MASYARAKAT", None, None, "Rp 20.000.000,00", None],
       ["04.06.", "Sub Bidang Dukungan Penanaman Modal", None, None, "Rp 20.000.000,00", None],
       ["04.06.02.", "Pelatihan Pengelolaan BUM Desa", "Kantor Desa", "20 orang", "Rp 20.000.000,00", "ADD"],
       [None, "JUMLAH", None, None, "Rp 320.000.000,00", None]]
xlsx("rkp_bidang_merah_2025.xlsx", rkp)
