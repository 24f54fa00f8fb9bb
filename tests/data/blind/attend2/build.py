"""Writes the attend2 fixtures (run from this folder). Shapes: see SOURCES.md; names and numbers
are invented."""

from datetime import datetime as D

from openpyxl import Workbook


def rekap_kehadiran() -> None:
    """FPPM 'Form 5' rekap kehadiran: a kelompok-rentan subset group beside L | P | Jumlah."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap Kehadiran"
    ws.append(["REKAPITULASI KEHADIRAN PRA-MUSRENBANG DAN MUSYAWARAH DESA"])
    ws.append(["DESA BARUNANG MIRI KECAMATAN PARENGGEAN TAHUN 2025"])
    ws.append([])
    ws.append(["No", "Tahapan / Jenis Musyawarah", "Tanggal", "Tempat", "Peserta Hadir", None, None,
               "Di antaranya, Kelompok Rentan", None, "Keterangan"])
    ws.append([None, None, None, None, "L", "P", "Jumlah", "Disabilitas", "Warga Miskin", None])
    ws.merge_cells("E4:G4")
    ws.merge_cells("H4:I4")
    for col in "ABCDJ":
        ws.merge_cells(f"{col}4:{col}5")
    rows = [("Pra-Musrenbang: Penggalian Gagasan Dusun I", D(2025, 6, 3), "Rumah Kadus I", 12, 8, 20, 1, 6),
            ("Pra Musrenbang Kelompok Perempuan", D(2025, 6, 5), "Posyandu", 1, 17, 18, 0, 7),
            ("Musrenbangdes RKP Desa 2026", D(2025, 8, 2), "Balai Desa", 24, 13, 37, 2, 9)]
    for n, (jenis, tgl, tempat, l, p, j, dis, miskin) in enumerate(rows, 1):
        ws.append([n, jenis, tgl, tempat, l, p, j, dis, miskin, None])
    wb.save("rekap_kehadiran_pra_musrenbang_barunang_miri_2025.xlsx")


def rapat_bpd() -> None:
    """BPD meeting list: 'Undangan Lain' (guests inside L and P) and a '-' number invited."""
    wb = Workbook()
    ws = wb.active
    ws.title = "TW I"
    ws.append(["DAFTAR RAPAT BPD DESA KUIN PERMAI TAHUN 2024"])
    ws.append([])
    ws.append(["No", "Tanggal", "Jenis Rapat", "Agenda", "Jumlah Undangan", "Hadir L", "Hadir P",
               "Undangan Lain", "Jumlah Hadir"])
    ws.append([1, D(2024, 2, 6), "Rapat Paripurna BPD", "Rancangan Perdes APBDes", "-", 6, 1, 2, 7])
    ws.append([2, D(2024, 2, 20), "Musyawarah Desa", "Penetapan APBDes 2024", 40, 22, 12, "-", 34])
    ws.append([3, D(2024, 3, 12), "Rapat Rutin BPD", "Pengawasan Dana Desa", 7, 4, 2, "-", 6])
    wb.save("rapat_bpd_kuin_permai_2024.xlsx")


def daftar_di_antaranya() -> None:
    """A total with 'Di antaranya Perempuan' beside it (of whom women), counts with 'orang'."""
    wb = Workbook()
    ws = wb.active
    ws.append(["DAFTAR PELAKSANAAN MUSYAWARAH DESA SAMUDA KECIL TAHUN ANGGARAN 2024"])
    ws.append([])
    ws.append(["No.", "Tanggal", "Jenis Musyawarah", "Tempat", "Jumlah\nPeserta\n(orang)",
               "Di antaranya\nPerempuan", "Hasil"])
    ws.append(["1.", D(2024, 1, 16), "Musdes Penetapan APBDes", "Balai Desa", "30\u00a0orang", "9\u00a0org", "Disepakati"])
    ws.append(["2.", D(2024, 7, 9), "Musrenbang Desa", "Balai Desa", "41\u00a0orang", "16\u00a0org", "Disepakati"])
    ws.append(["3.", D(2024, 10, 1), "Musdus Dusun I", "Rumah Kadus", "19\u00a0orang", "5\u00a0org", "Usulan"])
    wb.save("daftar_musyawarah_samuda_kecil_2024.xlsx")


if __name__ == "__main__":
    rekap_kehadiran()
    rapat_bpd()
    daftar_di_antaranya()
