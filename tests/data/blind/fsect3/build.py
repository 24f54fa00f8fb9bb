"""Builds the fsect3 fixtures (see SOURCES.md): a Perdes Lampiran I with belanja per kegiatan
under an uncoded BELANJA heading, a web-app export with "[kode] nama" cells, a Penjabaran line
coded "4 1 4 90-99", and an APBDes over sheets with a RINGKASAN sheet. Numbers invented."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def perdes(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Perdes"
    for row in [
        [None, None, "LAMPIRAN I PERATURAN DESA SEBABI"], [None, None, "NOMOR 02 TAHUN 2024"],
        ["ANGGARAN PENDAPATAN DAN BELANJA DESA"], ["PEMERINTAH DESA SEBABI KECAMATAN TELAWANG"],
        ["TAHUN ANGGARAN 2024"],
        ["KODE REK", "URAIAN", "ANGGARAN (Rp)", "KETERANGAN"], ["1", "2", "3", "4"],
        ["4.", "PENDAPATAN", 900000000, None],
        ["4.2.", "Pendapatan Transfer", 900000000, None],
        ["4.2.1.", "Dana Desa", 600000000, None], ["4.2.1.01.", "Dana Desa", 600000000, None],
        ["4.2.3.", "Alokasi Dana Desa", 300000000, None],
        ["4.2.3.01.", "Alokasi Dana Desa", 300000000, None],
        [None, "JUMLAH PENDAPATAN", 900000000, None],
        [None, "BELANJA", None, None],
        ["01.", "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA", 400000000, None],
        ["01.01.", "Penyelenggaraan Belanja Penghasilan Tetap", 400000000, None],
        ["01.01.01.", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa", 150000000, None],
        ["01.01.02.", "Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa", 250000000, None],
        ["04.", "BIDANG PEMBERDAYAAN MASYARAKAT DESA", 480000000, None],
        ["04.02.", "Pertanian dan Peternakan", 480000000, None],
        ["04.02.01.", "Peningkatan Produksi Tanaman Pangan", 480000000, None],
        [None, "JUMLAH BELANJA", 880000000, None],
        [None, "SURPLUS / (DEFISIT)", 20000000, None],
        ["6.", "PEMBIAYAAN", None, None],
        ["6.2.", "Pengeluaran Pembiayaan", 20000000, None],
        ["6.2.2.", "Penyertaan Modal Desa", 20000000, "BUMDes"],
        [None, None, "KEPALA DESA SEBABI,"],
    ]:
        ws.append(row)
    wb.save(path)


def bracketed(path: Path) -> None:
    sp = "\u00a0"
    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    ws.append(["Realisasi Anggaran per Akun"])
    ws.append(["Desa: Sebabi   |   Kecamatan: Telawang   |   Tahun: 2024   |   Posisi s.d. 31/12/2024"])
    ws.append(["No", "Nama Akun", "Pagu", "Realisasi", "Sisa", "Capaian"])
    n = 0
    for code, name, pagu, real in [
        ("4.2.1", "Dana Desa", 600000000, 600000000), ("4.2.1.01", "Dana Desa", 600000000, 600000000),
        ("4.2.3", "Alokasi Dana Desa", 300000000, 290000000),
        ("4.2.3.01", "Alokasi Dana Desa", 300000000, 290000000),
        ("5.1.1", "Penghasilan Tetap dan Tunjangan Kepala Desa", 150000000, 140000000),
        ("5.1.1.01", "Penghasilan Tetap Kepala Desa", 50000000, 45000000),
        ("5.1.1.02", "Tunjangan Kepala Desa", 100000000, 95000000),
        ("5.3.1", "Belanja Modal Pengadaan Tanah", 700000000, 650000000),
        ("5.3.1.01", "Belanja Modal Pengadaan Tanah", 700000000, 650000000),
    ]:
        leaf = code.count(".") == 3
        n += leaf
        fmt = lambda v: f"{v:,}".replace(",", sp)
        ws.append([n if leaf else None, ("    " if leaf else "") + f"[{code}] {name}", fmt(pagu),
                   fmt(real), fmt(pagu - real), f"{100 * real / pagu:.1f} %"])
    wb.save(path)


def penjabaran(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Penjabaran"
    ws.append([None, None, "PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA"])
    ws.append([None, None, "PEMERINTAH DESA SEBABI KECAMATAN TELAWANG"])
    ws.append([None, None, "TAHUN ANGGARAN 2025"])
    ws.append([None, None, "KODE REKENING", "URAIAN", "ANGGARAN (Rp)", "SUMBER DANA"])
    for row in [
        ["4", "PENDAPATAN", 612000000, None], ["4 1", "Pendapatan Asli Desa", 12000000, None],
        ["4 1 2", "Hasil Aset Desa", 9000000, None],
        ["4 1 2 01", "Pengelolaan Tanah Kas Desa", 9000000, "PAD"],
        ["4 1 4", "Lain-Lain Pendapatan Asli Desa", 3000000, None],
        ["4 1 4 90-99", "Lain-lain (Sewa Tenda Desa)", 3000000, "PAD"],
        ["4 2", "Pendapatan Transfer", 600000000, None], ["4 2 1", "Dana Desa", 600000000, None],
        ["4 2 1 01", "Dana Desa", 600000000, "DDS"],
        ["5", "BELANJA", 612000000, None], ["5 1", "Belanja Pegawai", 612000000, None],
        ["5 1 1", "Penghasilan Tetap dan Tunjangan Kepala Desa", 612000000, None],
        ["5 1 1 01", "Penghasilan Tetap Kepala Desa", 612000000, "DDS"],
    ]:
        ws.append([None, None, *row])
    wb.save(path)


def per_sheet(path: Path, belanja_summary: int) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "RINGKASAN"
    ws.append(["RINGKASAN APBDes DESA SEBABI KEC. TELAWANG TA 2025"])
    ws.append(["Uraian", "Jumlah (Rp)"])
    for row in [["Pendapatan", 600000000], ["Belanja", belanja_summary],
                ["Surplus/(Defisit)", 600000000 - belanja_summary]]:
        ws.append(row)
    for title, rows in [
        ("PENDAPATAN", [["4", "PENDAPATAN", 600000000], ["4.2", "Pendapatan Transfer", 600000000],
                        ["4.2.1", "Dana Desa", 600000000], ["4.2.1.01", "Dana Desa", 600000000]]),
        ("BELANJA", [["5", "BELANJA", 590000000], ["5.1", "Belanja Pegawai", 590000000],
                     ["5.1.1", "Penghasilan Tetap dan Tunjangan Kepala Desa", 590000000],
                     ["5.1.1.01", "Penghasilan Tetap Kepala Desa", 200000000],
                     ["5.1.1.02", "Tunjangan Kepala Desa", 390000000]]),
    ]:
        ws = wb.create_sheet(title)
        ws.append([f"APBDes DESA SEBABI - {title}"])
        ws.append(["Tahun Anggaran 2025"])
        ws.append(["Kode Rekening", "Uraian", "Anggaran (Rp)"])
        for row in rows:
            ws.append(row)
    wb.save(path)


if __name__ == "__main__":
    perdes(HERE / "perdes_lampiran1_per_kegiatan_sebabi_2024.xlsx")
    bracketed(HERE / "export_realisasi_akun_bracket_sebabi_2024.xlsx")
    penjabaran(HERE / "penjabaran_spaced_range_sebabi_2025.xlsx")
    per_sheet(HERE / "apbdes_per_sheet_ringkasan_sebabi_2025.xlsx", 590000000)
    per_sheet(HERE / "apbdes_per_sheet_ringkasan_salah_sebabi_2025.xlsx", 509000000)
