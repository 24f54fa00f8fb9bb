"""The sixth blind trial (built in stop 32, after the fifth trial's fixes, by testers who had not
read the code): 21 correct village files and 3 wrong on purpose: an LRA with murni, perubahan and
realisasi, a Penjabaran from a desa website with spaced codes and the chart's "90-99" slot, a ';'
CSV with an empty first column, an OpenSID realisation converted from PDF, a Perdes Lampiran I
with belanja per kegiatan under an uncoded BELANJA row, a web-app export with "[4.2.1.01] Dana
Desa", a budget over four sheets; the Permendagri Laporan Realisasi Kegiatan under "KODE
REKENING", a Siskeudes PKTD output list (Pagu Paket beside Nilai Upah), Excel Unicode Text, an
RKPDes workbook with a cover sheet, SDGs Desa recommendations, a PDF-converted RKP with wrapped
names; a KoboToolbox export, a pra-musrenbang attendance form with subset counts, a BPD report per
quarter, a schedule with a postponed meeting, "Di antaranya Perempuan", four notulen in one
sheet, a UTF-16 recap.
On the code before the sixth trial's fixes (641057b) this test fails 10 of 24: seven correct files
bounced (the chart's "90-99" slot counted twice, kegiatan lines booked as pendapatan under an
uncoded BELANJA, "[4.2.1.01]" codes unread, wrapped names as lines, the Kobo group paths, a
postponed meeting's '-' date, four notulen read as one), the Laporan Realisasi Kegiatan was read
as an APBDes with bidang 4.2 booked as income, the PKTD list published its wages as its budget,
and "Di antaranya Perempuan" lost the women present. (The wrapped names of the converted OpenSID
realisation were cut short, amounts right: test_blind_wrap.py holds such names.)

Each file is held to what a careful reader finds in it (``manifest.json`` beside it, written by
the trial's ``build.py`` from the items it writes, never from the pipeline). Provenance:
``tests/data/blind/trial_s32b/SOURCES.md``."""

from __future__ import annotations

from pathlib import Path

from tests.unit.blind_manifest import trial_tests

DATA = Path(__file__).parents[1] / "data" / "blind" / "trial_s32b"
# refused, with the reason the operator is given; kept visible here, never skipped
REFUSED: dict[str, str] = {}
# a reading other than the manifest's that a careful officer accepts too, and why
READ_AS: dict[str, tuple[str, str]] = {}
# what a careful officer blocks each wrong file for (its manifest's "why")
BLOCKED_FOR = {
    "APBDes Basawang 2025 - jumlah salah.xlsx": {"subtotal-mismatch"},
    "REJECT_daftar_kegiatan_Jaya_Kelapa_2025.xlsx": {"subtotal-mismatch"},
    "rekap_musdes_tumbang_tawan_2024_REJECT.xlsx": {"subtotal-mismatch"},
}


(test_a_correct_file_is_read_as_a_careful_reader_reads_it,
 test_a_file_wrong_in_substance_is_blocked_with_its_reason) = trial_tests(DATA, REFUSED, READ_AS, BLOCKED_FOR)
