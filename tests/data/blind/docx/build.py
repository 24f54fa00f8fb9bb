"""Builds the Word fixtures of tests/unit/test_docx_tables.py (see SOURCES.md) with the standard
library only: WordprocessingML written by hand into a ZIP, as Word lays it out. All names and
numbers are invented. Run: python tests/data/blind/docx/build.py"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.header+xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/header" Target="header1.xml"/></Relationships>')


def run(text: str) -> str:
    """Runs of text: a tab is w:tab, a newline w:br, as Word writes them."""
    out = []
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append("<w:r><w:br/></w:r>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:r><w:tab/></w:r>")
            if piece:
                out.append(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def p(text: str = "", extra: str = "") -> str:
    return f"<w:p>{run(text)}{extra}</w:p>"


def field(instruction: str, shown: str) -> str:
    """A complex field (a date Word fills in): begin, instruction, separate, result, end."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            f'{escape(instruction)}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{escape(shown)}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def tc(text: str = "", span: int = 1, vmerge: str | None = None) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else "")
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def plain(*values) -> str:
    return tr(*(tc(str(v) if v is not None else "") for v in values))


def docx(name: str, body: str, header: list[str]) -> None:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" '
                f'xmlns:r="{R}"><w:body>{body}<w:sectPr><w:headerReference w:type="default" '
                f'r:id="rIdH1"/></w:sectPr></w:body></w:document>')
    hdr = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W}">'
           f'{"".join(p(line) for line in header)}</w:hdr>')
    with zipfile.ZipFile(HERE / name, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, xml in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
                          ("word/_rels/document.xml.rels", DOCUMENT_RELS), ("word/document.xml", document),
                          ("word/header1.xml", hdr)):
            info = zipfile.ZipInfo(part, (2025, 1, 1, 0, 0, 0))  # a fixed time: rebuilt alike
            archive.writestr(info, xml, zipfile.ZIP_DEFLATED)


def kop(desa: str, kecamatan: str) -> list[str]:
    return ["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR", f"KECAMATAN {kecamatan}", f"DESA {desa}", ""]


def berita_acara() -> None:
    """A berita acara musdes written as paragraphs (tabs align the colons), a daftar hadir table
    with invented names and a JUMLAH row merged over No | Nama | Unsur, then signatures."""
    lines = [("Hari/Tanggal", None), ("Waktu", "09.00 WIB s.d. selesai"), ("Tempat", "Balai Desa"),
             ("Jenis Musyawarah", "Musdes Penyusunan RKPDes"), ("Pimpinan Musyawarah", "Ketua BPD"),
             ("Jumlah Undangan", "30 orang"), ("Agenda", "Penyepakatan rancangan RKP Desa Tahun 2026"),
             ("Keputusan", "Rancangan RKP Desa disepakati")]
    body = [p("BERITA ACARA"), p("MUSYAWARAH DESA PENYUSUNAN RKP DESA TAHUN 2026"),
            p("DESA SUNGAI HANYA KECAMATAN ANTANG KALANG"), p()]
    for label, value in lines:
        tabs = "\t" if len(label) > 12 else "\t\t"
        if value is None:  # the date as a field Word keeps up to date; its result is what shows
            body.append(p(f"{label}{tabs}: ", field(' DATE \\@ "dddd, d MMMM yyyy" ', "Selasa, 16 September 2025")))
        else:
            body.append(p(f"{label}{tabs}: {value}"))
    body += [p(), p("DAFTAR HADIR"), tbl(
        plain("No", "Nama", "Unsur", "L", "P", "Jumlah"),
        plain(1, "Yohanes Ampun", "BPD", 1, 0, 1),
        plain(2, "Maria Ulin", "Tokoh Perempuan", 0, 1, 1),
        plain(3, "Petrus Dehen", "Tokoh Masyarakat", 1, 0, 1),
        tr(tc("JUMLAH", span=3), tc("2"), tc("1"), tc("3"))),
        p(), p("\tPimpinan Musyawarah,\t\tNotulis,"), p(), p("\tANTON RAHAN\t\tSINTA DEWI")]
    docx("berita_acara_musdes_sungai_hanya_2025.docx", "".join(body), kop("SUNGAI HANYA", "ANTANG KALANG"))


def rekap() -> None:
    """Several meetings in one Word table under its title paragraphs; the heading merged down
    (No, Tanggal, ...) and across (Jumlah Hadir over L | P | Jumlah)."""
    heading = [tr(tc("No", vmerge="restart"), tc("Tanggal", vmerge="restart"),
                  tc("Jenis Musyawarah", vmerge="restart"), tc("Tempat", vmerge="restart"),
                  tc("Jumlah Hadir", span=3)),
               tr(tc(vmerge="continue"), tc(vmerge="continue"), tc(vmerge="continue"),
                  tc(vmerge="continue"), tc("Laki-laki"), tc("Perempuan"), tc("Jumlah"))]
    rows = [plain(1, "13/01/2024", "Musdes Penetapan APBDes", "Balai Desa", 14, 9, 23),
            plain(2, "05/06/2024", "Musdes Khusus BLT-DD", "Balai Desa", 11, 12, 23),
            plain(3, "14/08/2024", "Musdes RKPDes", "Balai Desa", 17, 8, 25)]
    body = [p("REKAPITULASI MUSYAWARAH DESA"), p("DESA BABIRAH KECAMATAN PULAU HANAUT"),
            p("TAHUN 2024"), p(), tbl(*heading, *rows), p(), p("\t\tBabirah, 30 Desember 2024")]
    docx("rekap_musyawarah_babirah_2024.docx", "".join(body), kop("BABIRAH", "PULAU HANAUT"))


def kegiatan() -> None:
    """A kegiatan list as a Word table under its title paragraphs; a location on two lines (w:br)."""
    body = [p("DAFTAR KEGIATAN PEMBANGUNAN DESA"), p("DESA BAJARAU KECAMATAN PARENGGEAN"),
            p("TAHUN ANGGARAN 2024"), p(), tbl(
                plain("No", "Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Anggaran (Rp)",
                      "Sumber Dana"),
                plain(1, "2.3.14", "Pembangunan Drainase Lingkungan", "Dusun I\nRT 03", 180, "m", "98.250.000",
                      "Dana Desa"),
                plain(2, "2.3.10", "Pembangunan Jembatan Kayu Ulin", "Dusun II", 12, "m", "41.000.000",
                      "Dana Desa"),
                plain(3, "2.2.01", "Rehab Posyandu Melati", "Dusun I", 1, "unit", "27.500.000",
                      "Alokasi Dana Desa")),
            p(), p("\t\tBajarau, 2 Januari 2024")]
    docx("daftar_kegiatan_bajarau_2024.docx", "".join(body), kop("BAJARAU", "PARENGGEAN"))


if __name__ == "__main__":
    berita_acara()
    rekap()
    kegiatan()
