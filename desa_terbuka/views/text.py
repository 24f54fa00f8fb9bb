"""Render findings and run summaries for people (Bahasa Indonesia by default, English on request)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_terbuka.core.findings import Finding, Lang, tally
from desa_terbuka.core.reference import villages
from desa_terbuka.core.text import text_in
from desa_terbuka.link.urls import dataset_url
from desa_terbuka.validate.check import CheckedSubmission

if TYPE_CHECKING:  # the run's modules (publishing, portal clients) stay unimported for a check
    from desa_terbuka.run import RunSummary

MAX_PER_RULE = 20


WORDS = {
    "id": {"type": "Jenis data", "village": "Desa", "year": "Tahun", "rows": "Baris",
           "valid": "VALID: siap diterbitkan", "invalid": "TIDAK VALID: tidak akan diterbitkan",
           "errors": "galat", "warnings": "peringatan", "more": "… dan {n} lagi",
           "error_head": "Galat (harus diperbaiki)", "warning_head": "Peringatan",
           "info_head": "Informasi (cara berkas dibaca)",
           "unknown": "tidak dikenali", "sources": "Diambil dari konteks",
           "explains": " (penyebab {n} temuan baris lain, yang tidak dicantumkan satu per satu)"},
    "en": {"type": "Record type", "village": "Village", "year": "Year", "rows": "Rows",
           "valid": "VALID: ready to publish", "invalid": "INVALID: will not be published",
           "errors": "errors", "warnings": "warnings", "more": "… and {n} more",
           "error_head": "Errors (must be fixed)", "warning_head": "Warnings",
           "info_head": "Information (how the file was read)",
           "unknown": "not recognised", "sources": "Taken from context",
           "explains": " (the cause of {n} other row findings, not listed one by one)"},
}


def village_label(kode: str) -> str:
    village = villages().get(kode)
    return f"{kode} {village.nama_desa}" if village else kode


def check_text(checked: CheckedSubmission, lang: Lang = "id") -> str:
    w = WORDS[lang]
    errors = [f for f in checked.findings if f.level == "error"]
    warnings = [f for f in checked.findings if f.level == "warning"]
    infos = [f for f in checked.findings if f.level == "info"]
    lines = [f"{checked.submission.path}"]
    lines.append(f"  {w['type']}: {checked.record_type or w['unknown']}"
                 f" | {w['village']}: {', '.join(village_label(k) for k in checked.villages) or '-'}"
                 f" | {w['year']}: {', '.join(map(str, checked.years)) or '-'}"
                 f" | {w['rows']}: {len(checked.rows)}")
    if checked.sources:
        lines.append(f"  {w['sources']}: " + "; ".join(
            f"{name} ← {text_in(where, lang)}" for name, where in sorted(checked.sources.items())))
    verdict = w["valid"] if checked.valid else w["invalid"]
    levels = tally(checked.findings)  # with the findings a cap counted but did not list
    lines.append(f"  {verdict} ({levels['error']} {w['errors']}, {levels['warning']} {w['warnings']})")
    for head, group in ((w["error_head"], errors), (w["warning_head"], warnings),
                        (w["info_head"], infos)):
        if group:
            lines.append("")
            lines.append(f"  {head}: {len(group)}")
            lines += _grouped(group, lang)
    return "\n".join(lines)


def _grouped(findings: list[Finding], lang: Lang) -> list[str]:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_code[f.code].append(f)
    lines = []
    for code, group in by_code.items():  # in the findings' order: root causes first
        lines.append(f"    [{code}] × {len(group)}")
        for f in group[:MAX_PER_RULE]:
            where = f.where(lang).replace(str(f.file) + ", ", "").replace(str(f.file), "") or "-"
            explained = WORDS[lang]["explains"].format(n=f.params["explained"]) \
                if f.params.get("explained") else ""
            lines.append(f"      - {where}: {f.message(lang)}{explained}")
        if len(group) > MAX_PER_RULE:
            lines.append("      " + WORDS[lang]["more"].format(n=len(group) - MAX_PER_RULE))
    return lines


VERDICT_LABELS = {
    "accepted": "diterima", "rejected": "DITOLAK",
    "unchanged-accepted": "tidak berubah", "unchanged-rejected": "DITOLAK (tidak berubah)",
    "held": "DITAHAN untuk ditinjau", "unchanged-held": "DITAHAN (tidak berubah)",
}


def run_summary_rows(summary: RunSummary) -> list[dict[str, Any]]:
    rows = []
    for o in summary.outcomes:
        rows.append({
            "desa": ", ".join(village_label(k) for k in o.villages) or "-",
            "jenis": o.record_type or "-",
            "tahun": ", ".join(map(str, o.years)) or "-",
            "berkas": o.file,
            "hasil": VERDICT_LABELS.get(o.verdict, o.verdict),
            "galat": o.errors, "peringatan": o.warnings,
        })
    return sorted(rows, key=lambda r: (r["desa"], r["jenis"], r["tahun"]))


def run_summary_markdown(summary: RunSummary) -> str:
    lines = ["# Ringkasan run Desa Terbuka", "",
             "| Desa | Jenis | Tahun | Berkas | Hasil | Galat | Peringatan |",
             "|---|---|---|---|---|---|---|"]
    for r in run_summary_rows(summary):
        lines.append(f"| {r['desa']} | {r['jenis']} | {r['tahun']} | {r['berkas']} | "
                     f"{r['hasil']} | {r['galat']} | {r['peringatan']} |")
    verdicts = Counter(VERDICT_LABELS.get(o.verdict, o.verdict) for o in summary.outcomes)
    lines += ["", "Berkas: " + (", ".join(f"{n} {label}" for label, n in sorted(verdicts.items())) or "0"),
              f"Perubahan di portal: {summary.change_count} ({summary.write_calls} panggilan tulis)"]
    for change in summary.portal_changes:
        lines.append(f"- {change}")
    for result in summary.published:
        for change in result.changes:
            lines.append(f"- {result.dataset}: {change}")
    for name, finding in summary.failures.items():
        lines.append(f"- GAGAL {name}: {finding.message()}")
    for o in summary.outcomes:
        if o.verdict in ("rejected", "held"):
            lines.append(f"- {VERDICT_LABELS[o.verdict]}: {o.file} ({o.errors} galat, {o.warnings} peringatan)")
    for finding in [*summary.withheld.values(), *summary.notices]:
        lines.append(f"- {finding.message()}")
    if summary.compliance:
        lines.append(f"- Dataset kepatuhan diperbarui: {dataset_url(summary.portal_url, summary.compliance)}")
    return "\n".join(lines)


def village_summary_lines(summary: RunSummary) -> list[str]:
    """One line per village: per record type, how many files had which verdict."""
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for o in summary.outcomes:
        for kode in o.villages or ["-"]:
            counts[kode][o.record_type or "?"][VERDICT_LABELS.get(o.verdict, o.verdict)] += 1
    lines = []
    for kode in sorted(counts):
        parts = []
        for record_type, verdicts in sorted(counts[kode].items()):
            text = ", ".join(f"{n} {label}" for label, n in sorted(verdicts.items()))
            parts.append(f"{record_type}: {text}")
        label = village_label(kode) if kode != "-" else "(desa tidak dikenali)"
        lines.append(f"  {label:<30} " + " | ".join(parts))
    return lines


def run_summary_text(summary: RunSummary, show_urls: bool = True) -> str:
    lines = []
    if summary.outcomes:
        lines.append(f"Kiriman per desa ({len(summary.outcomes)} berkas):")
        lines += village_summary_lines(summary)
    else:
        lines.append("Tidak ada kiriman di kotak masuk (no submissions in the inbox).")
    for o in summary.outcomes:
        if o.verdict in ("held", "unchanged-held"):
            lines += ["", f"  DITAHAN untuk ditinjau petugas: {o.file} (`desa review`)"]
        if o.verdict in ("rejected", "unchanged-rejected"):
            lines += ["", f"  DITOLAK: {o.file} ({o.errors} galat)"]
            errors = [f for f in o.findings if f.level == "error"]
            for f in errors[:MAX_PER_RULE]:
                lines.append(f"    - {f.where().replace(f'{o.file}, ', '')}: {f.message()}")
            if o.errors > min(len(errors), MAX_PER_RULE):
                lines.append("    " + WORDS["id"]["more"].format(n=o.errors - min(len(errors), MAX_PER_RULE)))
    if summary.dry_run:
        lines += ["", "Uji coba (--dry-run): tidak ada yang disimpan atau diterbitkan."]
        return "\n".join(lines)
    lines.append("")
    changes = summary.change_count
    lines.append(f"Portal: {changes} perubahan, {summary.write_calls} panggilan tulis ke CKAN"
                 + (" (0 perubahan: semua sudah mutakhir)" if changes == 0 else ""))
    lines += [f"  {c}" for c in summary.portal_changes]
    for result in summary.published:
        if result.changes:
            lines.append(f"  {result.dataset}: " + "; ".join(result.changes))
    for name, finding in summary.failures.items():
        lines.append(f"  GAGAL {name}: {finding.message()}")
    for finding in [*summary.withheld.values(), *summary.notices]:
        lines.append(f"  {finding.message()}")
    if show_urls and summary.published:
        lines += ["", "Dataset:"]
        lines += [f"  {dataset_url(summary.portal_url, r.dataset)}"
                  for r in sorted(summary.published, key=lambda r: r.dataset)]
    return "\n".join(lines)


def finding_rows(findings: list[Finding], lang: Lang = "id") -> list[dict[str, Any]]:
    """Findings as table rows (a Prefect artifact): ``Finding.to_dict`` under Indonesian headings."""
    heads = {"code": "aturan", "severity": "tingkat", "file": "berkas", "sheet": "lembar",
             "row": "baris", "field": "kolom", "value": "nilai", "message": "pesan"}
    rows = []
    for f in findings:
        shown = f.to_dict(lang)
        shown["file"] = Path(shown["file"]).name if shown["file"] else ""
        rows.append({heads[k]: v for k, v in shown.items()})
    return rows
