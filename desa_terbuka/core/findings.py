"""One model for every problem found in a submission.

Schema errors, reference checks, expectations and portal rejections all become a ``Finding``
with a stable ``code`` (kebab-case, never renamed), a severity and a message an operator can act
on, in Bahasa Indonesia with an English twin. Reports, ``desa check --json``, the warehouse and
the quality resources are all views of findings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from typing import Any, Literal

from desa_terbuka.core.text import Lang, text_in

Severity = Literal["error", "warning"]




@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    id: str  # Indonesian template: what is wrong and how to fix it
    en: str


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {r.code: r for r in rules}


RULES: dict[str, Rule] = _rules(
    Rule("file-unreadable", "error",
         "Berkas tidak dapat dibaca ({reason}). Simpan ulang sebagai CSV (UTF-8) atau XLSX lalu kirim lagi.",
         "The file cannot be read ({reason}). Save it again as CSV (UTF-8) or XLSX and resend it."),
    Rule("file-empty", "error",
         "Berkas kosong atau tidak berisi baris data. Isi tabel di bawah baris judul kolom.",
         "The file is empty or holds no data rows. Fill in the table below the header row."),
    Rule("unknown-record-type", "error",
         "Jenis data tidak dikenali dari judul kolom ({headers}). Gunakan judul kolom dari templat "
         "(mis. kode_desa, tahun_anggaran, kode_rekening) atau pilih jenis dengan --type.",
         "Cannot tell the record type from the column headings ({headers}). Use the template's "
         "headings (e.g. kode_desa, tahun_anggaran, kode_rekening) or pass --type."),
    Rule("missing-column", "error",
         "Kolom wajib '{field}' ({title}) tidak ada. Tambahkan kolom ini di baris judul.",
         "Required column '{field}' ({title}) is missing. Add it to the header row."),
    Rule("unknown-column", "warning",
         "Kolom '{value}' tidak dikenal dan diabaikan. Periksa ejaan judul kolom bila kolom ini dimaksudkan.",
         "Column '{value}' is not recognised and is ignored. Check the heading's spelling if it was meant."),
    Rule("duplicate-column", "error",
         "Kolom '{field}' muncul lebih dari sekali (juga di kolom '{value}'). Hapus salah satunya.",
         "Column '{field}' appears more than once (also as '{value}'). Remove one of them."),
    Rule("required-value", "error",
         "Kolom '{field}' wajib diisi.",
         "Column '{field}' must not be empty."),
    Rule("invalid-number", "error",
         "'{value}' bukan angka. Tulis angka rupiah seperti 1.250.000 atau 1250000, tanpa huruf.",
         "'{value}' is not a number. Write amounts like 1.250.000 or 1250000, without letters."),
    Rule("ambiguous-number", "error",
         "Angka '{value}' bisa dibaca dua cara ({reason}). Tulis dengan titik sebagai pemisah ribuan "
         "dan koma untuk desimal, mis. 1.234.567,50.",
         "The number '{value}' can be read two ways ({reason}). Use dots for thousands and a comma "
         "for decimals, e.g. 1.234.567,50."),
    Rule("invalid-integer", "error",
         "'{value}' harus bilangan bulat (tanpa desimal), mis. 25.",
         "'{value}' must be a whole number, e.g. 25."),
    Rule("invalid-date", "error",
         "Tanggal '{value}' tidak valid ({reason}). Tulis seperti 15/03/2024 atau 2024-03-15.",
         "The date '{value}' is not valid ({reason}). Write it like 15/03/2024 or 2024-03-15."),
    Rule("invalid-code", "error",
         "Kode '{value}' pada kolom '{field}' tidak sesuai format (contoh: {example}).",
         "Code '{value}' in column '{field}' has the wrong format (example: {example})."),
    Rule("not-in-list", "error",
         "Nilai '{value}' pada kolom '{field}' tidak termasuk pilihan yang sah: {allowed}.",
         "Value '{value}' in column '{field}' is not one of the allowed values: {allowed}."),
    Rule("out-of-range", "error",
         "Nilai '{value}' pada kolom '{field}' di luar batas ({reason}).",
         "Value '{value}' in column '{field}' is out of range ({reason})."),
    Rule("too-long", "error",
         "Isi kolom '{field}' terlalu panjang ({reason}). Persingkat teksnya.",
         "The text in column '{field}' is too long ({reason}). Shorten it."),
    Rule("invalid-value", "error",
         "Nilai '{value}' pada kolom '{field}' tidak sah ({reason}).",
         "Value '{value}' in column '{field}' is not valid ({reason})."),
    Rule("duplicate-row", "error",
         "Baris ini sama kuncinya dengan baris {reason} ({field}). Gabungkan atau bedakan uraiannya.",
         "This row has the same key as row {reason} ({field}). Merge the rows or tell them apart."),
    Rule("unknown-village", "error",
         "Kode desa '{value}' tidak ada dalam daftar desa Kemendagri kabupaten ini. Periksa kode desa.",
         "Village code '{value}' is not in the Kemendagri list for this district. Check the code."),
    Rule("unknown-account", "error",
         "Kode rekening '{value}' tidak ada dalam bagan akun Permendagri 20/2018. Periksa kodenya.",
         "Account code '{value}' is not in the Permendagri 20/2018 chart of accounts. Check the code."),
    Rule("unknown-activity", "error",
         "Kode kegiatan '{value}' tidak ada dalam daftar kegiatan Permendagri 20/2018. Periksa kodenya.",
         "Activity code '{value}' is not in the Permendagri 20/2018 list of activities. Check the code."),
    Rule("activity-mismatch", "error",
         "Baris {reason} harus memakai kode kegiatan {example}, bukan '{value}'.",
         "A {reason} line must use activity code {example}, not '{value}'."),
    Rule("schema-error", "error",
         "Pemeriksaan skema gagal: {reason}.",
         "Schema check failed: {reason}."),
    Rule("formula-no-value", "error",
         "Sel ini berisi rumus ({reason}) tanpa hasil tersimpan, jadi nilainya tidak terbaca. Buka "
         "berkas di Excel atau LibreOffice, simpan ulang (agar hasil rumus ikut tersimpan), lalu kirim lagi.",
         "This cell holds a formula ({reason}) with no stored result, so its value cannot be read. "
         "Open the file in Excel or LibreOffice, save it again (so formula results are stored) and resend it."),
    Rule("subtotal-mismatch", "error",
         "Baris jumlah '{label}' tertulis {stated}, tetapi jumlah baris rinciannya {computed} "
         "(selisih {difference}). Perbaiki angka jumlah atau rinciannya.",
         "The total row '{label}' says {stated}, but its line items add up to {computed} "
         "(difference {difference}). Correct the total or the line items."),
    Rule("year-conflict", "error",
         "Tahun tidak cocok: {reason}. Samakan tahun di judul, nama berkas dan isi tabel.",
         "The year does not agree: {reason}. Make the title, file name and table use the same year."),
    Rule("village-conflict", "error",
         "Desa tidak cocok: {reason}. Pastikan judul, nama berkas dan kode desa menyebut desa yang sama.",
         "The village does not agree: {reason}. Make the title, file name and village code name the same village."),
    Rule("village-not-found", "error",
         "Desa '{value}' ({source}) tidak ditemukan dalam daftar desa kabupaten ini. Yang paling mirip: "
         "{candidates}. Tulis kode desa (mis. 62.02.16.2003) atau nama desa sesuai daftar.",
         "Village '{value}' ({source}) is not in this district's list. Closest: {candidates}. Write the "
         "village code (e.g. 62.02.16.2003) or the name as in the list."),
    Rule("village-ambiguous", "error",
         "Nama desa '{value}' ({source}) cocok dengan lebih dari satu desa: {candidates}. Tulis kode desa "
         "atau sebutkan kecamatannya (mis. 'DESA MERAH KECAMATAN TUALAN HULU').",
         "Village name '{value}' ({source}) matches more than one village: {candidates}. Write the village "
         "code or name the kecamatan (e.g. 'DESA MERAH KECAMATAN TUALAN HULU')."),
    Rule("village-uncertain", "error",
         "Nama desa '{value}' ({source}) tidak persis ada di daftar; mungkin maksudnya {candidates}. "
         "Desa tidak ditebak: tulis kode desa atau nama desa persis seperti di daftar, beserta kecamatannya.",
         "Village name '{value}' ({source}) is not exactly in the list; perhaps {candidates}. The village "
         "is not guessed: write the village code, or the exact name with its kecamatan."),
    Rule("village-name-variant", "warning",
         "Nama desa '{value}' ({source}) dibaca sebagai {candidates} (ejaan berbeda dengan daftar "
         "Kemendagri, dikuatkan oleh {reason}). Sebaiknya tulis nama sesuai daftar.",
         "Village name '{value}' ({source}) was read as {candidates} (spelt differently from the Kemendagri "
         "list, corroborated by {reason}). Better write the name as in the list."),
    Rule("sheet-ignored", "warning",
         "Lembar '{value}' juga tampak berisi data {reason} tetapi tidak dibaca; hanya lembar '{sheet}' "
         "yang dibaca. Kirim satu lembar data per berkas.",
         "Sheet '{value}' also looks like {reason} data but is not read; only sheet '{sheet}' is read. "
         "Send one data sheet per file."),
)


# The intake rules declared above (``register`` adds rules from expectation suites and others).
CORE_RULES = frozenset(RULES)


def register(rule: Rule) -> None:
    """Add a rule declared outside this module (expectation suites, cross-dataset rules)."""
    known = RULES.get(rule.code)
    if known is not None and known != rule:
        raise ValueError(f"rule {rule.code!r} is already registered with another definition")
    RULES[rule.code] = rule


@dataclass(frozen=True)
class Finding:
    """A problem in a submission, located as the operator sees it (file, sheet, row, column)."""

    code: str
    file: str = ""
    sheet: str | None = None
    row: int | None = None  # 1-based row/line in the original file
    field: str | None = None
    value: str | None = None
    params: dict[str, Any] = dataclass_field(default_factory=dict)
    severity: Severity | None = None  # defaults to the rule's severity

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def level(self) -> Severity:
        return self.severity or self.rule.severity

    def message(self, lang: Lang = "id") -> str:
        template = self.rule.en if lang == "en" else self.rule.id
        params = {k: text_in(v, lang) for k, v in self.params.items()}
        values = {"field": self.field or "", "value": _short(self.value), **params}
        try:
            return template.format(**values)
        except KeyError as missing:  # a template asked for a parameter nobody set
            return f"{template} [{missing}]"

    def where(self, lang: Lang = "id") -> str:
        words = {"id": ("baris", "kolom", "lembar"), "en": ("row", "column", "sheet")}[lang]
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(f"{words[2]} {self.sheet}")
        if self.row is not None:
            parts.append(f"{words[0]} {self.row}")
        if self.field:
            parts.append(f"{words[1]} {self.field}")
        return ", ".join(parts)

    def to_dict(self, lang: Lang = "id") -> dict[str, Any]:
        data = asdict(self)
        data.pop("params")
        data["severity"] = self.level
        data["message"] = self.message(lang)
        return data


def _short(value: str | None, limit: int = 60) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)
