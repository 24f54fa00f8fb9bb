"""The seventh blind trial (built in stop 33 by testers who had not read the code), on the formats
and export conventions of other village systems: 21 correct village files and 3 wrong on purpose.
OpenSID "Unduh" downloads that are HTML tables named .xls (an APBDes realisation, a Buku Kegiatan
Pembangunan, a BPD meeting book), desa web pages saved from the browser (.htm/.html), Excel 2003 XML
(SpreadsheetML, .xls and .xml), Word .docx reports (an LPJ realisation, a kegiatan realisation, a
berita acara musrenbangdes), Google Forms CSV exports (an APBDes form with one column per account,
a kegiatan form with decimal points, musdus reports with US dates), XLSX files written by non-Excel
tools (inline strings, no styles) and Excel Table objects over several sheets.
On the code before the seventh trial's fixes (fbe9ba1) this test fails 19 of 24: thirteen correct
files bounced for their format alone (HTML named .xls, .htm/.html, SpreadsheetML, .docx), the
Google Forms APBDes (accounts as columns; "Kec. Parenggean" in its name read as the village
Parenggean), "95.5" % read as ambiguous, an RKP Desa 2026 adopted by a Perdes of 2025 read as a
year conflict, and the Musdus sheet of a workbook of two meeting tables was left unread; the three
wrong files were refused only as unreadable (one, a meeting with two attendances, was not caught
at all once read). Later fixes of this stop: a Word report's bidang rows named, not coded; a
berita acara's kind in its title under a kop address; a recap sheet per sumber dana; a saved web
page's sidebar.

Each file is held to what a careful reader finds in it (``manifest.json`` beside it, written by
the trial's ``build.py`` from the items it writes, never from the pipeline). Provenance:
``tests/data/blind/trial_s33/SOURCES.md``."""

from __future__ import annotations

from pathlib import Path

from tests.unit.blind_manifest import trial_tests

DATA = Path(__file__).parents[1] / "data" / "blind" / "trial_s33"
# refused, with the reason the operator is given; kept visible here, never skipped
REFUSED: dict[str, str] = {}
# a reading other than the manifest's that a careful officer accepts too, and why
READ_AS: dict[str, tuple[str, str]] = {}
# what a careful officer blocks each wrong file for (its manifest's "why")
BLOCKED_FOR: dict[str, set[str]] = {
    "realisasi_kegiatan_babirah.xml": {"year-conflict"},
    "Rekap Musdes Tumbang Hejan 2024.xls": {"conflicting-lines"},
}
# A wrong file the project publishes on purpose, with the warning that tells the officer what to
# check. Lampuyang's Dana Desa stands on two lines with different descriptions ("Pagu
# Indikatif", "Earmark & Non Earmark"): here one allocation written twice, but a correct APBDes
# may split its Dana Desa into earmarked and other parts on two lines, and blocking that would
# bounce a correct file. Two lines with the same description and two amounts are blocked
# (conflicting-lines, tests/unit/test_same_item.py).
PUBLISHED_WITH = {"rincian_apbdes_lampuyang_2025.xls": {"allocation-repeated"}}


(test_a_correct_file_is_read_as_a_careful_reader_reads_it,
 test_a_file_wrong_in_substance_is_blocked_with_its_reason) = trial_tests(DATA, REFUSED, READ_AS, BLOCKED_FOR,
                                                                          PUBLISHED_WITH)
