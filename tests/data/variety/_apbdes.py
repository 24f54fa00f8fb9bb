"""APBDes files of the variety corpus: flat tables, report shapes, OpenDK/OpenSID templates, a
kecamatan collection, a many-sheet village workbook. Sources: SOURCES.md (keys in `source:`)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
from _common import (
    HERE,
    Line,
    Registry,
    activity,
    apbdes_totals,
    budget,
    check_budget,
    dotted,
    idr,
    opendk,
    spaced,
    village,
)
from openpyxl.styles import Font

SD_NAMES = {"DDS": "Dana Desa", "ADD": "ADD", "PAD": "PADesa", "PBH": "BHPR", "PBK": "Bankab",
            "PBP": "BanProv", "DLL": "Lain-lain", "SWD": "Swadaya"}  # sideka-electron style names
SD_LONG = {"DDS": "Dana Desa", "ADD": "Alokasi Dana Desa", "PAD": "Pendapatan Asli Desa",
           "PBH": "Bagi Hasil Pajak dan Retribusi", "PBK": "Bantuan Keuangan Kabupaten",
           "DLL": "Lain-lain", "PBP": "Bantuan Keuangan Provinsi", "SWD": "Swadaya Masyarakat"}


def _csv(rows: list[list], delimiter: str = ",", newline: str = "\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue()


def _plain(v: Decimal | None) -> str:
    return "" if v is None else str(int(v)) if v == v.to_integral() else str(v)


def _register(reg: Registry, file: str, kode: str, tahun: int, lines: list[Line], tahap: str,
              shape: str, source: str, **extra) -> None:
    check_budget(lines)
    reg.add(file, "apbdes", kode, tahun, len(lines), shape, source, tahap=tahap,
            **apbdes_totals(lines), **extra)


def _report_rows(lines: list[Line]) -> list[tuple]:
    """Report order with heading and total rows: ("head", code, text) | ("line", Line) |
    ("total", text, group-filter)."""
    out: list[tuple] = [("head", "4", "PENDAPATAN")]
    out += [("line", x) for x in lines if x.group == "pendapatan"]
    out += [("total", "JUMLAH PENDAPATAN", ("pendapatan",)), ("head", "5", "BELANJA")]
    current = None
    for x in [x for x in lines if x.group == "belanja"]:
        if x.keg != current:
            current = x.keg
            out.append(("head", x.keg, activity(x.keg)))
        out.append(("line", x))
    out += [("total", "JUMLAH BELANJA", ("belanja",)), ("total", "SURPLUS / (DEFISIT)", ("pendapatan", "-belanja")),
            ("head", "6", "PEMBIAYAAN"), ("head", "6.1", "Penerimaan Pembiayaan")]
    out += [("line", x) for x in lines if x.group == "pembiayaan_penerimaan"]
    out += [("total", "JUMLAH PENERIMAAN PEMBIAYAAN", ("pembiayaan_penerimaan",)),
            ("head", "6.2", "Pengeluaran Pembiayaan")]
    out += [("line", x) for x in lines if x.group == "pembiayaan_pengeluaran"]
    out += [("total", "JUMLAH PENGELUARAN PEMBIAYAAN", ("pembiayaan_pengeluaran",)),
            ("total", "PEMBIAYAAN NETTO", ("pembiayaan_penerimaan", "-pembiayaan_pengeluaran")),
            ("total", "SILPA TAHUN BERJALAN", ("pendapatan", "-belanja", "pembiayaan_penerimaan",
                                              "-pembiayaan_pengeluaran"))]
    return out


def _total(lines: list[Line], groups: tuple, attr: str) -> Decimal:
    value = Decimal(0)
    for g in groups:
        sign, name = (-1, g[1:]) if g.startswith("-") else (1, g)
        value += sign * sum((getattr(x, attr) or Decimal(0) for x in lines if x.group == name), Decimal(0))
    return value


# --------------------------------------------------------------------------- CSV shapes

def flat_empty_kegiatan(reg: Registry) -> None:
    kode, tahun = "62.02.16.2001", 2024
    lines = budget(dd=912_345_000, add=438_120_000, silpa=24_500_000, modal=30_000_000, real="tahunan")
    head = ["Kode Desa", "Tahun Anggaran", "Tahap", "Kode Rekening", "Uraian", "Kode Kegiatan",
            "Sumber Dana", "Anggaran", "Realisasi"]
    rows = [[kode, tahun, "realisasi_tahunan", x.rek, x.uraian, x.keg, x.sd, _plain(x.ang), _plain(x.real)]
            for x in lines]
    name = "apbdes_luwuk_sampun_2024.csv"
    (HERE / name).write_text(_csv([head] + rows), encoding="utf-8")
    _register(reg, name, kode, tahun, lines, "realisasi_tahunan",
              "flat UTF-8 CSV; pendapatan (4.x) and pembiayaan (6.x) lines leave Kode Kegiatan EMPTY",
              "S1 (project apbdes schema columns), S2 (Siskeudes: no kegiatan on 4/6 lines)")


def bom_semicolon_rp(reg: Registry) -> None:
    kode, tahun = "62.02.16.2004", 2025
    nama, kec = village(kode)
    lines = budget(dd=958_700_000, add=465_300_000, pbk=60_000_000, silpa=18_250_000)
    rows = [["ANGGARAN PENDAPATAN DAN BELANJA DESA"], [f"PEMERINTAH DESA {nama.upper()}"],
            [f"KECAMATAN {kec.upper()} KABUPATEN KOTAWARINGIN TIMUR"], [f"TAHUN ANGGARAN {tahun}"], [],
            ["Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran (Rp)"]]
    rows += [[x.rek, x.uraian, x.keg, x.sd, idr(x.ang, rp=True)] for x in lines]
    name = f"APBDes {nama} {tahun}.csv"
    (HERE / name).write_bytes(("\ufeff" + _csv(rows, ";")).encode("utf-8"))
    _register(reg, name, kode, tahun, lines, "anggaran",
              "UTF-8 with BOM, ';' delimiter, 'Rp 1.234.567,00' amounts, title rows naming the desa and TA, no kode desa/tahun/tahap columns",
              "S3 (title rows of Lampiran APBDes), S4 (Indonesian amounts)")


def report_csv_signature(reg: Registry) -> None:
    kode, tahun = "62.02.16.2006", 2023
    nama, kec = village(kode)
    lines = budget(dd=874_210_000, add=402_880_000, pbk=45_000_000, silpa=31_400_000,
                   modal=25_000_000, real="tahunan", silpa_sd="DLL")
    next(x for x in lines if x.rek == "5.2.7.05").real = Decimal(0)  # not carried out: written "-"
    rows = [["LAPORAN REALISASI PELAKSANAAN APBDESA"], [f"PEMERINTAH DESA {nama.upper()} KECAMATAN {kec.upper()}"],
            [f"TAHUN ANGGARAN {tahun}"], [],
            ["KODE REK", "URAIAN", "ANGGARAN", "REALISASI", "LEBIH/(KURANG)", "SUMBER DANA"]]
    for item in _report_rows(lines):
        if item[0] == "head":
            rows.append([item[1], item[2], "", "", "", ""])
        elif item[0] == "line":
            x = item[1]
            real = "-" if x.real == 0 else idr(x.real)
            rows.append([x.rek, x.uraian, idr(x.ang), real, idr(x.real - x.ang, paren=True), x.sd])
        else:
            a, r = _total(lines, item[2], "ang"), _total(lines, item[2], "real")
            rows.append(["", item[1], idr(a, paren=True), idr(r, paren=True), idr(r - a, paren=True), ""])
    rows += [[], ["", "", "", f"{nama}, 15 Januari {tahun + 1}"], ["", "", "", f"Kepala Desa {nama}"],
             [], [], ["", "", "", "MARKUS ANDRIANUS"]]
    name = f"realisasi_apbdes_{nama.lower().replace(' ', '_')}_{tahun}.csv"
    (HERE / name).write_bytes(_csv(rows, ";").encode("cp1252"))
    _register(reg, name, kode, tahun, lines, "realisasi_tahunan",
              "Windows-1252 ';' report-shaped CSV: akun/kegiatan heading rows, JUMLAH/SURPLUS/PEMBIAYAAN NETTO/SILPA rows, "
              "kegiatan only in heading rows, negative differences '(1.500.000,00)', '-' for nil, ends with place-date, 'Kepala Desa', a name",
              "S5 (Laporan Realisasi layout, realisasi_apbdes_textreport), S3")


def no_stage_word(reg: Registry) -> None:
    kode, tahun = "62.02.16.2008", 2024
    lines = budget(dd=896_000_000, add=421_500_000, silpa=12_000_000, real="tahunan")
    head = ["Kode Desa", "Tahun", "Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran", "Realisasi"]
    rows = [[kode, tahun, x.rek, x.uraian, x.keg, x.sd, _plain(x.ang), _plain(x.real)] for x in lines]
    name = "apbdes_mekar_sari_2024.csv"
    (HERE / name).write_text(_csv([head] + rows, newline="\n"), encoding="utf-8")
    _register(reg, name, kode, tahun, lines, "realisasi_tahunan",
              "file name and content carry no stage word, yet the Realisasi column is filled (year ended: tahunan)",
              "S1", tahap_note="no stage written; a filled realisation of a closed year is the year-end report")


def perubahan_silpa(reg: Registry) -> None:
    kode, tahun = "62.02.16.2007", 2024
    nama, _ = village(kode)
    lines = budget(dd=930_150_000, add=447_600_000, silpa=52_750_000, modal=40_000_000, silpa_sd="DLL")
    semula = {id(x): x.ang for x in lines}
    bumped = [x for x in lines if x.group == "belanja"][-3:]  # the amendment moves money between lines
    for x, delta in zip(bumped, (12_500_000, -7_500_000, -5_000_000)):
        semula[id(x)] = x.ang - delta
    head = ["Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran Semula",
            "Bertambah/(Berkurang)", "Anggaran Setelah Perubahan"]
    rows = [[f"APBDes PERUBAHAN DESA {nama.upper()} TAHUN ANGGARAN {tahun}"], head]
    for x in lines:
        sd = "SILPA" if x.rek.startswith("6.1.1") else x.sd
        rows.append([x.rek, x.uraian, x.keg, sd, idr(semula[id(x)], cents=False),
                     idr(x.ang - semula[id(x)], cents=False, paren=True), idr(x.ang, cents=False)])
    name = f"APBDes-P {nama} {tahun}.csv"
    (HERE / name).write_text(_csv(rows), encoding="utf-8")
    _register(reg, name, kode, tahun, lines, "anggaran_perubahan",
              "APBDes Perubahan: Anggaran Semula / Bertambah(Berkurang) / Anggaran Setelah Perubahan columns; "
              "'SILPA' written as sumber dana of the 6.1.1.01 line; quoted '1.250.000' amounts",
              "S3 (APBDes Perubahan layout), S6 (SILPA as sumber dana)")


def utf16_tab(reg: Registry) -> None:
    kode, tahun = "62.02.03.2001", 2024
    lines = budget(dd=1_024_500_000, add=512_000_000, pbk=75_000_000, silpa=9_800_000, real="tahunan")
    head = ["Kode Desa", "Tahun Anggaran", "Tahap", "Kode Rekening", "Uraian", "Kode Kegiatan",
            "Sumber Dana", "Anggaran", "Realisasi"]
    rows = [[kode, tahun, "Realisasi Tahunan", x.rek, x.uraian, x.keg, x.sd, idr(x.ang, cents=False),
             idr(x.real, cents=False)] for x in lines]
    name = "apbdes_tangar_2024.txt"
    (HERE / name).write_bytes(("\ufeff" + _csv([head] + rows, "\t")).encode("utf-16-le"))
    _register(reg, name, kode, tahun, lines, "realisasi_tahunan",
              "Excel 'Unicode Text' save: UTF-16LE with BOM, tab-separated, .txt; tahap written 'Realisasi Tahunan'",
              "S7 (Excel text export), S1")


def opensid_manual(reg: Registry) -> None:
    """OpenSID's keuangan_manual_rinci template filled in: pendapatan/pembiayaan per jenis with the
    name in the code cell, belanja per bidang (Kd_Rincian 5.0.0); unused template rows stay 0."""
    kode, tahun = "62.02.13.2001", 2024
    with open("/work/shared/reference/opensid_keuangan_manual_rinci_tpl.csv", newline="", encoding="utf-8") as f:
        tpl = list(csv.DictReader(f))
    lines = budget(dd=887_400_000, add=415_900_000, pbk=50_000_000, silpa=20_600_000, modal=20_000_000,
                   real="tahunan")
    by_jenis: dict[str, list[Line]] = {}
    for x in lines:
        key = x.rek[:5] if x.group != "belanja" else "bidang " + x.keg[0]
        by_jenis.setdefault(key, []).append(x)
    rows = [["id", "Tahun", "Kd_Akun", "Kd_Keg", "Kd_Rincian", "Nilai_Anggaran", "Nilai_Realisasi"]]
    records: list[Line] = []
    for t in tpl:
        key = ("bidang " + t["Kd_Keg"][9]) if t["Kd_Keg"] else t["Kd_Rincian"][:5]
        group = by_jenis.get(key, [])
        ang = sum((x.ang for x in group), Decimal(0))
        real = sum((x.real for x in group), Decimal(0))
        rows.append([t["id"], tahun, t["Kd_Akun"], t["Kd_Keg"], t["Kd_Rincian"], _plain(ang), _plain(real)])
        if ang:
            first = group[0]
            records.append(Line(first.rek, t["Kd_Rincian"], first.keg, first.sd, ang, real))
    name = "keuangan_manual_rinci_pundu_2024.csv"
    (HERE / name).write_text(_csv(rows), encoding="utf-8")
    reg.add(name, "apbdes", kode, tahun, len(records),
            "OpenSID keuangan manual template (id,Tahun,Kd_Akun,Kd_Keg,Kd_Rincian,Nilai_Anggaran,Nilai_Realisasi): "
            "code and name in one cell ('4.2.1. Dana Desa'), belanja per bidang only (Kd_Keg '00.0000.02 BIDANG …', "
            "Kd_Rincian '5.0.0'), no sumber dana, village only in the file name; zero template rows are not records",
            "S8", tahap="realisasi_tahunan", **apbdes_totals(lines), template_rows=len(tpl),
            rows_note="non-zero template rows; the other template rows hold 0/0")


def kecamatan_collection(reg: Registry) -> None:
    tahun = 2023
    desa = {"62.02.16.2001": (865_000_000, 398_700_000), "62.02.16.2002": (901_250_000, 410_300_000),
            "62.02.16.2003": (882_600_000, 405_450_000)}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append([f"REKAPITULASI REALISASI APBDES SE-KECAMATAN TUALAN HULU TAHUN ANGGARAN {tahun}"])
    ws.merge_cells("A1:H1")
    ws.append(["(dihimpun Kecamatan dari laporan desa)"])
    ws.append([])
    ws.append(["No", "Desa", "Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran", "Realisasi"])
    per_desa, all_lines = {}, []
    for n, (kode, (dd, add)) in enumerate(desa.items(), 1):
        nama, _ = village(kode)
        lines = budget(dd=dd, add=add, silpa=10_000_000 * n, real="tahunan")
        for i, x in enumerate(lines, 1):
            ws.append([f"{n}.{i}", nama, x.rek, x.uraian, x.keg or None, x.sd, int(x.ang), int(x.real)])
        ws.append([None, None, None, f"Jumlah Desa {nama}", None, None,
                   int(sum(x.ang for x in lines)), int(sum(x.real for x in lines))])
        per_desa[kode] = {"rows": len(lines), **apbdes_totals(lines)}
        all_lines += lines
    name = f"Rekap APBDes Kecamatan Tualan Hulu {tahun}.xlsx"
    save_workbook(wb, name)
    reg.add(name, "apbdes", list(desa), tahun, len(all_lines),
            "kecamatan-collected workbook: several desa in one sheet, a 'Desa' column with names, local numbers "
            "'1.1', a 'Jumlah Desa …' row after each desa, no kode desa", "S9 (kecamatan rekap), S1",
            tahap="realisasi_tahunan", **apbdes_totals(all_lines), per_desa=per_desa)


# --------------------------------------------------------------------------- XLSX shapes

def save_workbook(wb, name: str, cached=None) -> None:
    from _common import save_xlsx
    save_xlsx(wb, HERE / name, cached)


def lampiran_split_code(reg: Registry) -> None:
    """Lampiran-style report: KODE REKENING over 4 sub-columns, ANGGARAN over (Rp), numbering row,
    heading repeated after a page break, notes, 'Mengetahui, Kepala Desa …'."""
    kode, tahun = "62.02.16.2011", 2024
    nama, kec = village(kode)
    lines = budget(dd=948_300_000, add=455_700_000, pbk=55_000_000, silpa=27_300_000, modal=35_000_000,
                   real="tahunan")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "LRA"
    titles = ["LAPORAN REALISASI PELAKSANAAN ANGGARAN PENDAPATAN DAN BELANJA DESA",
              f"PEMERINTAH DESA {nama.upper()}", f"KECAMATAN {kec.upper()} KABUPATEN KOTAWARINGIN TIMUR",
              f"TAHUN ANGGARAN {tahun}"]
    for r, text in enumerate(titles, 1):
        ws.cell(r, 1, text).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)

    def heading(r: int) -> None:
        ws.cell(r, 1, "KODE REKENING")
        ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=4)
        ws.cell(r, 5, "URAIAN")
        ws.merge_cells(start_row=r, start_column=5, end_row=r + 1, end_column=5)
        for c, (top, bottom) in enumerate([("ANGGARAN", "(Rp)"), ("REALISASI", "(Rp)"),
                                           ("LEBIH/(KURANG)", "(Rp)")], 6):
            ws.cell(r, c, top)
            ws.cell(r + 1, c, bottom)
        ws.cell(r, 9, "SUMBER DANA")
        ws.merge_cells(start_row=r, start_column=9, end_row=r + 1, end_column=9)
        ws.cell(r + 2, 1, 1)
        ws.merge_cells(start_row=r + 2, start_column=1, end_row=r + 2, end_column=4)
        for c in range(5, 10):
            ws.cell(r + 2, c, c - 3)

    heading(6)
    r = 9
    for n, item in enumerate(_report_rows(lines)):
        if n == 20:  # page 2 starts: the printed heading comes again
            r += 1
            heading(r)
            r += 3
        if item[0] == "head":
            parts = item[1].split(".")
            for c, p in enumerate(parts, 1):
                ws.cell(r, c, p)
            ws.cell(r, 5, item[2]).font = Font(bold=True)
        elif item[0] == "line":
            x = item[1]
            for c, p in enumerate(x.rek.split("."), 1):
                ws.cell(r, c, p)
            ws.cell(r, 5, x.uraian)
            ws.cell(r, 6, int(x.ang))
            ws.cell(r, 7, int(x.real))
            ws.cell(r, 8, int(x.real - x.ang))
            ws.cell(r, 9, x.sd)
        else:
            a, b = _total(lines, item[2], "ang"), _total(lines, item[2], "real")
            ws.cell(r, 5, item[1]).font = Font(bold=True)
            ws.cell(r, 6, int(a))
            ws.cell(r, 7, int(b))
            ws.cell(r, 8, int(b - a))
        for c in (6, 7, 8):
            ws.cell(r, c).number_format = "#,##0.00;(#,##0.00)"
        r += 1
    notes = ["Catatan:", "1. Realisasi berdasarkan Buku Kas Umum per 31 Desember 2024.",
             "2. Sisa Dana Desa disetor kembali sesuai ketentuan."]
    for i, text in enumerate(notes):
        ws.cell(r + 1 + i, 5, text)
    r += 6
    for i, text in enumerate([f"{nama}, 10 Januari {tahun + 1}", "Mengetahui,", f"Kepala Desa {nama}",
                              "", "", "YULIANUS DARMA"]):
        ws.cell(r + i, 7, text or None)
    name = f"Laporan Realisasi APBDes {tahun} - {nama}.xlsx"
    save_workbook(wb, name)
    _register(reg, name, kode, tahun, lines, "realisasi_tahunan",
              "Lampiran-style XLSX: KODE REKENING merged over 4 code-part columns (4 | 2 | 1 | 01), ANGGARAN over '(Rp)', "
              "column-number row '1 2 3 4 5 6', heading repeated at the page break, JUMLAH PENDAPATAN/BELANJA/PEMBIAYAAN rows, "
              "notes under the table, 'Mengetahui, Kepala Desa' signature", "S3, S10 (OpenDK ref_coa parts)")


def semester_spaced_codes(reg: Registry) -> None:
    kode, tahun = "62.02.02.2005", 2025
    nama, kec = village(kode)
    lines = budget(dd=866_600_000, add=389_400_000, silpa=14_100_000, real="semester")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Semester I"
    ws.append(["LAPORAN REALISASI PELAKSANAAN APB DESA SEMESTER PERTAMA"])
    ws.append([f"DESA {nama.upper()} KECAMATAN {kec.upper()}"])
    ws.append([f"TAHUN ANGGARAN {tahun}"])
    ws.append([])
    ws.append(["KODE", "URAIAN", "ANGGARAN", "REALISASI SEMESTER I", "SISA ANGGARAN", "%", "SUMBER DANA"])
    for item in _report_rows(lines):
        if item[0] == "head":
            ws.append([spaced(item[1]), item[2]])
        elif item[0] == "line":
            x = item[1]
            pct = f"{(x.real / x.ang * 100):.1f}%".replace(".", ",")
            ws.append([spaced(x.rek), x.uraian, int(x.ang), int(x.real), int(x.ang - x.real), pct, SD_LONG[x.sd]])
        else:
            a, b = _total(lines, item[2], "ang"), _total(lines, item[2], "real")
            ws.append([None, item[1], int(a), int(b), int(a - b)])
    ws.append([])
    ws.append([None, None, None, f"{nama}, 14 Juli {tahun}"])
    ws.append([None, None, None, "Kepala Desa,"])
    ws.append([])
    ws.append([None, None, None, "RAHMAT HIDAYAT"])
    name = f"Realisasi Semester I {tahun} Desa {nama}.xlsx"
    save_workbook(wb, name)
    _register(reg, name, kode, tahun, lines, "realisasi_semester_1",
              "semester report: codes written with spaces in one cell ('4 2 1 01', kegiatan '2 3 10'), % column '45,0%', "
              "SISA ANGGARAN column, sumber dana written as names ('Dana Desa', 'Alokasi Dana Desa')",
              "S3 (Lampiran code columns), S11 (siskeudes-mobile Realisasi Semester I)")


def penjabaran_detail(reg: Registry) -> None:
    """sideka-electron style: Kode Rekening | Uraian | Detail | Anggaran | Keterangan (sumber dana
    names); objek lines carry the amount, uncoded ' - …' detail lines beneath it add up to it."""
    kode, tahun = "62.02.09.2001", 2025
    nama, _ = village(kode)
    lines = budget(dd=1_002_300_000, add=478_600_000, pbk=40_000_000, silpa=16_700_000)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Penjabaran"
    ws.append([f"PENJABARAN APBDES {nama.upper()} TA {tahun}"])
    ws.append(["Kode Rekening", "Uraian", "Detail", "Anggaran", "Keterangan"])
    current = None
    for x in lines:
        if x.keg and x.keg != current:
            current = x.keg
            ws.append([x.keg, activity(x.keg)])
        ws.append([x.rek, x.uraian, None, int(x.ang), SD_NAMES[x.sd]])
        if x.rek == "5.1.2.01":  # detail lines: volume x price, uncoded
            parts = [int(x.ang) * 3 // 5 // 1000 * 1000]
            parts.append(int(x.ang) - parts[0])
            ws.append([None, None, " - Sekretaris dan Kaur/Kasi 12 bulan", parts[0], None])
            ws.append([None, None, " - Kepala Dusun 12 bulan", parts[1], None])
        if x.rek == "5.1.1.01":
            ws.append([None, None, "\u00a0- Kepala Desa 12 bulan", int(x.ang), None])
    name = f"penjabaran_apbdes_{nama.lower().replace(' ', '_')}_{tahun}.xlsx"
    save_workbook(wb, name)
    _register(reg, name, kode, tahun, lines, "anggaran",
              "penjabaran with uncoded detail lines (' - Kepala Desa 12 bulan', NBSP) under an objek, kegiatan heading rows, "
              "sumber dana as sideka names in Keterangan (DD-style 'Dana Desa', 'PADesa', 'Bankab', 'BHPR')",
              "S12 (ghk/sideka-electron apbdes-sample.xlsx)")


def per_sumber_dana(reg: Registry) -> None:
    """Matrix: one row per (rekening, kegiatan), one amount column per sumber dana."""
    kode, tahun = "62.02.11.2002", 2025
    nama, _ = village(kode)
    base = budget(dd=845_900_000, add=392_100_000, silpa=11_500_000)
    # some belanja lines are co-financed: split the amount over two sources
    lines: list[Line] = []
    for x in base:
        if x.rek in ("5.3.5.03", "5.2.1.06") and x.keg in ("2.3.10", "1.4.01"):
            part = x.ang // 4 // 100_000 * 100_000
            other = "ADD" if x.sd == "DDS" else "PAD"
            lines += [Line(x.rek, x.uraian, x.keg, x.sd, x.ang - part), Line(x.rek, x.uraian, x.keg, other, part)]
        else:
            lines.append(x)
    check_budget(lines)
    cols = ["DDS", "ADD", "PAD", "PBH", "PBK", "DLL"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "APBDes per SD"
    ws.append([f"APBDES DESA {nama.upper()} TAHUN ANGGARAN {tahun} MENURUT SUMBER DANA"])
    ws.append(["Kode Rekening", "Uraian", "Kode Kegiatan", "SUMBER DANA"] + [None] * 5 + ["Jumlah"])
    ws.merge_cells("D2:I2")
    ws.append([None, None, None] + cols + [None])
    for c in ("A", "B", "C", "J"):
        ws.merge_cells(f"{c}2:{c}3")
    grouped: dict[tuple, dict[str, Decimal]] = {}
    names = {}
    for x in lines:
        grouped.setdefault((x.rek, x.keg), {})[x.sd] = x.ang
        names[(x.rek, x.keg)] = x.uraian
    for (rek, keg), amounts in grouped.items():
        ws.append([rek, names[(rek, keg)], keg or None] + [int(amounts[c]) if c in amounts else None for c in cols]
                  + [int(sum(amounts.values()))])
    name = f"APBDes per Sumber Dana {nama} {tahun}.xlsx"
    save_workbook(wb, name)
    _register(reg, name, kode, tahun, lines, "anggaran",
              "matrix layout: one row per rekening x kegiatan, 'SUMBER DANA' merged over one amount column per code "
              "(DDS ADD PAD …), a Jumlah column; a co-financed row gives one record per non-empty source cell",
              "S13 (Siskeudes APBDes per sumber dana), S2", rows_note="records = non-empty sumber dana cells")


def siskeudes_style_flat(reg: Registry) -> None:
    kode, tahun = "62.02.04.2001", 2024
    nama, kec = village(kode)
    lines = budget(dd=978_800_000, add=468_200_000, pbk=65_000_000, silpa=22_200_000, modal=50_000_000,
                   real="tahunan")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append([f"DATA APBDES DESA {nama.upper()} KEC. {kec.upper()}"])
    ws.append([f"Tahun {tahun}", None, None, None, None, "Tahap: Realisasi s.d. Desember"])
    ws.append(["Kd_Rincian", "Uraian", "Kd_Keg", "Sumber Dana", "Anggaran", "Realisasi"])
    for x in lines:
        keg = "00.00.00." if not x.keg else dotted_keg(x.keg)
        ws.append([dotted(x.rek), x.uraian, keg, x.sd, float(x.ang), float(x.real)])
        ws.cell(ws.max_row, 5).number_format = ws.cell(ws.max_row, 6).number_format = "#,##0.00"
    name = f"data_apbdes_{nama.lower()}_{tahun}.xlsx"
    save_workbook(wb, name)
    _register(reg, name, kode, tahun, lines, "realisasi_tahunan",
              "flat XLSX with Siskeudes column names and code styles: Kd_Rincian '4.2.1.01.', Kd_Keg '02.03.10.' and "
              "'00.00.00.' for pendapatan/pembiayaan, amounts as numbers with '#,##0.00' format, stage in a title cell",
              "S2 (Siskeudes Ta_RABRinci/Ta_Anggaran code forms)")


def dotted_keg(keg: str) -> str:
    from _common import siskeudes_keg
    return siskeudes_keg(keg)


def opendk_upload(reg: Registry) -> None:
    kode, tahun = "62.02.15.2001", 2024
    nama, _ = village(kode)
    lines = budget(dd=1_085_000_000, add=522_400_000, pad=0, pbh=35_000_000, silpa=8_600_000)
    lines = [x for x in lines if x.ang]
    # OpenDK keeps one amount per no_akun: merge belanja lines of the same objek
    merged: dict[str, Line] = {}
    for x in lines:
        if x.rek in merged:
            merged[x.rek].ang += x.ang
        else:
            merged[x.rek] = Line(x.rek, x.uraian, x.keg, x.sd, x.ang)
    records = list(merged.values())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "APBDES"
    ws.append(["no_akun", "nama_akun", "jumlah"])
    for x in records:
        ws.append([opendk(x.rek), x.uraian, int(x.ang)])
    name = f"Format_Upload_APBDes_{nama.replace(' ', '_')}_{tahun}.xlsx"
    save_workbook(wb, name)
    check_budget(records)
    reg.add(name, "apbdes", kode, tahun, len(records),
            "OpenDK APBDes upload template (sheet APBDES: no_akun '421-01', nama_akun, jumlah): village and year only in "
            "the file name, no kegiatan, no sumber dana, one amount per objek", "S14 (OpenDK Format_Upload_APBDes.xlsx, ImporAPBDesa)",
            tahap="anggaran", **apbdes_totals(records))


def many_sheets(reg: Registry) -> None:
    """A village's APBDes workbook: cover, Perdes text, Lampiran I summary, Lampiran II detail
    (report-shaped with local numbering), RKPDes (kegiatan), signature sheet."""
    from _kegiatan import rkpdes_sheet
    kode, tahun = "62.02.04.2002", 2024
    nama, kec = village(kode)
    lines = budget(dd=912_700_000, add=436_300_000, pbk=30_000_000, silpa=19_900_000, modal=15_000_000)
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    for text in ["ANGGARAN PENDAPATAN DAN BELANJA DESA", f"DESA {nama.upper()}", f"KECAMATAN {kec.upper()}",
                 "KABUPATEN KOTAWARINGIN TIMUR", f"TAHUN ANGGARAN {tahun}"]:
        cover.append([text])
    perdes = wb.create_sheet("Perdes")
    perdes.append([f"PERATURAN DESA {nama.upper()} NOMOR 3 TAHUN {tahun - 1}"])
    perdes.append([f"TENTANG ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN {tahun}"])
    perdes.append(["Pasal 1: APBDes terdiri dari Pendapatan, Belanja dan Pembiayaan Desa."])
    summary = wb.create_sheet("Lamp I")
    summary.append([f"RINGKASAN APBDES {nama.upper()} TA {tahun}"])
    summary.append(["NO", "URAIAN", "ANGGARAN (Rp)"])
    s = {g: sum((x.ang for x in lines if x.group == g), Decimal(0)) for g in
         ("pendapatan", "belanja", "pembiayaan_penerimaan", "pembiayaan_pengeluaran")}
    for row in [("1", "PENDAPATAN", None), ("1.1", "Pendapatan Asli Desa", sum(x.ang for x in lines if x.rek.startswith("4.1"))),
                ("1.2", "Pendapatan Transfer", sum(x.ang for x in lines if x.rek.startswith("4.2"))),
                (None, "JUMLAH PENDAPATAN", s["pendapatan"]), ("2", "BELANJA", None)]:
        summary.append([row[0], row[1], None if row[2] is None else int(row[2])])
    for b, title in [("1", "Bidang Penyelenggaraan Pemerintahan Desa"), ("2", "Bidang Pelaksanaan Pembangunan Desa"),
                     ("3", "Bidang Pembinaan Kemasyarakatan"), ("4", "Bidang Pemberdayaan Masyarakat"),
                     ("5", "Bidang Penanggulangan Bencana, Darurat dan Mendesak Desa")]:
        summary.append([f"2.{b}", title, int(sum(x.ang for x in lines if x.keg.startswith(b + ".")))])
    summary.append([None, "JUMLAH BELANJA", int(s["belanja"])])
    summary.append([None, "SURPLUS/(DEFISIT)", int(s["pendapatan"] - s["belanja"])])
    summary.append(["3", "PEMBIAYAAN", None])
    summary.append(["3.1", "Penerimaan Pembiayaan", int(s["pembiayaan_penerimaan"])])
    summary.append(["3.2", "Pengeluaran Pembiayaan", int(s["pembiayaan_pengeluaran"])])
    summary.append([None, "PEMBIAYAAN NETTO", int(s["pembiayaan_penerimaan"] - s["pembiayaan_pengeluaran"])])
    detail = wb.create_sheet("Lamp II")
    detail.append([f"LAMPIRAN II PERATURAN DESA {nama.upper()} NOMOR 3 TAHUN {tahun - 1}"])
    detail.append([f"APBDES TAHUN ANGGARAN {tahun}"])
    detail.append(["NO", "KODE REKENING", "URAIAN", "ANGGARAN (Rp)", "SUMBER DANA"])
    local = {"4": "I", "5": "II", "6": "III", "6.1": "A", "6.2": "B"}
    n_line = 0
    for item in _report_rows(lines):
        if item[0] == "head":
            number = local.get(item[1], chr(ord("a") + n_line % 26) + ".")
            detail.append([number, item[1], item[2]])
            n_line = 0 if item[1] in local else n_line
        elif item[0] == "line":
            n_line += 1
            x = item[1]
            detail.append([f"{n_line})", x.rek, x.uraian, int(x.ang), x.sd])
        else:
            detail.append([None, None, item[1], int(_total(lines, item[2], "ang"))])
    rkp = wb.create_sheet("RKPDes")
    kegiatan = rkpdes_sheet(rkp, nama, tahun)
    ttd = wb.create_sheet("TTD")
    ttd.append([f"Ditetapkan di {nama}, 28 Desember {tahun - 1}"])
    ttd.append([f"Kepala Desa {nama}"])
    ttd.append(["SAMUEL TINGANG"])
    name = f"APBDes {tahun} Desa {nama}.xlsx"
    save_workbook(wb, name)
    check_budget(lines)
    reg.slices.add(("kegiatan", kode, tahun))
    reg.add(name, "apbdes", kode, tahun, len(lines),
            "village APBDes workbook with 7 sheets (Cover, Perdes, Lamp I summary, Lamp II detail, RKPDes, TTD): "
            "Lamp II report-shaped with local numbers (I, a., 1)) beside the codes and JUMLAH rows; RKPDes sheet is kegiatan",
            "S3, S15 (RKPDes form)", tahap="anggaran", **apbdes_totals(lines),
            sheets=[{"sheet": "Lamp II", "type": "apbdes", "rows": len(lines), "tahap": "anggaran", **apbdes_totals(lines)},
                    {"sheet": "RKPDes", "type": "kegiatan", "rows": kegiatan["rows"], "anggaran": kegiatan["anggaran"]}],
            summary_sheets=["Lamp I"])


def build(reg: Registry) -> None:
    for step in (flat_empty_kegiatan, bom_semicolon_rp, report_csv_signature, no_stage_word, perubahan_silpa,
                 utf16_tab, opensid_manual, kecamatan_collection, lampiran_split_code, semester_spaced_codes,
                 penjabaran_detail, per_sumber_dana, siskeudes_style_flat, opendk_upload, many_sheets):
        step(reg)
