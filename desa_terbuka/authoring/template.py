"""A pre-filled XLSX template per village and record type (``desa template``).

The "Data" sheet carries the village and year in its title rows (``desa check`` reads them from
there, so operators never type the kode desa), one heading row with the schema's field names, and
drop-down lists (data validation) for every coded column, fed by the "Referensi" sheet built from
the reference tables and the schema's allowed values. "Petunjuk" explains each column in Bahasa
Indonesia. A template filled in with values from its lists passes ``desa check``.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desa_terbuka.core.definitions import DatasetDefinition, definitions
from desa_terbuka.core.reference import Village, accounts, activities, villages

DATA_ROWS = 500  # rows covered by the drop-down lists
TITLE_ROWS = 4  # the heading row is row TITLE_ROWS + 1
# Columns filled from the title rows rather than typed on every line.
FROM_TITLE = {"kode_desa", "tahun_anggaran", "tahun"}
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")


class TemplateError(ValueError):
    """An unknown village or record type; the message is for the operator."""


def reference_lists(definition: DatasetDefinition) -> dict[str, list[tuple[str, str]]]:
    """Field -> [(value, label)] for every field with a closed list of values."""
    lists: dict[str, list[tuple[str, str]]] = {}
    for f in definition.input_fields:
        if "enum" in f.constraints:
            lists[f.name] = [(v, "") for v in f.constraints["enum"]]
    if "kode_rekening" in definition.field_names:
        lists["kode_rekening"] = [(a.kode, a.uraian) for a in accounts().values()
                                  if a.level == 4 and "-" not in a.kode]
    if "kode_kegiatan" in definition.field_names:
        found = [(a.kode, a.uraian) for a in activities().values() if a.level == "kegiatan"]
        if definition.record_type == "apbdes":
            found.insert(0, ("0.0.00", "Bukan kegiatan (pendapatan/pembiayaan)"))
        lists["kode_kegiatan"] = found
    return lists


def build_template(kode_desa: str, record_type: str, tahun: int | None, out: Path) -> Path:
    village = villages().get(kode_desa)
    if village is None:
        raise TemplateError(f"kode desa '{kode_desa}' tidak ada dalam daftar desa (contoh: 62.02.16.2003)")
    if record_type not in definitions():
        raise TemplateError(f"jenis data '{record_type}' tidak dikenal: {', '.join(definitions())}")
    definition = definitions()[record_type]
    workbook = Workbook()
    data = workbook.active
    data.title = "Data"
    fields = [f for f in definition.input_fields if f.name not in FROM_TITLE]
    _titles(data, definition, village, tahun)
    header_row = TITLE_ROWS + 1
    for col, f in enumerate(fields, start=1):
        cell = data.cell(header_row, col, f.name)
        cell.font, cell.fill = Font(bold=True), HEAD_FILL
        data.column_dimensions[get_column_letter(col)].width = max(14, min(40, len(f.title) + 4))
    data.freeze_panes = data.cell(header_row + 1, 1)
    _lists(workbook, data, definition, fields, header_row)
    _instructions(workbook, definition, fields, village, tahun)
    out.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(out)
    return out


def _titles(sheet, definition: DatasetDefinition, village: Village, tahun: int | None) -> None:
    kind = {"apbdes": "APBDES", "kegiatan": "DAFTAR KEGIATAN", "musyawarah": "MUSYAWARAH DESA"}
    sheet["A1"] = f"{kind.get(definition.record_type, definition.record_type.upper())} " \
                  f"{village.jenis_label.upper()} {village.nama_desa.upper()} " \
                  f"KECAMATAN {village.nama_kecamatan.upper()}"
    sheet["A2"] = f"Kode desa: {village.kode_desa}"
    if tahun is not None:
        sheet["A3"] = f"TAHUN ANGGARAN {tahun}"
    sheet["A4"] = "Isi tabel mulai baris 6. Jangan ubah judul dan baris judul kolom (lihat lembar Petunjuk)."
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A4"].font = Font(italic=True, color="808080")


def _lists(workbook, data, definition, fields, header_row: int) -> None:
    lists = reference_lists(definition)
    reference = workbook.create_sheet("Referensi")
    col = 1
    for f in fields:
        if f.name not in lists:
            continue
        values = lists[f.name]
        letter, label_letter = get_column_letter(col), get_column_letter(col + 1)
        reference.cell(1, col, f"Pilihan {f.title}").font = Font(bold=True)
        reference.cell(1, col + 1, "Keterangan pilihan").font = Font(bold=True)
        for i, (value, label) in enumerate(values, start=2):
            reference.cell(i, col, value)
            reference.cell(i, col + 1, label)
        reference.column_dimensions[letter].width = 18
        reference.column_dimensions[label_letter].width = 50
        source = f"=Referensi!${letter}$2:${letter}${len(values) + 1}"
        # Codes "90-99" ("lain-lain") are valid but not listed: a warning, not a refusal.
        style = "warning" if f.name == "kode_rekening" else "stop"
        validation = DataValidation(type="list", formula1=source, allow_blank=True,
                                    errorStyle=style, showErrorMessage=True,
                                    errorTitle="Nilai tidak ada di daftar",
                                    error=f"Pilih {f.title} dari daftar (lembar Referensi).",
                                    promptTitle=f.title, prompt="Pilih dari daftar.",
                                    showInputMessage=True)
        target = get_column_letter(fields.index(f) + 1)
        validation.add(f"{target}{header_row + 1}:{target}{header_row + DATA_ROWS}")
        data.add_data_validation(validation)
        col += 3


def _instructions(workbook, definition, fields, village: Village, tahun: int | None) -> None:
    sheet = workbook.create_sheet("Petunjuk")
    lines = [
        f"Petunjuk pengisian: {definition.record_type} {village.jenis_label} {village.nama_desa} "
        f"({village.kode_desa})" + (f", tahun {tahun}" if tahun else ""),
        "",
        "1. Isi lembar 'Data' mulai baris 6, satu baris per rincian. Jangan menyisipkan baris jumlah.",
        "2. Kode desa dan tahun diambil dari judul lembar Data; jangan dihapus.",
        "3. Kolom berwarna dengan daftar pilihan: pilih dari daftar (lihat lembar Referensi).",
        "4. Angka rupiah ditulis tanpa 'Rp', mis. 1500000 atau 1.500.000. Tanggal: 15/03/2024.",
        "5. Periksa berkas dengan 'desa check NAMA_BERKAS.xlsx' sebelum dikirim.",
        "",
        "Kolom | Wajib | Keterangan",
    ]
    for f in fields:
        wajib = "wajib" if f.required else "boleh kosong"
        lines.append(f"{f.name} | {wajib} | {f.title}: {f.description}".rstrip(": "))
    for row, text in enumerate(lines, start=1):
        sheet.cell(row, 1, text).alignment = Alignment(wrap_text=False)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 120
