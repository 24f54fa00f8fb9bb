"""The fifth blind trial (built in stop 32, after the fourth trial's fixes, by testers who had not
read the code): 21 correct village files and 3 wrong on purpose: LibreOffice .ods files (an APBDes
with its account tree, an RKP Desa, a meeting recap), Google Sheets CSV and xlsx downloads with
multi-line cells and formulas, an LRA with Anggaran Murni beside Anggaran Perubahan, a cp1252 ';'
Perdes Perubahan lampiran, a Siskeudes realisation per objek with a hidden village-number column,
a TSV rincian with a terbilang line, a WPS lampiran with code and name in one cell; an RPJMDes
year of a 2022-2027 plan, a kegiatan realisation under "Kode Rek.", a web-app export under a kop
surat, kegiatan amounts per sumber dana (DD | ADD | PAD | BHP); a camat circular's schedule with
"26 (17/9)" attendance, a BPD agenda book, "Tgl Musyawarah", a recap with an L row and a P row per
meeting, a register with its date over Tgl | Bln (Roman) | Thn and "18 / 7" attendance.
On the code before the fifth trial's fixes (ad9d063) this test fails 12 of 24: ten correct files
bounced (three .ods refused, a plan period read as two years, a kop's label lines read as a form,
the murni/perubahan pair a duplicate column, code and name in one cell, "Tgl Musyawarah", the L
and P rows of one meeting, a date over three columns), a kegiatan realisation was published as an
APBDes with every account '5' and its names lost, and "26 (17/9)" lost its men and women.

Each file is held to what a careful reader finds in it (``manifest.json`` beside it, written by
the trial's ``build.py`` from the items it writes, never from the pipeline). Provenance:
``tests/data/blind/trial_s32/SOURCES.md``."""

from __future__ import annotations

from pathlib import Path

from tests.unit.blind_manifest import trial_tests

DATA = Path(__file__).parents[1] / "data" / "blind" / "trial_s32"
# refused, with the reason the operator is given; kept visible here, never skipped
REFUSED: dict[str, str] = {}
# a reading other than the manifest's that a careful officer accepts too, and why
READ_AS: dict[str, tuple[str, str]] = {}
# what a careful officer blocks each wrong file for (its manifest's "why")
BLOCKED_FOR = {
    "Realisasi APBDes Pantap 2024.xlsx": {"subtotal-mismatch"},
    "REJECT_rekap_kegiatan_Jemaras_2025.xlsx": {"village-conflict"},
    "rekap_musdes_tumbang_ramei_2024_REJECT.xlsx": {"village-conflict"},
}


(test_a_correct_file_is_read_as_a_careful_reader_reads_it,
 test_a_file_wrong_in_substance_is_blocked_with_its_reason) = trial_tests(DATA, REFUSED, READ_AS, BLOCKED_FOR)
