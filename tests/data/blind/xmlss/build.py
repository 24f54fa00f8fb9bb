"""Build the Excel 2003 XML Spreadsheet (SpreadsheetML) fixtures and their manifest.json.

Standard library only: the XML is written as PHP exporters write it, by string templates.
Run: /work/main/.venv/bin/python build.py   (from this folder). Amounts and names are invented;
villages from reference/kotim_villages.csv, codes and names from reference/*.csv.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent
REF = Path(__file__).resolve().parents[4] / "reference"
VIL = {r["kode_desa"]: r for r in csv.DictReader(open(REF / "kotim_villages.csv", encoding="utf-8"))}
REK: dict[str, str] = {}
for r in csv.DictReader(open(REF / "apbdes_rekening.csv", encoding="utf-8")):
    REK.setdefault(r["kode"], r["uraian"])
KEG = {r["kode"]: r["uraian"] for r in csv.DictReader(open(REF / "bidang_kegiatan.csv", encoding="utf-8"))}

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">\n')
STYLES = """ <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>sistem</Author><Created>2025-01-10T08:15:00Z</Created><Version>12.00</Version>
 </DocumentProperties>
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/><Font ss:FontName="Arial" ss:Size="10"/></Style>
  <Style ss:ID="judul"><Alignment ss:Horizontal="Center"/><Font ss:Bold="1" ss:Size="12"/></Style>
  <Style ss:ID="head"><Alignment ss:Horizontal="Center" ss:WrapText="1"/><Font ss:Bold="1"/><Interior ss:Color="#C0C0C0" ss:Pattern="Solid"/></Style>
  <Style ss:ID="uang"><NumberFormat ss:Format="#,##0"/></Style>
  <Style ss:ID="uangB" ss:Parent="uang"><Font ss:Bold="1"/></Style>
  <Style ss:ID="persen"><NumberFormat ss:Format="Percent"/></Style>
  <Style ss:ID="persen0"><NumberFormat ss:Format="0%"/></Style>
  <Style ss:ID="tgl"><NumberFormat ss:Format="Short Date"/></Style>
 </Styles>
