"""The fourth blind trial (built in stop 31, after the third trial's fixes, by testers who had not
read the code): 21 correct village files (one a banner summary, refused) and 3 wrong on purpose:
an OpenSID article table with PENDAPATAN above its heading row, a Siskeudes LRA semester print
from PDF, a Perdes Perubahan lampiran with numbered total rows, an English donor template, a sheet
in ribuan, a Siskeudes .xls export, a banner; OpenSID's Buku Kegiatan Pembangunan and Buku Rencana
Kerja Pembangunan, a Siskeudes realisation per kegiatan, a Buku Kas Pembantu, an English tracker,
an SPJ recap with its columns reversed, a Dana Desa realisation per tahap; a Satu Data table, one
meeting's attendance per dusun, a recap under "REKAP MUSYAWARAH DESA <name>", an English meeting
log, a BPD report copied from PDF, attendance per unsur, a REKAP sheet beside berita acara sheets.
On the code before the fourth trial's fixes (9e8e064) this test fails 13 of 24: 11 correct files
bounced or were misread (a total line published as an activity, doubling the budget; women's-group
representatives published as women present; a .xls refused), the cash book got a misleading
refusal, and the Jemaras APBDes lost its PENDAPATAN block without a word (now it is blocked with
the rows named: still a bounce of a correct file, see REFUSED).

Each file is held to what a careful reader finds in it (``manifest.json`` beside it, written by
the trial's ``build.py`` from the items it writes, never from the pipeline). Provenance:
``tests/data/blind/trial_s31b/SOURCES.md``."""

from __future__ import annotations

from pathlib import Path

from tests.unit.blind_manifest import trial_tests

DATA = Path(__file__).parents[1] / "data" / "blind" / "trial_s31b"
# refused, with the reason the operator is given; kept visible here, never skipped
REFUSED = {
    # not line items: the Penjabaran is asked for instead
    "Baliho APBDes Buntut Nusa 2024.xlsx": "apbdes-summary-no-codes",
    # transactions, not a kegiatan list: the RAB/DPA or the Laporan Realisasi is asked for
    "BKP_Kegiatan_Desa_Luwuk_Bunter_TA2024.xlsx": "cash-book-not-records",
    # STILL A BOUNCE of a correct file: its PENDAPATAN block (names and amounts, no codes) stands
    # above the only heading row in other columns; reading it would be a guess, so the rows are
    # named and the file blocked, where before they were dropped without a word
    "APBDes Desa Jemaras 2025 (copy artikel web).xlsx": "lines-above-heading",
}
# a reading other than the manifest's that a careful officer accepts too, and why. (Siskeudes'
# realisasi per kegiatan under "KODE REK", Lap_Realisasi_Kegiatan_Smt_I_2024_Bapeang.xlsx, was
# read as apbdes here; since s32 a code column holding kegiatan codes only is a kegiatan list, as
# its manifest says: test_blind_kegtype.py.)
READ_AS: dict[str, tuple[str, str]] = {}
# what a careful officer blocks each wrong file for (its manifest's "why")
BLOCKED_FOR = {
    "realisasi_apbdes_babaung_2023.csv": {"subtotal-mismatch"},
    "Realisasi_Kegiatan_2024_Tumbang_Gagu_REJECT.xlsx": {"subtotal-mismatch"},
    "rekap_musdes_tumbang_kania_2024_REJECT.xlsx": {"duplicate-row"},
}


(test_a_correct_file_is_read_as_a_careful_reader_reads_it,
 test_a_file_wrong_in_substance_is_blocked_with_its_reason) = trial_tests(DATA, REFUSED, READ_AS, BLOCKED_FOR)
