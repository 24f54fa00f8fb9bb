"""Build the personal-data corpus: realistic village files with planted, invented personal data.

Run from the checkout: ``.venv/bin/python tests/data/personal/build.py`` (deterministic; rewrites
the files and ``cases.yaml``). The files start from the sample generator's correct submissions
(``desa_terbuka.authoring.sample``) of desa in Kecamatan Telaga Antang and Seranau, then get the
values a village operator really pastes in: an NIK in an uraian, a bendahara's WhatsApp number, an
attendance list in the keputusan, a "Daftar Hadir" sheet column with NIKs and phone numbers.

No value belongs to a person: every NIK/KK uses kecamatan code 99 of Kabupaten 62.02, which does
not exist (Kotim has 17 kecamatan, 01-17), and otherwise random digits; phone numbers are random
digits after a mobile prefix; e-mail addresses use example.org / example.com (RFC 2606); names are
common given names combined at random (reference/nama_orang_umum.csv).
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import yaml

from desa_terbuka.authoring.sample import (
    build_budget,
    input_names,
    kegiatan_rows,
    musyawarah_rows,
)
from desa_terbuka.authoring.sample_files import save_reproducible, write_csv, write_xlsx
from desa_terbuka.core.reference import villages

HERE = Path(__file__).parent
RNG = random.Random(27_2022)
GIVEN = ["Budi", "Siti", "Ahmad", "Dewi", "Rusdi", "Hairani", "Agus", "Nurhayati", "Yohanes",
         "Sri", "Bambang", "Aminah", "Saprudin", "Lestari", "Markus", "Fitri", "Jumadi", "Salmah"]
FAMILY = ["Santoso", "Wijaya", "Rahmadi", "Tambun", "Saputra", "Lestari", "Hidayat", "Kurniawan",
          "Pratama", "Anggraini", "Bungai", "Setiawan"]


def nik(female: bool = False, kk: bool = False) -> str:
    """An invented NIK (or KK number): 62.02.99 (no such kecamatan), a date, a serial."""
    day, month, year = RNG.randint(1, 28), RNG.randint(1, 12), RNG.randint(50, 99)
    if female and not kk:
        day += 40
    return f"620299{day:02d}{month:02d}{year:02d}{RNG.randint(1, 9999):04d}"


def phone(style: str = "08") -> str:
    body = f"{RNG.choice(['12', '13', '21', '52', '53', '77', '95'])}{RNG.randint(0, 99999999):08d}"
    return {"08": f"08{body}", "+62": f"+62 8{body[:2]} {body[2:6]} {body[6:]}",
            "62": f"628{body}", "dash": f"08{body[:2]}-{body[2:6]}-{body[6:]}"}[style]


def name() -> str:
    return f"{RNG.choice(GIVEN)} {RNG.choice(FAMILY)}"


def email(person: str) -> str:
    return f"{person.lower().replace(' ', '.')}{RNG.randint(1, 99)}@{RNG.choice(['example.org', 'example.com'])}"


def _csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    write_csv(path, fields, rows)


def build() -> list[dict]:
    cases: list[dict] = []

    def case(file: str, blocked: bool, planted: list[str], findings: list[dict], note: str) -> None:
        cases.append({"file": file, "blocked": blocked, "note": note, "planted": planted,
                      "findings": findings})

    # 1. APBDes: a BLT line names its beneficiary by NIK; the bendahara's WhatsApp in keterangan.
    budget = build_budget("62.02.17.2001", 2024)
    rows = [dict(r) for r in budget.rows]
    n1, p1 = nik(), phone("dash")
    blt = next(i for i, r in enumerate(rows) if str(r["kode_rekening"]).startswith("5.4"))
    rows[blt]["uraian"] = f"BLT Dana Desa a.n. penerima NIK {n1}"
    rows[2]["keterangan"] = f"konfirmasi bendahara WA {p1}"
    _csv(HERE / "apbdes_tumbang_boloi_2024.csv", input_names("apbdes"), rows)
    case("apbdes_tumbang_boloi_2024.csv", True, [n1, p1],
         [{"code": "personal-data-nik", "row": blt + 2, "field": "uraian"},
          {"code": "personal-data-phone", "row": 4, "field": "keterangan"}],
         "NIK of a BLT beneficiary in uraian; the bendahara's WhatsApp number in keterangan")

    # 2. Kegiatan: the TPK chair's e-mail and a woman's NIK, grouped as on a KTP, in keterangan.
    budget = build_budget("62.02.17.2002", 2024)
    rows = kegiatan_rows(budget)
    person = name()
    e1, n2 = email(person), nik(female=True)
    grouped = f"{n2[:4]} {n2[4:8]} {n2[8:12]} {n2[12:]}"
    rows[0]["keterangan"] = f"laporan dikirim ke {e1}"
    rows[1]["keterangan"] = f"pemilik lahan hibah NIK {grouped}"
    _csv(HERE / "kegiatan_luwuk_kowan_2024.csv", input_names("kegiatan"), rows)
    case("kegiatan_luwuk_kowan_2024.csv", True, [e1, grouped, n2],
         [{"code": "personal-data-email", "row": 2, "field": "keterangan"},
          {"code": "personal-data-nik", "row": 3, "field": "keterangan"}],
         "an e-mail address and a woman's NIK (day + 40) written in groups of four")

    # 3. Musyawarah: the attendance list pasted into keputusan; a +62 number in agenda.
    v = villages()["62.02.17.2003"]
    rows = musyawarah_rows(v, 2024)
    attendees = [name() for _ in range(6)]
    p2 = phone("+62")
    rows[0]["keputusan"] = "Hadir: " + ", ".join(attendees[:3]) + " dan " + ", ".join(attendees[3:])
    rows[1]["agenda"] = f"{rows[1]['agenda']} Narahubung panitia {p2}."
    _csv(HERE / "musyawarah_rantau_tampang_2024.csv", input_names("musyawarah"), rows)
    case("musyawarah_rantau_tampang_2024.csv", True, [*attendees, p2],
         [{"code": "personal-data-names", "row": 2, "field": "keputusan"},
          {"code": "personal-data-phone", "row": 3, "field": "agenda"}],
         "an attendance list in keputusan; a +62 number in agenda")

    # 4. Musyawarah workbook with the attendance columns the issue describes (never published).
    v = villages()["62.02.17.2004"]
    rows = musyawarah_rows(v, 2024)
    extra = ["Daftar Hadir", "NIK", "No. HP"]
    planted = []
    for row in rows:
        person, number, mobile = name(), nik(female=RNG.random() < 0.5), phone("08")
        row.update({"Daftar Hadir": person, "NIK": int(number), "No. HP": mobile})
        planted += [number, mobile]
    write_xlsx(HERE / "musyawarah_tumbang_mangkup_2024.xlsx", "Musyawarah",
               input_names("musyawarah") + extra, rows)
    case("musyawarah_tumbang_mangkup_2024.xlsx", True, planted + [r["Daftar Hadir"] for r in rows],
         [{"code": "personal-data-column", "row": 2, "field": heading} for heading in extra],
         "columns the schema does not know: names, NIKs (as numbers) and phone numbers")

    # 5. Kegiatan with an unknown "Kontak Pelaksana" column (62… numbers) and a KK number.
    budget = build_budget("62.02.12.2002", 2025)
    rows = kegiatan_rows(budget)
    planted = []
    for row in rows:
        row["Kontak Pelaksana"] = phone("62")
        planted.append(row["Kontak Pelaksana"])
    kk = nik(kk=True)
    rows[-1]["keterangan"] = f"No. KK {kk}"
    _csv(HERE / "kegiatan_terantang_2025.csv", input_names("kegiatan") + ["Kontak Pelaksana"], rows)
    case("kegiatan_terantang_2025.csv", True, planted + [kk],
         [{"code": "personal-data-column", "row": 2, "field": "Kontak Pelaksana"},
          {"code": "personal-data-nik", "row": len(rows) + 1, "field": "keterangan"}],
         "an unknown contact column of 62… numbers and a KK number in keterangan")

    # 6. APBDes with an unheaded column of NIKs at the right edge (a pasted list).
    budget = build_budget("62.02.12.2003", 2025)
    rows = [dict(r) for r in budget.rows]
    fields = input_names("apbdes")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields + [""])
    planted = []
    for i, row in enumerate(rows):
        cells = [str(row.get(f) if row.get(f) is not None else "") for f in fields]
        number = nik() if i < 4 else ""
        planted += [number] if number else []
        writer.writerow(cells + [number])
    (HERE / "apbdes_batuah_2025.csv").write_text(buffer.getvalue(), encoding="utf-8")
    case("apbdes_batuah_2025.csv", True, planted,
         [{"code": "personal-data-column", "row": 2, "field": "kolom K"}],
         "NIKs in a column with no heading")

    # 7. A notulen rekap (title row, headings as villages write them): the Musdes Khusus BLT-DD
    #    decision lists the beneficiaries with their NIKs.
    kpm = [(name(), nik(female=i % 2 == 1)) for i in range(3)]
    decision = "Ditetapkan 3 KPM BLT-DD: " + "; ".join(f"{n} (NIK {k})" for n, k in kpm)
    lines = [["REKAP NOTULEN MUSYAWARAH DESA GANEPO TAHUN 2024"],
             ["No", "Jenis Kegiatan Musyawarah", "Hari/Tanggal", "Tempat", "Dipimpin Oleh",
              "Jumlah Undangan", "Jumlah Peserta", "Agenda/Pembahasan", "Hasil Keputusan"],
             ["1", "Musdes Pertanggungjawaban", "Kamis, 15 Februari 2024", "Balai Desa Ganepo",
              "Ketua BPD", "45", "38", "Laporan pertanggungjawaban realisasi APBDes TA 2023",
              "LPJ realisasi APBDes TA 2023 diterima"],
             ["2", "Musdes Khusus BLT-DD", "Senin, 4 Maret 2024", "Balai Desa Ganepo", "Ketua BPD",
              "40", "35", "Penetapan calon penerima BLT Dana Desa 2024", decision]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    (HERE / "notulen_musyawarah_ganepo_2024.csv").write_text(buffer.getvalue(), encoding="utf-8")
    case("notulen_musyawarah_ganepo_2024.csv", True, [x for pair in kpm for x in pair],
         [{"code": "personal-data-nik", "row": 4, "field": "keputusan"}] * 3
         + [{"code": "personal-data-names", "row": 4, "field": "keputusan"}],
         "a BLT-DD decision naming its beneficiaries with their NIKs, in a notulen rekap")

    # 8. A berita acara written as a form (label : value): the notulis with her phone number.
    notulis = f"Ibu {RNG.choice(GIVEN)} (HP {phone('dash')})"
    form = ["BERITA ACARA MUSYAWARAH DESA", "Desa : Seragam Jaya", "Kecamatan : Seranau",
            "Jenis Musyawarah : Musdes RKPDes", "Tanggal : 08/07/2024",
            "Tempat : Balai Desa Seragam Jaya", "Dipimpin oleh : Ketua BPD", "Jumlah undangan : 40",
            "Hadir laki-laki : 22", "Hadir perempuan : 12",
            "Agenda : Penyusunan RKPDes tahun 2025", "Keputusan : Disepakati 12 usulan prioritas",
            f"Notulis : {notulis}"]
    (HERE / "berita_acara_seragam_jaya_2024.csv").write_text("\n".join(form) + "\n", encoding="utf-8")
    case("berita_acara_seragam_jaya_2024.csv", True, [notulis.split("HP ")[1].rstrip(")")],
         [{"code": "personal-data-column", "row": 2, "field": "Notulis"}],
         "a berita acara form whose notulis line carries a phone number")

    # 9. Clean: what looks personal but is not (the office landline, officials by role, a single
    #    chair's name, a 16-digit bank reference, a list of materials, a list of village names).
    v = villages()["62.02.12.2004"]
    rows = musyawarah_rows(v, 2025)
    rows[0]["pimpinan"] = "Bapak Hamdani (Ketua BPD)"
    rows[0]["keputusan"] = ("Disepakati bersama Kepala Desa, Ketua BPD, LPM, PKK dan tokoh "
                            "masyarakat; pengaduan ke kantor desa telp. (0531) 21234.")
    rows[1]["agenda"] = ("Pembahasan usulan kerja sama dengan Desa Batuah, Ganepo dan Seragam Jaya; "
                         "bahan: Semen, Pasir, Batu Bata, Kerikil; rekening kas desa 1234567890123456.")
    markers = []
    for row in rows:  # an unknown column with nothing personal: accepted, and never published
        row["Catatan Internal"] = f"internal-{RNG.randint(100000, 999999)}-terantang"
        markers.append(row["Catatan Internal"])
    _csv(HERE / "musyawarah_terantang_hilir_2025.csv", input_names("musyawarah") + ["Catatan Internal"],
         rows)
    case("musyawarah_terantang_hilir_2025.csv", False, markers, [],
         "clean: landline, roles, one official's name, a bank reference, materials, village "
         "names; an unknown column of internal notes (accepted, never published)")

    # Lines no record is read from (never published, but the file must not carry them).
    # 10. APBDes ending with a signature block: the bendahara's NIK and WhatsApp under her name.
    budget = build_budget("62.02.17.2005", 2024)
    fields = input_names("apbdes")
    n3, p3 = nik(female=True), phone("dash")
    signature = [["Rantau Katang, 31 Desember 2024"], ["Mengetahui,"], ["Kepala Desa"],
                 [name()], ["Bendahara Desa"], [f"{name()} NIK {n3}"], [f"WA {p3}"]]
    _table_csv(HERE / "apbdes_rantau_katang_2024.csv", fields, budget.rows, signature)
    first = len(budget.rows) + 2  # the line under the last record
    case("apbdes_rantau_katang_2024.csv", True, [n3, p3],
         [{"code": "personal-data-line", "row": first + 5, "field": None},
          {"code": "personal-data-line", "row": first + 6, "field": None}],
         "a signature block whose bendahara line carries her NIK, and her WhatsApp number")

    # 11. Kegiatan with notes under the table: the TPK's e-mail and a contact's mobile number.
    budget = build_budget("62.02.17.2006", 2024)
    rows = kegiatan_rows(budget)
    e2, p4 = email(name()), phone("08")
    notes = [[f"Catatan: laporan foto dikirim ke {e2}"], [f"*) narahubung TPK {p4}"]]
    _table_csv(HERE / "kegiatan_tumbang_sangai_2024.csv", input_names("kegiatan"), rows, notes)
    case("kegiatan_tumbang_sangai_2024.csv", True, [e2, p4],
         [{"code": "personal-data-line", "row": len(rows) + 2, "field": None},
          {"code": "personal-data-line", "row": len(rows) + 3, "field": None}],
         "notes under the table with an e-mail address and a mobile number")

    # 12. A musyawarah workbook with a second sheet, "Daftar Hadir": names, NIKs, phone numbers.
    v = villages()["62.02.17.2007"]
    rows = musyawarah_rows(v, 2024)
    path = HERE / "musyawarah_tukang_langit_2024.xlsx"
    attendees = [(name(), nik(female=i % 2 == 0), phone("08")) for i in range(4)]
    write_xlsx(path, "Musyawarah", input_names("musyawarah"), rows)
    _add_sheet(path, "Daftar Hadir", [["No", "Nama", "NIK", "No. HP"]]
               + [[i + 1, n, k, h] for i, (n, k, h) in enumerate(attendees)])
    case(path.name, True, [x for _, k, h in attendees for x in (k, h)],
         [{"code": "personal-data-line", "row": i + 2, "field": None}
          for i in range(len(attendees)) for _ in (0, 1)],
         "a second sheet (an attendance list with NIKs and phone numbers) beside the data")

    # 13. A berita acara form followed by its signatures: the notulis's NIK on her own line.
    n4 = nik(female=True)
    form = ["BERITA ACARA MUSYAWARAH DESA", "Desa : Ganepo", "Kecamatan : Seranau",
            "Jenis Musyawarah : Musdes RKPDes", "Tanggal : 10/07/2024",
            "Tempat : Balai Desa Ganepo", "Dipimpin oleh : Ketua BPD", "Jumlah undangan : 35",
            "Hadir laki-laki : 18", "Hadir perempuan : 11",
            "Agenda : Penyusunan RKPDes tahun 2025", "Keputusan : Disepakati 9 usulan prioritas",
            "", "Ganepo, 10 Juli 2024", "Notulis", f"Ibu {RNG.choice(GIVEN)}", f"NIK {n4}"]
    (HERE / "berita_acara_ganepo_2024.csv").write_text("\n".join(form) + "\n", encoding="utf-8")
    case("berita_acara_ganepo_2024.csv", True, [n4],
         [{"code": "personal-data-line", "row": len(form), "field": None}],
         "a berita acara form whose signature lines under it carry the notulis's NIK")
    return cases


def _add_sheet(path: Path, title: str, rows: list[list]) -> None:
    """One more sheet in a workbook, saved with the fixed timestamps (reproducible bytes)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)
    save_reproducible(wb, path)


def _table_csv(path: Path, fields: list[str], rows: list[dict], under: list[list[str]]) -> None:
    """The records, then lines under the table as villages write them (notes, signatures)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([str(r.get(f) if r.get(f) is not None else "") for f in fields] for r in rows)
    writer.writerows(under)
    path.write_text(buffer.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    found = build()
    header = ("# Personal-data corpus: each file, whether the gate must block it, the invented values\n"
              "# planted in it (none may ever reach the portal) and the findings expected (code, row\n"
              "# in the file, column). Built by build.py; provenance in README.md.\n")
    (HERE / "cases.yaml").write_text(header + yaml.safe_dump(found, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    print(f"{len(found)} cases written to {HERE}")
