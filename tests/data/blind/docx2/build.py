"""Builds the fixtures of tests/unit/test_blind_docx2.py (see SOURCES.md): Word documents with the
WordprocessingML helpers of ../docx/build.py (standard library only) and their sheet twins with
openpyxl, merged cells as Excel keeps them. All names and numbers are invented.
Run: python tests/data/blind/docx2/build.py"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("docx_build", HERE.parent / "docx" / "build.py")
word = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(word)
word.HERE = HERE  # the documents are written here
p, tc, tr, tbl, plain = word.p, word.tc, word.tr, word.tbl, word.plain

# (No, kode, name, anggaran, realisasi, keterangan); a bidang row has no kode and no keterangan
KEGIATAN = [
    ("1.", None, "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA", "18.600.000", "18.350.000", None),
    ("a.", "1.1.06", "Operasional BPD", "12.000.000", "11.750.000", "Selesai"),
    ("b.", "1.4.03", "Penyusunan dokumen RKP Desa", "6.600.000", "6.600.000", "Selesai"),
    ("2.", None, "PELAKSANAAN PEMBANGUNAN DESA", "157.400.000", "155.900.000", None),
    ("a.", "2.3.10", "Jembatan titian ulin RT 04", "88.400.000", "87.900.000", "Selesai"),
    ("b.", "2.2.01", "Rehab Posyandu Mawar", "69.000.000", "68.000.000", "Selesai"),
    ("3.", None, "Bidang Pemberdayaan Masyarakat", "24.000.000", "24.000.000", None),
    ("a.", "4.2.02", "Bibit karet unggul kelompok tani", "24.000.000", "24.000.000", "Selesai"),
]
TOTAL = ("200.000.000", "198.250.000")


def kegiatan_docx(name: str, rows=KEGIATAN) -> None:
    """A laporan realisasi kegiatan typed in Word: the heading in two rows (JUMLAH (Rp) over
    Anggaran | Realisasi), each bidang row one cell merged over No, Kode and Uraian (w:gridSpan)
    holding "1. BIDANG …" with the bidang's subtotal, the kegiatan lettered a., b."""
    heading = [tr(tc("NO", vmerge="restart"), tc("KODE", vmerge="restart"),
                  tc("URAIAN KEGIATAN", vmerge="restart"), tc("JUMLAH (Rp)", span=2),
                  tc("KETERANGAN", vmerge="restart")),
               tr(tc(vmerge="continue"), tc(vmerge="continue"), tc(vmerge="continue"),
                  tc("ANGGARAN"), tc("REALISASI"), tc(vmerge="continue"))]
    body_rows = []
    for no, kode, uraian, anggaran, realisasi, ket in rows:
        if kode is None:
            body_rows.append(tr(tc(f"{no} {uraian}", span=3), tc(anggaran), tc(realisasi), tc()))
        else:
            body_rows.append(plain(no, kode, uraian, anggaran, realisasi, ket))
    body_rows.append(tr(tc("JUMLAH", span=3), tc(TOTAL[0]), tc(TOTAL[1]), tc()))
    body = [p("LAPORAN REALISASI PELAKSANAAN KEGIATAN"), p("DESA JEMARAS KECAMATAN CEMPAGA"),
            p("TAHUN ANGGARAN 2024"), p(), tbl(*heading, *body_rows), p(),
            p("\t\tJemaras, 8 Januari 2025"), p("\t\tKepala Desa Jemaras,"), p(), p("\t\tRAHMAT HIDAYAT")]
    word.docx(name, "".join(body), word.kop("JEMARAS", "CEMPAGA"))


