"""Word documents (.docx): a document reads as it would pasted into a sheet (a paragraph or a
table row a row, tabs as cells, merges as a workbook's), so a berita acara written as paragraphs
is the form a sheet holds and a table under its title paragraphs a titled table; hostile or old
files are a ReadError with a remedy, never a traceback.

Fixtures: tests/data/blind/docx/ (SOURCES.md, build.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desa_terbuka.collect import base, workbook
from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.docx_tables import read_docx
from desa_terbuka.collect.read import OLE_MAGIC, read_tables
from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).parents[1] / "data" / "blind" / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _docx(tmp_path: Path, body: str, name: str = "doc.docx") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{body}'
                                              "</w:body></w:document>")
    return path


def _rows(path: Path) -> list[list]:
    [table] = read_tables(path)
    return table.rows


def test_runs_tabs_breaks_symbols_and_fields_read_as_word_shows_them(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>Jumlah peserta</w:t></w:r><w:r><w:tab/></w:r><w:r><w:tab/></w:r>'
            '<w:r><w:t>: 35 orang</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Tanggal </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5 Maret 2024</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
            '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r>'
            '<w:del><w:r><w:delText>dihapus</w:delText></w:r></w:del>'
            '<w:ins><w:r><w:t>-ok</w:t></w:r></w:ins></w:p><w:p/>')
    assert _rows(_docx(tmp_path, body)) == [["Jumlah peserta", ":", "35 orang"], ["Tanggal 5 Maret 2024"],
                                            ["2\xb7a\nb-ok"], []]


def test_table_cells_take_their_grid_columns_and_merges(tmp_path: Path) -> None:
    def tc(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    nested = ('<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
              '<w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
              '<w:p><w:r><w:t>z</w:t></w:r></w:p></w:tc>')
    restart, span = '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="2"/>'
    body = ("<w:p><w:r><w:t>JUDUL</w:t></w:r></w:p><w:tbl>"
            f'<w:tr>{tc("Kode", restart)}{tc("Hadir", span)}</w:tr>'
            f'<w:tr>{tc("", "<w:vMerge/>")}{tc("L")}{tc("P")}</w:tr>'
            f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{tc("3")}{tc("4")}</w:tr>'
            f"<w:tr>{nested}</w:tr></w:tbl>")
    [table] = read_tables(_docx(tmp_path, body))
    assert table.rows == [["JUDUL"], ["Kode", "Hadir"], ["Kode", "L", "P"], [None, "3", "4"], ["x y\nz"]]
    assert table.row_numbers == [1, 2, 3, 4, 5] and table.sheet == "Dokumen"
    (said,) = table.findings
    assert said.code == "docx-read" and "Tabel 1 = baris 2–5" in said.message()
    assert "Tabel 1 = baris 2–5" in said.message("en")


def test_a_text_box_is_read_once_before_its_paragraph(tmp_path: Path) -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>PEMERINTAH DESA BAJARAU</w:t></w:r></w:p></w:txbxContent>"
    body = ("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><x>" + box +
            "</x></w:drawing></mc:Choice><mc:Fallback><w:pict><v>" + box + "</v></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r><w:r><w:t>BERITA ACARA</w:t></w:r></w:p>")
    assert _rows(_docx(tmp_path, body)) == [["PEMERINTAH DESA BAJARAU"], ["BERITA ACARA"]]


def test_a_page_header_is_read_as_title_lines_first() -> None:
    [table] = read_tables(DATA / "daftar_kegiatan_bajarau_2024.docx")
    assert table.rows[:3] == [["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR"], ["KECAMATAN PARENGGEAN"],
                              ["DESA BAJARAU"]]
    assert table.rows[4] == ["DAFTAR KEGIATAN PEMBANGUNAN DESA"]


def test_an_old_doc_or_a_broken_docx_is_a_read_error_with_a_remedy(tmp_path: Path) -> None:
    old = tmp_path / "ba.doc"
    old.write_bytes(OLE_MAGIC + b"\0" * 600)
    with pytest.raises(ReadError) as raised:
        read_tables(old)
    assert "simpan sebagai .docx" in raised.value.reason and "save it as .docx" in raised.value.reason.en
    locked = tmp_path / "ba.docx"
    locked.write_bytes(OLE_MAGIC + b"\0" * 600)
    with pytest.raises(ReadError, match="kata sandi"):
        read_tables(locked)
    broken = tmp_path / "cut.docx"
    broken.write_bytes(_docx(tmp_path, "<w:p/>").read_bytes()[:40])
    with pytest.raises(ReadError, match="simpan sebagai .docx"):
        read_tables(broken)
    bad_xml = tmp_path / "bad.docx"
    with zipfile.ZipFile(bad_xml, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(ReadError, match="rusak"):
        read_tables(bad_xml)


def test_the_content_decides_a_word_document_under_another_name(tmp_path: Path) -> None:
    source = (DATA / "daftar_kegiatan_bajarau_2024.docx").read_bytes()
    (tmp_path / "kegiatan.xlsx").write_bytes(source)
    (tmp_path / "kegiatan.doc").write_bytes(source)  # saved as .docx, named .doc
    assert _rows(tmp_path / "kegiatan.xlsx") == _rows(DATA / "daftar_kegiatan_bajarau_2024.docx")
    assert _rows(tmp_path / "kegiatan.doc") == _rows(DATA / "daftar_kegiatan_bajarau_2024.docx")
    rtf = tmp_path / "surat.doc"
    rtf.write_bytes(b"{\\rtf1\\ansi BERITA ACARA}")
    with pytest.raises(ReadError, match="RTF"):
        read_tables(rtf)


def test_hostile_documents_stop_at_the_readers_limits(tmp_path: Path, monkeypatch) -> None:
    rows = "".join("<w:p><w:r><w:t>a</w:t></w:r></w:p>" for _ in range(30))
    monkeypatch.setattr(base, "MAX_ROWS", 20)
    with pytest.raises(ReadError, match="lebih dari 20 baris"):
        read_docx(_docx(tmp_path, rows))
    monkeypatch.setattr(base, "MAX_ROWS", 1000)
    monkeypatch.setattr(base, "MAX_TEXT_CHARS", 100)
    with pytest.raises(ReadError, match="karakter"):
        read_docx(_docx(tmp_path, "<w:p><w:r><w:t>" + "x" * 200 + "</w:t></w:r></w:p>"))
    monkeypatch.setattr(workbook, "MAX_UNZIPPED_BYTES", 1000)
    with pytest.raises(ReadError, match="terlalu besar"):
        read_docx(_docx(tmp_path, rows * 10))
    monkeypatch.setattr(workbook, "MAX_UNZIPPED_BYTES", 10**9)
    wide = '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p/></w:tc>' \
           '<w:tc><w:p><w:r><w:t>far</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    [table] = read_docx(_docx(tmp_path, wide))
    assert "columns-dropped" in {f.code for f in table.findings}


def _read(name: str):
    [part] = check_parts(DATA / name)
    assert part.valid, [f"{f.code} {f.where()}" for f in part.findings if f.level == "error"]
    return part


def test_a_berita_acara_in_paragraphs_is_the_form_a_sheet_holds() -> None:
    part = _read("berita_acara_musdes_sungai_hanya_2025.docx")
    assert part.record_type == "musyawarah" and part.villages == ["62.02.10.2007"] and part.years == [2025]
    [row] = part.rows
    assert (row["tanggal"], row["jenis_musyawarah"], row["jumlah_undangan"]) == ("2025-09-16", "Musdes RKPDes", "30")
    assert (row["hadir_laki_laki"], row["hadir_perempuan"], row["jumlah_hadir"]) == ("2", "1", "3")
    assert [f for f in part.findings if f.level == "warning"] == []
    # the daftar hadir's names are counted, never published nor echoed
    published = " ".join(str(v) for v in row.values())
    reported = " ".join(f.message() + str(f.value) + f.message("en") for f in part.findings)
    for name in ("Yohanes", "Maria Ulin", "Petrus"):
        assert name not in published and name not in reported
    assert "form-table-totals" in {f.code for f in part.findings}


def test_a_rekap_table_with_merged_headings_is_a_list_of_meetings() -> None:
    part = _read("rekap_musyawarah_babirah_2024.docx")
    assert part.record_type == "musyawarah" and part.villages == ["62.02.09.2008"] and part.years == [2024]
    assert [(r["tanggal"], int(r["hadir_laki_laki"]), int(r["hadir_perempuan"]), int(r["jumlah_hadir"]))
            for r in part.rows] == [("2024-01-13", 14, 9, 23), ("2024-06-05", 11, 12, 23), ("2024-08-14", 17, 8, 25)]
    assert [f.code for f in part.findings if f.level != "info"] == []


def test_a_kegiatan_table_under_its_title_paragraphs_is_a_titled_table() -> None:
    part = _read("daftar_kegiatan_bajarau_2024.docx")
    assert part.record_type == "kegiatan" and part.villages == ["62.02.04.2019"] and part.years == [2024]
    assert len(part.rows) == 3 and sum(int(r["anggaran"]) for r in part.rows) == 166_750_000
    assert part.rows[0]["lokasi"] == "Dusun I RT 03"
    # a line of the table is named where the operator finds it in Word
    (said,) = [f for f in part.findings if f.code == "docx-read"]
    assert "Tabel 1 = baris 9–12" in said.message()


def test_a_daftar_hadir_with_phone_numbers_is_held_back(tmp_path: Path) -> None:
    """The personal-data gate reads a Word document's table as a sheet's: a daftar hadir that
    writes each person's mobile number (invented here) blocks the file, the number never echoed."""
    source = DATA / "berita_acara_musdes_sungai_hanya_2025.docx"
    path = tmp_path / "ba_dengan_hp.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8").replace(">Unsur<", ">No. HP<")
                for k, unsur in enumerate(("BPD", "Tokoh Perempuan", "Tokoh Masyarakat")):
                    text = text.replace(f">{unsur}<", f">0812-3456-78{k}0<")
                data = text.encode("utf-8")
            new.writestr(info, data)
    parts = check_parts(path)
    assert not any(p.valid for p in parts)
    found = [f for p in parts for f in p.findings if f.level == "error"]
    assert any("personal" in f.code for f in found), [f.code for f in found]
    assert all("3456" not in f.message() + str(f.value) for p in parts for f in p.findings)