"""
MANIFEST: list[dict] = []


def s(text: str, **attrs: str) -> str:
    """A String cell (attributes: ss:Index, ss:MergeAcross, ss:MergeDown, ss:StyleID)."""
    return f'<Cell{_attrs(attrs)}><Data ss:Type="String">{escape(text)}</Data></Cell>'


def n(value: float, **attrs: str) -> str:
    attrs.setdefault("StyleID", "uang")
    return f'<Cell{_attrs(attrs)}><Data ss:Type="Number">{value}</Data></Cell>'


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' ss:{k}="{v}"' for k, v in attrs.items())


def row(*cells: str, **attrs: str) -> str:
    return f"   <Row{_attrs(attrs)}>{''.join(cells)}</Row>\n"


def sheet(name: str, columns: str, rows: list[str]) -> str:
    return (f' <Worksheet ss:Name="{escape(name)}">\n  <Table x:FullColumns="1" x:FullRows="1">\n'
            f"{columns}{''.join(rows)}  </Table>\n"
            '  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/>'
            "<ProtectObjects>False</ProtectObjects></WorksheetOptions>\n </Worksheet>\n")


def subtotal(leaves: dict[str, tuple[int, int]], code: str, i: int) -> int:
    return sum(v[i] for c, v in leaves.items() if c == code or c.startswith(code + "."))


def section(code: str) -> str:
    return {"6.1": "pembiayaan_penerimaan", "6.2": "pembiayaan_pengeluaran"}.get(
        code[:3], {"4": "pendapatan", "5": "belanja"}.get(code[0], ""))


def apbdes() -> None:
    """LRA realisasi APBDes from a PHP web app's SpreadsheetML view template, named .xls."""
    kode = "62.02.04.2010"
    desa, kec = VIL[kode]["nama_desa"], VIL[kode]["nama_kecamatan"]
    leaves = {"4.1.1.01": (15_000_000, 12_500_000), "4.2.1.01": (812_345_000, 812_345_000),
              "4.2.2.01": (24_600_000, 24_600_000), "4.2.3.01": (456_780_000, 456_780_000),
              "5.1.1.01": (36_000_000, 36_000_000), "5.1.1.02": (9_000_000, 9_000_000),
              "5.1.2.01": (129_600_000, 129_600_000), "5.2.1.01": (12_450_000, 11_987_500),
              "5.2.2.01": (18_600_000, 17_400_000), "5.2.3.01": (22_000_000, 19_750_000),
              "5.3.5.01": (9_500_000, 9_500_000), "5.3.5.02": (0, 0), "5.4.1.01": (10_000_000, 0),
              "6.1.1.01": (31_275_000, 31_275_000), "6.2.2.01": (50_000_000, 50_000_000)}
    pendapatan = subtotal(leaves, "4", 0) + 31_275_000 - 50_000_000
    rest = subtotal(leaves, "5", 0)
    leaves["5.3.5.02"] = (pendapatan - rest, round((pendapatan - rest) * 0.97 / 1000) * 1000)
    codes = sorted({".".join(c.split(".")[:i]) for c in leaves for i in range(1, 5)},
                   key=lambda c: [int(p) for p in c.split(".")])
    body = [row(s("LAPORAN REALISASI PELAKSANAAN ANGGARAN PENDAPATAN DAN BELANJA DESA",
                  MergeAcross="5", StyleID="judul")),
            row(f'<Cell ss:MergeAcross="5" ss:StyleID="judul"><ss:Data ss:Type="String" '
                f'xmlns="http://www.w3.org/TR/REC-html40"><B>PEMERINTAH DESA {desa.upper()}</B>'
                f'<Font html:Color="#000000"> KECAMATAN {kec.upper()}</Font></ss:Data></Cell>'),
            row(s("TAHUN ANGGARAN 2024", MergeAcross="5", StyleID="judul")),
            row(s("KODE REKENING", StyleID="head"), s("URAIAN", StyleID="head"),
                s("ANGGARAN (Rp)", StyleID="head"), s("REALISASI (Rp)", StyleID="head"),
                s("LEBIH/(KURANG) (Rp)", StyleID="head"), s("%", StyleID="head"),
                s("id_rek", StyleID="head"), Index="5"),
            row(*(s(str(i), StyleID="head") for i in (1, 2, 3, 4)), s("5 = 4 - 3", StyleID="head"),
                s("6", StyleID="head"))]
    for number, code in enumerate(codes, 1):
        a, r = subtotal(leaves, code, 0), subtotal(leaves, code, 1)
        style = "uang" if code in leaves else "uangB"
        share = f'<Cell ss:StyleID="persen"><Data ss:Type="Number">{r / a:.4f}</Data></Cell>' if a else ""
        comment = ('<Comment ss:Author="operator"><ss:Data xmlns="http://www.w3.org/TR/REC-html40">'
                   "<B>operator:</B> hibah belum cair</ss:Data></Comment>") if code == "5.4.1.01" else ""
        body.append(row(s(code), s(("    " if code in leaves else "") + REK[code]),
                        n(a, StyleID=style), n(r, StyleID=style),
                        n(r - a, StyleID=style).replace("</Cell>", comment + "</Cell>"),
                        share, n(1000 + number, StyleID="Default", Index="7")))
    p = (subtotal(leaves, "4", 0), subtotal(leaves, "4", 1))
    b = (subtotal(leaves, "5", 0), subtotal(leaves, "5", 1))
    netto = (subtotal(leaves, "6.1", 0) - subtotal(leaves, "6.2", 0),
             subtotal(leaves, "6.1", 1) - subtotal(leaves, "6.2", 1))
    body += [row(s("JUMLAH PENDAPATAN", Index="2"), n(p[0], StyleID="uangB"), n(p[1], StyleID="uangB")),
             row(s("JUMLAH BELANJA", Index="2"), n(b[0], StyleID="uangB"), n(b[1], StyleID="uangB")),
             row(s("SURPLUS / (DEFISIT)", Index="2"), n(p[0] - b[0], StyleID="uangB"),
                 n(p[1] - b[1], StyleID="uangB")),
             row(s("PEMBIAYAAN NETTO", Index="2"), n(netto[0], StyleID="uangB"), n(netto[1], StyleID="uangB")),
             row(s("SISA LEBIH PEMBIAYAAN ANGGARAN (SILPA)", Index="2"),
                 n(p[0] - b[0] + netto[0], StyleID="uangB"), n(p[1] - b[1] + netto[1], StyleID="uangB")),
             row(s(f"{desa}, 31 Desember 2024", Index="4", MergeAcross="1"), Index=str(len(codes) + 13)),
             row(s("Kepala Desa", Index="4", MergeAcross="1")),
             row(s("SUGIANTO WIBISONO", Index="4", MergeAcross="1"), Index=str(len(codes) + 18))]
    columns = ('   <Column ss:Width="80"/><Column ss:Width="260"/>'
               '<Column ss:Width="95" ss:Span="2"/><Column ss:Width="45"/>'
               '<Column ss:Index="7" ss:Hidden="1" ss:AutoFitWidth="0"/>\n')
    text = HEAD + STYLES + sheet("Realisasi APBDes", columns, body) + "</Workbook>\n"
    name = f"Laporan_Realisasi_APBDes_{desa.replace(' ', '_')}_2024.xls"
    (OUT / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    totals = {k: {section(c): subtotal(leaves, c, i) for c in ("4", "5", "6.1", "6.2")}
              for i, k in enumerate(("anggaran", "realisasi"))}
    MANIFEST.append({"file": name, "record_type": "apbdes", "kode_desa": kode, "desa": desa,
                     "tahun": 2024, "tahap": "realisasi", "line_items": len(leaves), **totals,
                     "source": "SpreadsheetML printed by a PHP village web app's 'Export Excel' view "
                               "template, named .xls (format as PHPExcel's Reader/Excel2003XML reads it)",
                     "shape": "merged title rows (MergeAcross, one of rich text), heading at row 5 "
                              "via ss:Index, column-number row, akun tree with subtotals, % as a "
                              "Percent-styled number, hidden id column, a Comment, JUMLAH/SURPLUS/"
                              "NETTO/SILPA rows with ss:Index skipping column A, a signature block "
                              "placed by ss:Index, CRLF line ends"})


def kegiatan() -> None:
    """Daftar kegiatan from a CodeIgniter export library (SpreadsheetML saved as .xml)."""
    kode = "62.02.11.2006"
    desa, kec = VIL[kode]["nama_desa"], VIL[kode]["nama_kecamatan"]
    items = [("1.2.01", "Kantor Desa", 1, "paket", 35_500_000, "2025-03-03", 1.0),
             ("2.2.01", "Polindes RT 03", 12, "bulan", 18_000_000, "2025-01-06", 0.75),
             ("2.2.04", "Balai Desa", 4, "kegiatan", 7_250_000, "2025-02-10", 0.5),
             ("2.3.10", "Jalan Usaha Tani RT 05", 450, "meter", 212_600_000, "2025-06-16", 0.4),
             ("3.3.03", "Lapangan Desa", 1, "kegiatan", 15_000_000, "2025-08-11", 0.0),
             ("4.2.03", "Lumbung Desa", 1, "unit", 48_350_000, "2025-04-21", 0.255)]
    head = ["No", "Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Anggaran (Rp)",
            "Sumber Dana", "Tanggal Mulai", "Progres (%)"]
    body = [row(s("DAFTAR KEGIATAN PEMBANGUNAN DESA", MergeAcross="9", StyleID="judul")),
            row(s(f"DESA {desa.upper()} KECAMATAN {kec.upper()} TAHUN ANGGARAN 2025",
                  MergeAcross="9", StyleID="judul")),
            row(*(s(h, StyleID="head") for h in head), Index="4")]
    for i, (code, lokasi, vol, sat, amount, start, done) in enumerate(items, 1):
        skip = ' ss:Index="9"'
        fund = s("DDS", MergeDown="3") if i == 1 else s("ADD", MergeDown="1") if i == 5 else ""
        body.append(row(f'<Cell><Data ss:Type="Number">{i}</Data></Cell>', s(code), s(KEG[code]),
                        s(lokasi), f'<Cell><Data ss:Type="Number">{vol}</Data></Cell>', s(sat),
                        n(amount), fund,
                        # after a cell a merge covers, Excel writes the next one's ss:Index
                        f'<Cell ss:StyleID="tgl"{"" if fund else skip}>'
                        f'<Data ss:Type="DateTime">{start}T00:00:00.000</Data></Cell>',
                        f'<Cell ss:StyleID="persen0"><Data ss:Type="Number">{done}</Data></Cell>'))
    total = sum(it[4] for it in items)
    body.append(row(s("JUMLAH", MergeAcross="5"), n(total, StyleID="uangB")))
    body.append(row(Index=str(len(items) + 6), Span="20"))
    text = "\ufeff" + HEAD + STYLES + sheet("kegiatan", "", body) + "</Workbook>"
    name = f"export_kegiatan_{desa.lower().replace(' ', '_')}_2025.xml"
    (OUT / name).write_text(text, encoding="utf-8")
    MANIFEST.append({"file": name, "record_type": "kegiatan", "kode_desa": kode, "desa": desa,
                     "tahun": 2025, "line_items": len(items), "anggaran_total": total,
                     "progres_persen": [round(it[6] * 100, 1) for it in items],
                     "source": "SpreadsheetML as CodeIgniter/PHP export helpers (php-excel "
                               "Excel_XML style) write it, saved with an .xml name",
                     "shape": "merged title rows, heading at row 4 via ss:Index, Sumber Dana "
                              "merged down (MergeDown, covered cells not written), progress as a "
                              "'0%'-styled fraction, Tanggal Mulai as DateTime, JUMLAH row merged "
                              "across, a trailing spanned empty row, UTF-8 BOM"})


if __name__ == "__main__":
    apbdes()
    kegiatan()
    (OUT / "manifest.json").write_text(json.dumps(MANIFEST, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
