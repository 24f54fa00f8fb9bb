"""The error reference (docs/errors.md), generated from the rule catalogue so it cannot drift."""

from __future__ import annotations

from desa_terbuka.core.catalogue import STAGES, catalogue

_STAGE_TITLES = {
    "collect": "Membaca berkas / Reading the file",
    "normalise": "Menafsirkan tabel / Interpreting the table",
    "validate": "Skema, tabel referensi, total, data pribadi / Schema, reference tables, totals, personal data",
    "expectations": "Aturan mutu per baris / Business rules per row",
    "cross_dataset": "Aturan lintas baris, tahun dan dataset / Rules across rows, years and datasets",
    "publish": "Menerbitkan ke portal / Publishing to the portal",
    "operations": "Jadwal, status dan kurasi / Schedules, status and curation",
}
_LEVELS = {"error": "galat (menahan penerbitan)", "warning": "peringatan (terbit dengan catatan)",
           "info": "informasi (cara berkas dibaca)"}


def errors_markdown() -> str:
    """Every rule by stage: code, severity, both message templates."""
    rules = catalogue()
    lines = ["Every finding Desa Terbuka reports, by stage. `{placeholders}` are filled in per",
             "finding. Severities: " + "; ".join(f"**{k}** = {v}" for k, v in _LEVELS.items()) + ".",
             "Declared in `rules/<stage>.yaml`; codes are stable and never renamed.", ""]
    for stage in STAGES:
        in_stage = sorted((r for r in rules.values() if r.stage == stage), key=lambda r: r.code)
        if not in_stage:
            continue
        lines += [f"## {_STAGE_TITLES[stage]}", "", "| code | severity | pesan (id) | message (en) |",
                  "|---|---|---|---|"]
        for r in in_stage:
            lines.append(f"| `{r.code}` | {r.severity} | {_cell(r.id)} | {_cell(r.en)} |")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
