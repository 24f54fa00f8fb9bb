"""Builds penjabaran_split_luwuk_kowan_2025.xlsx: a Penjabaran APBDes (Permendagri 20/2018
Lampiran Perkades form) with the code over 4 columns (see SOURCES.md). Numbers invented."""

from pathlib import Path

from openpyxl import Workbook


def rp(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def build(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "PENJABARAN"
    for text in ["LAMPIRAN :", "PERATURAN KEPALA DESA LUWUK KOWAN", "NOMOR     : 03  TAHUN   2024",
                 "TENTANG", "PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA TA.2025", None,
                 "PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA PEMERINTAH DESA LUWUK KOWAN",
                 "TAHUN ANGGARAN 2025", None]:
        ws.append([text])
    ws.append(["KODE  REKENING", None, None, None, "URAIAN", "KELUARAN/ OUTPUT", None, "ANGGARAN",
               "SUMBER DANA"])
    ws.append([None, None, None, None, None, "VOLUME", "SATUAN", None, None])
    ws.merge_cells("A10:D11"), ws.merge_cells("E10:E11"), ws.merge_cells("F10:G10")
    ws.merge_cells("H10:H11"), ws.merge_cells("I10:I11")
    ws.append([1, None, None, None, 2, 3, 4, 5, 6])
    ws.append(["a", "b", "c", "d"])
    ws.merge_cells("A12:D12")
    rows = [
        ("4", None, None, None, "PENDAPATAN"),
        ("4", "1", None, None, "Pendapatan Asli Desa"),
        ("4", "1", "2", None, "Hasil Aset Desa"),
        ("4", "1", "2", "01", "Pengelolaan Tanah Kas Desa", 1, "Thn", 8_400_000, "PAD"),
        ("4", "1", "2", "02", "Tambatan Perahu"),  # template line, no amount
        ("4", "1", "2", "90-99", "Lain-lain (Sewa Gedung Serbaguna)", 1, "Thn", 1_200_000, "PAD"),
        ("4", "2", None, None, "Pendapatan Transfer"),
        ("4", "2", "1", None, "Dana Desa"),
        ("4", "2", "1", "01", "Dana Desa", 1, "Thn", 700_000_000, "DD-APBN"),
        ("4", "2", "3", None, "Alokasi Dana Desa"),
        ("4", "2", "3", "01", "Alokasi Dana Desa", 1, "Thn", 400_000_000, "ADD"),
        (None, None, None, None, "JUMLAH PENDAPATAN", None, None, 1_109_600_000),
        ("5", None, None, None, "BELANJA"),
        ("1", None, None, None, "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA"),
        ("1", "1", None, None, "Penyelenggaraan Belanja Penghasilan Tetap, Tunjangan dan Operasional"),
        ("1", "1", "01", None, "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa"),
        ("5", "1", "1", "01", "Penghasilan Tetap Kepala Desa", 12, "Bulan", 48_000_000, "ADD"),
        ("1", "1", "02", None, "Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa"),
        ("5", "1", "2", "01", "Penghasilan Tetap Perangkat Desa", 12, "Bulan", 300_000_000, "ADD"),
        ("2", None, None, None, "BIDANG PELAKSANAAN PEMBANGUNAN DESA"),
        ("2", "3", None, None, "Pekerjaan Umum dan Penataan Ruang"),
        ("2", "3", "10", None, "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa"),
        ("5", "3", "5", "02", "Upah Tenaga Kerja Jalan Desa", 1, "Paket", 150_000_000, "DD-APBN"),
        ("5", "3", "5", "03", "Bahan Baku Jalan Desa", 1, "Paket", 430_000_000, "DD-APBN"),
        ("4", None, None, None, "BIDANG PEMBERDAYAAN MASYARAKAT DESA"),
        ("4", "3", None, None, "Peningkatan Kapasitas Aparatur Desa"),
        ("4", "3", "02", None, "Peningkatan Kapasitas Perangkat Desa"),
        ("5", "2", "3", "03", "Pelatihan Perangkat Desa", 1, "Paket", 10_000_000, "ADD"),
        ("5", None, None, None, "BIDANG PENANGGULANGAN BENCANA, KEADAAN DARURAT DAN MENDESAK DESA"),
        ("5", "3", None, None, "Keadaan Mendesak"),
        ("5", "3", "01", None, "Penanganan Keadaan Mendesak"),
        ("5", "4", "1", "01", "BLT Dana Desa 10 KPM x 12 bulan", 120, "KPM/bln", 36_000_000, "DD-APBN"),
        (None, None, None, None, "JUMLAH BELANJA", None, None, 974_000_000),
        (None, None, None, None, "SURPLUS/(DEFISIT)", None, None, 135_600_000),
        ("6", None, None, None, "PEMBIAYAAN"),
        ("6", "1", None, None, "Penerimaan Pembiayaan"),
        ("6", "1", "1", "01", "SILPA Tahun Sebelumnya", 1, "Paket", 14_400_000, "Lain-lain"),
        ("6", "2", None, None, "Pengeluaran Pembiayaan"),
        ("6", "2", "2", "01", "Penyertaan Modal BUM Desa", 1, "Paket", 150_000_000, "DD-APBN"),
        (None, None, None, None, "PEMBIAYAAN NETTO", None, None, -135_600_000),
    ]
    for row in rows:
        row = list(row) + [None] * (9 - len(row))
        if isinstance(row[7], int):
            row[7] = rp(row[7]) if row[7] >= 0 else "-" + rp(-row[7])
        ws.append(row)
    ws.append([])
    ws.append([None] * 6 + ["Luwuk Kowan, 28 Desember 2024"])
    ws.append([None] * 6 + ["KEPALA DESA LUWUK KOWAN"])
    ws.append([None] * 6 + ["BUDI SANTOSO"])
    wb.save(path)


if __name__ == "__main__":
    build(Path(__file__).with_name("penjabaran_split_luwuk_kowan_2025.xlsx"))
