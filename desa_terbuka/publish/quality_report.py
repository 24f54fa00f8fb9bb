"""The quality report of one village and record type: one self-contained HTML page.

Inline CSS only, no script and no external link (GX Data Docs load Bootstrap and vega from CDNs),
so the page renders offline and can be attached to a CKAN dataset as it is.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape
from typing import Any

from desa_terbuka.core.findings import Finding, Lang, rule_counts, tally

_WORDS = {
    "id": {"checked": "Diperiksa", "errors": "galat", "warnings": "peringatan", "none": "Tidak ada temuan: semua aturan mutu terpenuhi.",
           "summary": "Ringkasan per aturan", "rule": "Aturan", "severity": "Tingkat", "count": "Jumlah",
           "findings": "Temuan", "file": "Berkas", "row": "Baris", "column": "Kolom", "value": "Nilai",
           "message": "Pesan", "error": "galat", "warning": "peringatan", "info": "info",
           "note": "Galat menahan penerbitan; peringatan diterbitkan dengan catatan."},
    "en": {"checked": "Checked", "errors": "errors", "warnings": "warnings", "none": "No findings: every quality rule passed.",
           "summary": "Summary per rule", "rule": "Rule", "severity": "Severity", "count": "Count",
           "findings": "Findings", "file": "File", "row": "Row", "column": "Column", "value": "Value",
           "message": "Message", "error": "error", "warning": "warning", "info": "info",
           "note": "Errors block publishing; warnings are published with a note."},
}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1d2733;max-width:75rem}
h1{font-size:1.4rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:1.8rem}
.meta{color:#5b6775;margin-top:0}.counts span{display:inline-block;padding:.35rem .8rem;margin-right:.5rem;border-radius:.3rem;font-weight:600}
.error{background:#fbe3e4;color:#8a1f11}.warning{background:#fff4d6;color:#7a5300}.ok{background:#e3f6e8;color:#1e6b34}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d5dbe1;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f4f7}td.num{text-align:right}code{font-size:.85rem}
"""


def quality_summary(findings: list[Finding]) -> dict[str, Any]:
    """Counts for the portal's metadata: per severity and per rule (code -> severity, count)."""
    levels = tally(findings)  # a capped list: the findings it counts but does not list included
    per_rule = rule_counts(findings)
    return {
        "errors": levels.get("error", 0),
        "warnings": levels.get("warning", 0),
        "status": "error" if levels.get("error") else "warning" if levels.get("warning") else "ok",
        "rules": {code: {"severity": _rule_level(findings, code), "count": n}
                  for code, n in sorted(per_rule.items())},
    }


def quality_report_html(title: str, findings: list[Finding], checked_at: datetime | date,
                        lang: Lang = "id") -> str:
    """The page: counts per severity, a summary per rule, then every finding where it is."""
    w = _WORDS[lang]
    summary = quality_summary(findings)
    ordered = sorted(findings, key=lambda f: (f.level != "error", f.file, f.sheet or "",
                                              f.row or 0, f.field or "", f.code))
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{w["checked"]}: {escape(_when(checked_at))}</p>',
        '<p class="counts">'
        f'<span class="error">{summary["errors"]} {w["errors"]}</span>'
        f'<span class="warning">{summary["warnings"]} {w["warnings"]}</span></p>',
        f'<p class="meta">{w["note"]}</p>',
    ]
    if not findings:
        parts.append(f'<p class="counts"><span class="ok">{w["none"]}</span></p>')
    else:
        parts += [f'<h2>{w["summary"]}</h2><table><thead><tr><th>{w["rule"]}</th>'
                  f'<th>{w["severity"]}</th><th>{w["count"]}</th></tr></thead><tbody>']
        for code, info in summary["rules"].items():
            parts.append(f'<tr><td><code>{escape(code)}</code></td>'
                         f'<td class="{info["severity"]}">{w[info["severity"]]}</td>'
                         f'<td class="num">{info["count"]}</td></tr>')
        parts += ["</tbody></table>", f'<h2>{w["findings"]}</h2><table><thead><tr>'
                  + "".join(f"<th>{w[k]}</th>" for k in
                            ("rule", "severity", "file", "row", "column", "value", "message"))
                  + "</tr></thead><tbody>"]
        for f in ordered:
            shown = f.to_dict(lang)
            cells = [f"<code>{escape(shown['code'])}</code>", w[shown["severity"]], _file(f),
                     _text(shown["row"]), _text(shown["field"]), _text(shown["value"]),
                     escape(shown["message"])]
            parts.append(f'<tr class="{shown["severity"]}">' + "".join(
                f'<td{" class=num" if i == 3 else ""}>{c}</td>' for i, c in enumerate(cells)) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _when(checked_at: datetime | date) -> str:
    """A date shows as a date: a report re-checked the same day is the same report."""
    if isinstance(checked_at, datetime):
        return checked_at.isoformat(timespec="seconds")
    return checked_at.isoformat()


def _rule_level(findings: list[Finding], code: str) -> str:
    levels = {f.level for f in findings if f.code == code}
    return next(level for level in ("error", "warning", "info") if level in levels)


def _file(f: Finding) -> str:
    name = f.file.replace("\\", "/").rsplit("/", 1)[-1] if f.file else ""
    return escape(name + (f" ({f.sheet})" if f.sheet else ""))


def _text(value: Any) -> str:
    return "" if value is None else escape(str(value))
