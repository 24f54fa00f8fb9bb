"""Builds apbdes_perubahan_tumbang_sapiri_2025.xlsx (run with the project's Python; openpyxl)."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def rp(n: int) -> str:
    return "Rp -" if n == 0 else "Rp " + f"{n:,}".replace(",", ".")


def diff(a: int, b: int) -> str:
    return "-" if a == b else f"{b - a:,}".replace(",", ".")


def build(path: Path, semula: str = "SEMULA", menjadi: str = "MENJADI") -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "PENJABARAN APBDES-P"
    for row in (["PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DESA"],
                ["PEMERINTAH DESA TUMBANG SAPIRI KECAMATAN MENTAYA HULU"], ["TAHUN ANGGARAN 2025"], []):
        ws.append(row)
    ws.append(["KODE REKENING", "URAIAN", "ANGGARAN (Rp)", None, "BERTAMBAH/ (BERKURANG)", "SUMBER DANA"])
    ws.merge_cells("C5:D5")
    ws.append([None, None, semula, menjadi])
    ws.append(["1", "2", "3", "4", "5", "6"])
    lines = [  # code, uraian, semula, menjadi, sumber (None: a heading/subtotal row)
        ("4", "PENDAPATAN", 871_400_000, 861_400_000, None),
        ("4.1.2.01", "Pengelolaan Tanah Kas Desa", 9_500_000, 9_500_000, "PAD"),
        ("4.2.1.01", "Dana Desa", 612_300_000, 602_300_000, "DD"),
        ("4.2.3.01", "Alokasi Dana Desa", 249_600_000, 249_600_000, "ADD"),
        ("5", "BELANJA", 858_100_000, 851_350_000, None),
        ("1", "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA", 60_480_000, 60_480_000, None),
        ("1.1", "Penyelenggaraan Belanja Penghasilan Tetap, Tunjangan dan Operasional "
                "Pemerintahan Desa", 60_480_000, 60_480_000, None),
        ("1.1.01", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa", 60_480_000, 60_480_000, None),
        ("5.1.1.01", "Penghasilan Tetap Kepala Desa", 54_180_000, 54_180_000, "ADD"),
        ("5.1.1.02", "Tunjangan Kepala Desa", 6_300_000, 6_300_000, "ADD"),
        ("2", "BIDANG PELAKSANAAN PEMBANGUNAN DESA", 797_620_000, 790_870_000, None),
        ("2.2", "Sub Bidang Kesehatan", 797_620_000, 790_870_000, None),
        ("2.2.02", "Penyelenggaraan Posyandu", 797_620_000, 790_870_000, None),
        ("5.2.2.01", "Belanja Bahan/Material", 797_620_000, 790_870_000, "DD"),
    ]
    for code, uraian, before, after, sumber in lines:
        ws.append([code, uraian, rp(before), rp(after), diff(before, after), sumber])
    wb.save(path)


if __name__ == "__main__":
    build(HERE / "apbdes_perubahan_tumbang_sapiri_2025.xlsx")
