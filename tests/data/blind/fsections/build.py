"""Builds the fixtures of tests/unit/test_blind_fsections.py (see SOURCES.md). All invented."""
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def rp(n: int) -> str:
    s = f"{abs(n):,}".replace(",", ".") + ",00"
    return "-" + s if n < 0 else s


def website_table(kode_heading: str | None) -> list[list]:
    """A desa website's Laporan Realisasi (OpenSID artikel) copied to Excel: belanja per bidang."""
    pend = [("4.1.1", "Hasil Usaha Desa", 10_000_000, 8_000_000),
            ("4.2.1", "Dana Desa", 800_000_000, 800_000_000),
            ("4.3.6", "Bunga Bank", 0, 1_500_000)]
    bel = [("5.1", "Bidang Penyelenggaraan Pemerintahan Desa", [
               ("5.1.1", "Penyelenggaraan Belanja Penghasilan Tetap, Tunjangan dan Operasional "
                         "Pemerintahan Desa", 400_000_000, 400_000_000),
               ("5.1.2", "Sarana dan Prasarana Pemerintahan Desa", 60_000_000, 55_000_000)]),
           ("5.2", "Bidang Pelaksanaan Pembangunan Desa", [
               ("5.2.1", "Pendidikan", 30_000_000, 29_000_000),
               ("5.2.3", "Pekerjaan Umum dan Penataan Ruang", 300_000_000, 280_000_000)]),
           ("5.5", "Bidang Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa", [
               ("5.5.3", "Keadaan Mendesak", 45_000_000, 45_000_000)])]
    rows = [["LAPORAN REALISASI PELAKSANAAN APBDES PEMERINTAH DESA SATIRUK TAHUN ANGGARAN 2023"],
            [kode_heading, "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Lebih/(Kurang)(Rp)",
             "Persentase (%)"],
            ["4", "PENDAPATAN"]]
    for k, u, a, r in pend:
        rows.append([k, u, rp(a), rp(r), rp(a - r), "100,00%"])
    pa, pr = sum(p[2] for p in pend), sum(p[3] for p in pend)
    rows.append(["JUMLAH PENDAPATAN", None, rp(pa), rp(pr), rp(pa - pr), "99"])
    rows.append(["5", "BELANJA"])
    ba = br = 0
    for k, u, subs in bel:
        a, r = sum(s[2] for s in subs), sum(s[3] for s in subs)
        ba, br = ba + a, br + r
        rows.append([k, u, rp(a), rp(r), rp(a - r), "95,00%"])
        for sk, su, sa, sr in subs:
            rows.append([sk, su, rp(sa), rp(sr), rp(sa - sr), "95,00%"])
    rows.append(["JUMLAH BELANJA", None, rp(ba), rp(br), rp(ba - br), "93"])
    rows.append(["SURPLUS / (DEFISIT)", None, rp(pa - ba), rp(pr - br)])
    terima, keluar = ba - pa + 20_000_000, 20_000_000  # anggaran balances to SiLPA 0
    rows += [["6", "PEMBIAYAAN"],
             ["6.1", "Penerimaan Pembiayaan", rp(terima), rp(terima), "0,00", "100,00%"],
             ["6.1.1", "SILPA Tahun Sebelumnya", rp(terima), rp(terima), "0,00", "100,00%"],
             ["6.2", "Pengeluaran Pembiayaan", rp(keluar), rp(keluar), "0,00", "100,00%"],
             ["6.2.2", "Penyertaan Modal Desa", rp(keluar), rp(keluar), "0,00", "100,00%"],
             ["PEMBIAYAAN NETTO", None, rp(terima - keluar), rp(terima - keluar)],
             ["SISA LEBIH/(KURANG) PEMBIAYAAN ANGGARAN", None, rp(pa - ba + terima - keluar),
              rp(pr - br + terima - keluar)]]
    return rows


def save(name: str, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(HERE / name)


def infografis() -> list[list]:
    """A desa website's infografis APBDes retyped into Excel: names, Rp amounts, shares; no code."""
    return [["INFOGRAFIS APBDes TAHUN 2024"], ["DESA SUMBER MAKMUR KECAMATAN PARENGGEAN"], [],
            ["PENDAPATAN"], ["Dana Desa", "Rp900.000.000,00", "60,0%"],
            ["Alokasi Dana Desa", "Rp600.000.000,00", "40,0%"],
            ["Total Pendapatan", "Rp1.500.000.000,00", "100%"], [],
            ["BELANJA"], ["Bidang Penyelenggaraan Pemerintahan Desa", "Rp700.000.000,00", "46,7%"],
            ["Bidang Pelaksanaan Pembangunan Desa", "Rp800.000.000,00", "53,3%"],
            ["Total Belanja", "Rp1.500.000.000,00", "100%"], [],
            ["PEMBIAYAAN"], ["Pembiayaan Netto", "Rp0,00"], [],
            ["Sumber: APBDes TA 2024. Info lebih lanjut hubungi kantor desa."]]


def keuangan_manual_tsv() -> str:
    """OpenSID keuangan manual rinci copied from the admin table as TSV: code and name in one cell,
    belanja per bidang with the bidang's name in Kd_Keg and Kd_Rincian '5.0.0'."""
    rows = [("4.PENDAPATAN", "", "4.1.1. Hasil Usaha Desa", 8000000, 6000000),
            ("4.PENDAPATAN", "", "4.2.1. Dana Desa", 800000000, 800000000),
            ("4.PENDAPATAN", "", "4.2.2. Bagi Hasil Pajak dan Retribusi", 0, 0),
            ("5.BELANJA", "00.0000.01 BIDANG PENYELENGGARAN PEMERINTAHAN DESA", "5.0.0", 500000000,
             490000000),
            ("5.BELANJA", "00.0000.02 BIDANG PELAKSANAAN PEMBANGUNAN DESA", "5.0.0", 318000000,
             300000000),
            ("6.PEMBIAYAAN", "", "6.1.1. SILPA Tahun Sebelumnya", 10000000, 10000000),
            ("6.PEMBIAYAAN", "", "6.2.2. Penyertaan Modal Desa", 0, 0)]
    lines = ["id\tTahun\tKd_Akun\tKd_Keg\tKd_Rincian\tNilai_Anggaran\tNilai_Realisasi"]
    lines += ["\t".join(map(str, (i, 2024, *r))) for i, r in enumerate(rows, 1)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    save("realisasi_per_bidang_satiruk_2023.xlsx", website_table("Kode"))
    save("realisasi_per_bidang_tanpa_judul_kode_satiruk_2023.xlsx", website_table(None))
    save("infografis_apbdes_sumber_makmur_2024.xlsx", infografis())
    (HERE / "keuangan_manual_rinci_basawang_2024.tsv").write_text(keuangan_manual_tsv())
