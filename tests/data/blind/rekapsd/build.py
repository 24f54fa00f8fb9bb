"""Builds the rekapsd fixtures (see SOURCES.md): an RKP Desa beside a recap sheet of its totals
per sumber dana or per bidang, and two workbooks of real record types that must stay read as
such. Every line and amount is invented; village names are from the reference list."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

# (kode kegiatan, nama, lokasi, volume, satuan, biaya, sumber)
KEGIATAN = [
    ("1", "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA", None, None, None, None, None),
    ("1.1.01", "Penghasilan Tetap Kepala Desa", "Kantor Desa", 12, "bulan", 36000000, "ADD"),
    ("1.2.01", "Operasional Kantor Desa", "Kantor Desa", 1, "paket", 24000000, "ADD"),
    ("2", "BIDANG PELAKSANAAN PEMBANGUNAN DESA", None, None, None, None, None),
    ("2.2.01", "Semenisasi Jalan Gang Melati", "RT 03", 250, "m", 180000000, "DDS"),
    ("2.3.10", "Pembangunan Drainase Jl. Pelita", "RT 01", 120, "m", 95000000, "DDS"),
    ("2.2.02", "Rehab Balai Pertemuan", "RT 02", 1, "unit", 40000000, "SWD"),
    ("3", "BIDANG PEMBINAAN KEMASYARAKATAN", None, None, None, None, None),
    ("3.4.01", "Pembinaan Karang Taruna", "Desa", 1, "kegiatan", 15000000, "PAD"),
]
LINES = [k for k in KEGIATAN if k[5]]
PER_SOURCE = {s: sum(k[5] for k in LINES if k[6] == s) for s in ("DDS", "ADD", "PAD", "SWD")}
TOTAL = sum(k[5] for k in LINES)
NAMES = {"DDS": "Dana Desa", "ADD": "Alokasi Dana Desa", "PAD": "Pendapatan Asli Desa",
         "SWD": "Swadaya Masyarakat"}


def rkp_sheet(ws, desa: str, tahun: int) -> None:
    ws.title = f"RKP Desa {tahun}"
    ws.append([f"RENCANA KERJA PEMERINTAH DESA {desa.upper()} TAHUN {tahun}"])
    ws.append(["KECAMATAN TELAWANG"])
    ws.append(["Kode", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Biaya (Rp)", "Sumber Dana"])
    for kode, nama, lokasi, vol, sat, biaya, sd in KEGIATAN:
        ws.append([kode, nama, lokasi, vol, sat, biaya, sd])
    ws.append([None, "JUMLAH", None, None, None, TOTAL, None])
    ws.append([None, None, None, None, f"{desa}, 20 November {tahun - 1}"])
    ws.append([None, None, None, None, f"Kepala Desa {desa}"])


def recap_by_names(path: Path) -> None:
    """'Rekap per Sumber Dana': sources written out, no codes, TOTAL row: agrees."""
    wb = Workbook()
    rkp_sheet(wb.active, "Sebabi", 2026)
    ws = wb.create_sheet("Rekap per Sumber Dana")
    ws.append(["REKAP RKP DESA SEBABI 2026 PER SUMBER DANA"])
    ws.append(["No", "Sumber Dana", "Jumlah (Rp)", "Persentase"])
    for i, s in enumerate(PER_SOURCE, 1):
        ws.append([i, NAMES[s], PER_SOURCE[s], f"{100 * PER_SOURCE[s] / TOTAL:.2f}%".replace(".", ",")])
    ws.append([None, "TOTAL", TOTAL, "100%"])
    wb.save(path)


def recap_with_codes_wrong(path: Path) -> None:
    """'REKAPITULASI SUMBER DANA': code + name, ADD stated 10.000.000 too high."""
    wb = Workbook()
    rkp_sheet(wb.active, "Sebabi", 2026)
    ws = wb.create_sheet("REKAPITULASI SUMBER DANA")
    ws.append(["REKAPITULASI SUMBER DANA RKP DESA TAHUN 2026"])
    ws.append(["Kode", "Sumber Dana", "Pagu (Rp)"])
    for s in PER_SOURCE:
        ws.append([s, NAMES[s], PER_SOURCE[s] + (10000000 if s == "ADD" else 0)])
    ws.append(["JUMLAH", None, TOTAL + 10000000])
    wb.save(path)


def recap_by_bidang(path: Path) -> None:
    """'Rekap per Bidang': bidang names with their Roman numerals; agrees."""
    wb = Workbook()
    rkp_sheet(wb.active, "Sebabi", 2026)
    ws = wb.create_sheet("Rekap per Bidang")
    ws.append(["No", "Bidang", "Jumlah Biaya (Rp)"])
    for numeral, bidang, name in [("I", "1", "Bidang Penyelenggaraan Pemerintahan Desa"),
                                  ("II", "2", "Bidang Pelaksanaan Pembangunan Desa"),
                                  ("III", "3", "Bidang Pembinaan Kemasyarakatan")]:
        ws.append([numeral, name, sum(k[5] for k in LINES if k[0].split(".")[0] == bidang)])
    ws.append([None, "Jumlah", TOTAL])
    wb.save(path)


def apbdes_and_kegiatan(path: Path) -> None:
    """A real APBDes sheet with a SUMBER DANA column beside a real kegiatan sheet: two parts."""
    wb = Workbook()
    ws = wb.active
    ws.title = "APBDes 2025"
    ws.append(["APBDES DESA SEBABI KECAMATAN TELAWANG TAHUN ANGGARAN 2025"])
    ws.append(["Kode Rekening", "Uraian", "Anggaran (Rp)", "Sumber Dana"])
    for row in [["4.2.1.01", "Dana Desa", 600000000, "DDS"],
                ["4.2.3.01", "Alokasi Dana Desa", 300000000, "ADD"],
                ["5.1.1.01", "Penghasilan Tetap Kepala Desa", 36000000, "ADD"],
                ["5.3.2.01", "Belanja Modal Jalan Desa", 180000000, "DDS"]]:
        ws.append(row)
    ws = wb.create_sheet("Kegiatan 2025")
    ws.append(["DAFTAR KEGIATAN DESA SEBABI TAHUN 2025"])
    ws.append(["Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Anggaran (Rp)", "Sumber Dana"])
    for row in [["2.2.01", "Semenisasi Jalan Gang Melati", "RT 03", 180000000, "Dana Desa"],
                ["1.1.01", "Penghasilan Tetap Kepala Desa", "Kantor Desa", 36000000, "Alokasi Dana Desa"]]:
        ws.append(row)
    wb.save(path)


def apbdes_sources_only(path: Path) -> None:
    """A real APBDes pendapatan sheet whose lines are the sources, coded, with a SUMBER DANA
    column: lines, not a recap."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Pendapatan"
    ws.append(["APBDES DESA SEBABI TAHUN ANGGARAN 2025 - PENDAPATAN"])
    ws.append(["Kode Rekening", "Uraian", "Anggaran (Rp)", "Sumber Dana"])
    for row in [["4.2.1.01", "Dana Desa", 600000000, "DDS"],
                ["4.2.3.01", "Alokasi Dana Desa", 300000000, "ADD"]]:
        ws.append(row)
    ws = wb.create_sheet("Belanja")
    ws.append(["APBDES DESA SEBABI TAHUN ANGGARAN 2025 - BELANJA"])
    ws.append(["Kode Rekening", "Uraian", "Anggaran (Rp)", "Sumber Dana"])
    for row in [["5.1.1.01", "Penghasilan Tetap Kepala Desa", 300000000, "ADD"],
                ["5.3.2.01", "Belanja Modal Jalan Desa", 600000000, "DDS"]]:
        ws.append(row)
    wb.save(path)


if __name__ == "__main__":
    recap_by_names(HERE / "RKP Desa 2026 Sebabi - rekap per sumber dana.xlsx")
    recap_with_codes_wrong(HERE / "RKP Desa 2026 Sebabi - rekapitulasi sumber dana salah.xlsx")
    recap_by_bidang(HERE / "RKP Desa 2026 Sebabi - rekap per bidang.xlsx")
    apbdes_and_kegiatan(HERE / "APBDes dan Kegiatan 2025 Sebabi.xlsx")
    apbdes_sources_only(HERE / "APBDes 2025 Sebabi per sheet.xlsx")
