"""The third blind trial (built at the start of stop 31 by testers who had not read the code):
20 correct village files (one a summary, refused) and 3 wrong on purpose, in shapes the project
had not seen: a desa website's realisasi table with an unheaded code column and belanja coded per bidang, an OpenDK upload
template, a Perdes Perubahan lampiran in cp1252, a realisasi per semester under merged headings, a
Penjabaran with its code over four columns, OpenSID keuangan rinci as TSV, an infografis retyped;
OpenSID's pembangunan export for OpenDK, project boards, a Siskeudes RAB print, a triwulan progress
report, an RKP Desa form, a Google Form export, Siskeudes Ta_Kegiatan; OpenSID's agenda, a Google
Form of meetings, a notulen, a BPD report, an attendance matrix, a district form with a Petunjuk
sheet. On the code before stop 31's fixes (04120b6) this test fails 13 of 25: 11 of the 19 correct
files of line items bounced or were misread, the infografis got the generic unknown-type refusal,
and the wrong meeting file (attendance that does not add up) was accepted.

Each file is held to what a careful reader finds in it (``manifest.json`` beside it, written by
the trial's ``build.py`` from the items it writes, never from the pipeline). Provenance:
``tests/data/blind/trial_s31/SOURCES.md``."""

from __future__ import annotations

from pathlib import Path

from tests.unit.blind_manifest import trial_tests

DATA = Path(__file__).parents[1] / "data" / "blind" / "trial_s31"
REFUSED = {  # a summary without kode rekening: not line items; the Penjabaran is asked for
    "Infografis APBDes Sumber Makmur 2024.xlsx": "apbdes-summary-no-codes",
}
# what a careful officer blocks each wrong file for (its manifest's "why")
BLOCKED_FOR = {
    "APBDes_TumbangTawan_2024.xlsx": {"subtotal-mismatch"},
    "realisasi_kegiatan_DD_2024_patai.xlsx": {"village-conflict"},
    "rekap_musdes_pundu_2024_REJECT.xlsx": {"musyawarah-attendance-sum-mismatch", "subtotal-mismatch"},
}

READ_AS: dict[str, tuple[str, str]] = {}  # no other reading accepted in this trial


(test_a_correct_file_is_read_as_a_careful_reader_reads_it,
 test_a_file_wrong_in_substance_is_blocked_with_its_reason) = trial_tests(DATA, REFUSED, READ_AS, BLOCKED_FOR)