def kegiatan_xlsx() -> None:
    """The same report as a sheet: the bidang name in the Kode column merged over Kode and Uraian
    (the No column holds "I", "II" apart), the heading merged as Excel merges it."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Realisasi"
    sheet.append(["LAPORAN REALISASI PELAKSANAAN KEGIATAN"])
    sheet.append(["DESA JEMARAS KECAMATAN CEMPAGA"])
    sheet.append(["TAHUN ANGGARAN 2024"])
    sheet.append([])
    sheet.append(["NO", "KODE", "URAIAN KEGIATAN", "JUMLAH (Rp)", None, "KETERANGAN"])
    sheet.append([None, None, None, "ANGGARAN", "REALISASI", None])
    for col in "ABCF":
        sheet.merge_cells(f"{col}5:{col}6")
    sheet.merge_cells("D5:E5")
    roman = iter(["I", "II", "III"])
    for no, kode, uraian, anggaran, realisasi, ket in KEGIATAN:
        if kode is None:
            text = uraian.split(" ", 1)[1] if uraian[:1].isdigit() else uraian
            sheet.append([next(roman), text, None, anggaran, realisasi])
            sheet.merge_cells(f"B{sheet.max_row}:C{sheet.max_row}")
        else:
            sheet.append([no, kode, uraian, anggaran, realisasi, ket])
    sheet.append(["JUMLAH", None, None, *TOTAL])
    sheet.merge_cells(f"A{sheet.max_row}:C{sheet.max_row}")
    book.save(HERE / "realisasi_kegiatan_jemaras_2024.xlsx")


UNSUR = [("Pemerintah Desa", 5, 2), ("BPD", 3, 2), ("Tokoh Adat / Mantir", 2, 0),
         ("Tokoh Agama", 2, 1), ("Kelompok Perempuan", 0, 4), ("Kelompok Tani", 3, 1)]
LABELS = [("Hari / Tanggal", "Kamis, 7 Agustus 2025"), ("Waktu", "09.00 WIB s.d. selesai"),
          ("Tempat", "Aula Kantor Desa Luwuk Bunter"), ("Pimpinan Musyawarah", "Ketua BPD"),
          ("Notulen", "Anggota BPD"), ("Jumlah Undangan", "30 orang")]
TITLE = ["BERITA ACARA", "MUSYAWARAH PERENCANAAN PEMBANGUNAN DESA",
         "PENYUSUNAN RENCANA KERJA PEMERINTAH DESA TAHUN 2026", "Nomor : 02/BA-MUSRENBANG/VIII/2025"]


def musrenbang_docx() -> None:
    """A berita acara Musrenbangdes in paragraphs: the kop surat's "Alamat : …" paragraph under
    the page header, the title (the kind spelt out) and its letter number, the labels with
    tabs, a rekap hadir per unsur (No | Unsur | Jenis Kelamin over L | P | Jumlah, merged
    down and across), then a second table of the kegiatan proposed (no meetings)."""
    body = [p("Alamat : Jalan Cempaga Raya Km 12"), p()] + [p(t) for t in TITLE] + [p(
        "Pada hari ini Kamis tanggal Tujuh bulan Agustus tahun Dua Ribu Dua Puluh Lima telah "
        "diselenggarakan Musrenbangdes dengan keterangan sebagai berikut:")]
    body += [p(f"{label}\t:\t{value}") for label, value in LABELS] + [p(), p("I. Rekapitulasi Kehadiran")]
    heading = [tr(tc("No", vmerge="restart"), tc("Unsur", vmerge="restart"), tc("Jenis Kelamin", span=2),
                  tc("Jumlah", vmerge="restart")),
               tr(tc(vmerge="continue"), tc(vmerge="continue"), tc("L"), tc("P"), tc(vmerge="continue"))]
    rows = [plain(f"{k}.", unsur, men or "-", women or "-", men + women)
            for k, (unsur, men, women) in enumerate(UNSUR, 1)]
    men, women = sum(u[1] for u in UNSUR), sum(u[2] for u in UNSUR)
    rows.append(tr(tc("JUMLAH", span=2), tc(str(men)), tc(str(women)), tc(str(men + women))))
    body += [tbl(*heading, *rows), p(), p("II. Usulan Prioritas Kegiatan"), tbl(
        plain("No", "Usulan Kegiatan", "Lokasi", "Sumber Dana"),
        plain("1.", "Semenisasi jalan desa RT 03", "Dusun II", "Dana Desa"),
        plain("2.", "Pelatihan kader posyandu", "Desa", "ADD")),
        p(), p("\tLuwuk Bunter, 7 Agustus 2025"), p("\tKetua BPD,\t\tKepala Desa,"), p(),
        p("\tSITI AMINAH\t\tYOHANES LUWUK")]
    word.docx("ba_musrenbangdes_luwuk_bunter_2025.docx", "".join(body), word.kop("LUWUK BUNTER", "CEMPAGA")[:3])


def musrenbang_xlsx() -> None:
    """The same berita acara as a sheet: kop, "Alamat : …", the title, label | : | value rows,
    the rekap hadir per unsur with its heading merged."""
    book = Workbook()
    sheet = book.active
    sheet.title = "BA"
    for line in ["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR", "KECAMATAN CEMPAGA", "DESA LUWUK BUNTER",
                 "Alamat : Jalan Cempaga Raya Km 12", None, *TITLE]:
        sheet.append([line])
    for label, value in LABELS:
        sheet.append([label, ":", value])
    sheet.append([])
    sheet.append(["No", "Unsur", "Jenis Kelamin", None, "Jumlah"])
    sheet.append([None, None, "L", "P", None])
    top = sheet.max_row - 1
    for col in "ABE":
        sheet.merge_cells(f"{col}{top}:{col}{top + 1}")
    sheet.merge_cells(f"C{top}:D{top}")
    for k, (unsur, men, women) in enumerate(UNSUR, 1):
        sheet.append([k, unsur, men, women, men + women])
    sheet.append(["JUMLAH", None, sum(u[1] for u in UNSUR), sum(u[2] for u in UNSUR),
                  sum(u[1] + u[2] for u in UNSUR)])
    book.save(HERE / "ba_musrenbangdes_luwuk_bunter_2025.xlsx")


if __name__ == "__main__":
    kegiatan_docx("realisasi_kegiatan_jemaras_2024.docx")
    wrong = [r if r[0] != "2." else (*r[:3], "175.400.000", *r[4:]) for r in KEGIATAN]
    kegiatan_docx("realisasi_kegiatan_jemaras_2024_subtotal_salah.docx", wrong)
    kegiatan_xlsx()
    musrenbang_docx()
    musrenbang_xlsx()
