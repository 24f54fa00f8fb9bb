"""What a file's context says of its village: the evidence gathered (``FileContext``), the
names its title rows write, matched against the reference, and what to tell the operator when
nothing names a village exactly.

A name another source settles (the file's code, another title row) never blocks the file; a
reading that names no village is said with the words read and why they did not match, so the
operator knows what to correct instead of being told to add a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.context_kecamatan import Kecamatan, narrow, narrowed_params
from desa_terbuka.normalise.context_stage import Evidence, Stage
from desa_terbuka.normalise.village_match import VillageMatch, match_village


def _text(id_text: str, en_text: str) -> Text:
    return Text(id_text, en_text)


@dataclass(frozen=True)
class Unread:
    """Words that could have named the village but are no village's exact name."""
    name: str
    source: Text
    how: Text  # "sesudah 'MUSYAWARAH DESA'", "kata-kata nama berkas"
    found: VillageMatch
    row: int | None = None


@dataclass
class FileContext:
    villages: list[Evidence] = field(default_factory=list)
    years: list[Evidence] = field(default_factory=list)
    # years a title names as a comparison ("dibandingkan dengan APBDes TA 2024"): not the file's
    comparisons: list[Evidence] = field(default_factory=list)
    # years of the act that adopted the plan or budget ("Perdes Nomor 4 Tahun 2025", "ditetapkan
    # tanggal 29 September 2025"): the file's year only when nothing else names one
    adopted: list[Evidence] = field(default_factory=list)
    tahap: Evidence | None = None
    stages: list[Stage] = field(default_factory=list)  # settled into tahap by fill_columns
    kecamatan: str | None = None  # as a title row writes it
    kecamatans: list[Kecamatan] = field(default_factory=list)  # those of the district, all sources
    findings: list[Finding] = field(default_factory=list)
    explained: set[str] = field(default_factory=set)  # fields a context error already explains
    # title names several kecamatan share, with their village-ambiguous finding: a "Kecamatan"
    # column of the table (known only once its headings are read) may still settle them
    unsettled: list[tuple[str, int, VillageMatch, Finding]] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)  # said only when no village is read

    @property
    def village(self) -> Evidence | None:
        return self.villages[0] if len({e.value for e in self.villages}) == 1 else None

    @property
    def year(self) -> Evidence | None:
        return self.years[0] if len({e.value for e in self.years}) == 1 else None


def match_title_names(context: FileContext, file: str, sheet, names: list[tuple[str, int]]) -> None:
    """Match every title name first, then judge the unclear ones against all sources: a name that
    another source settles (the file's code, another title row) does not block the file."""
    unclear = []
    for name, row in names:
        where = _text(f"judul baris {row}", f"title row {row}")
        if narrowed := narrow(match_village(name), context.kecamatans):  # "KECAMATAN X" elsewhere
            village, kecamatan = narrowed
            said = any(f.code == "village-kecamatan-narrowed" and f.params["kode"] == village.kode_desa
                       for f in context.findings)  # another title row's name said it already
            context.villages.append(Evidence(village.kode_desa, where, row))
            if not said:
                context.findings.append(Finding(
                    "village-kecamatan-narrowed", file, sheet, row, None, name,
                    params=narrowed_params(where, match_village(name), village, kecamatan)))
            continue
        found = match_village(name, context.kecamatan)
        if found.village is None:
            unclear.append((name, row, found))
            continue
        context.villages.append(Evidence(found.kode, _text(f"judul baris {row}", f"title row {row}"), row))
        if found.status == "variant":
            context.findings.append(_village_finding("village-name-variant", file, sheet, row, name,
                                                     found, _text("kecamatan", "the kecamatan")))
    known = list(context.villages)
    for name, row, found in unclear:
        _judge_unclear(context, file, sheet, name, row, found, known)


def _judge_unclear(context: FileContext, file: str, sheet, name: str, row: int,
                   found: VillageMatch, known: list[Evidence]) -> None:
    where = _text(f"judul baris {row}", f"title row {row}")
    corroborated = [v for v in found.candidates if v.kode_desa in {e.value for e in known}]
    if found.status in ("uncertain", "ambiguous") and len(corroborated) == 1:
        context.villages.append(Evidence(corroborated[0].kode_desa, where, row))
        if found.status == "uncertain":  # an exact name of several villages needs no warning
            context.findings.append(_village_finding(
                "village-name-variant", file, sheet, row, name,
                VillageMatch(name, "variant", (corroborated[0],)), _text("kode desa", "the village code")))
        return
    if found.status == "not-found" and len({e.value for e in known}) == 1:
        # a phrase that is no village of the district ("DESA PER SUMBER DANA") beside a source that
        # names one: the village is that one, and the phrase is only said
        sources = list(dict.fromkeys(e.source for e in known))
        context.findings.append(Finding(
            "title-village-phrase-ignored", file, sheet, row, None, name,
            params={"source": where, "kode": known[0].value,
                    "reason": _text(", ".join(sources), ", ".join(s.en for s in sources))}))
        return
    code = {"ambiguous": "village-ambiguous", "uncertain": "village-uncertain"}.get(
        found.status, "village-not-found")
    context.findings.append(finding := _village_finding(code, file, sheet, row, name, found, None))
    context.explained.add("kode_desa")
    if found.status == "ambiguous":
        context.unsettled.append((name, row, found, finding))


def _village_finding(code, file, sheet, row, name, found: VillageMatch, reason) -> Finding:
    params = {"source": _text(f"judul baris {row}", f"title row {row}"),
              "candidates": found.candidate_text()}
    if reason is not None:
        params["reason"] = reason
    return Finding(code, file, sheet, row, None, name, params=params)


def village_source(context: FileContext) -> Text | None:
    """Where the file's one village was read: the title rows first, every agreeing source said
    ("judul baris 1 dan nama berkas '…'")."""
    if (village := context.village) is None:
        return None
    agreeing = sorted((e for e in context.villages if e.value == village.value),
                      key=lambda e: e.row is None)
    sources = list(dict.fromkeys(e.source for e in agreeing))
    if len(sources) == 1:
        return sources[0]
    return _text(", ".join(sources[:-1]) + " dan " + sources[-1],
                 ", ".join(s.en for s in sources[:-1]) + " and " + sources[-1].en)


def say_unread(context: FileContext, file: str, sheet) -> bool:
    """When no source names a village, say what was read and why it is no village (instead of
    only 'add a kode_desa column'); True when something was said."""
    if context.villages or "kode_desa" in context.explained or not context.unread:
        return False
    for unread in context.unread[:3]:
        context.findings.append(Finding(
            "village-name-unread", file, sheet, unread.row, "kode_desa", unread.name,
            params={"source": unread.source, "how": unread.how,
                    "candidates": unread.found.candidate_text(3)}))
    context.explained.add("kode_desa")
    return True
