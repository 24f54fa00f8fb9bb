"""One model for every problem found in a submission, or interpretation made of it.

Schema errors, reference checks, expectations, cross-dataset rules, personal-data hits and
portal rejections all become a ``Finding`` with a stable ``code`` declared in the rule catalogue
(``rules/*.yaml``), a severity and a message an operator can act on, in Bahasa Indonesia with an
English twin. ``Finding.to_dict`` is the one JSON shape: reports, ``--json``, the warehouse, the
Prefect artifacts and the quality resources are all views of it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any, Iterator

from desa_terbuka.core.catalogue import Rule, Severity, rule
from desa_terbuka.core.text import Lang, Text, text_in

MESSAGE_VALUE_LIMIT = 60  # characters of a cell quoted inside a message
VALUE_LIMIT = 200  # characters of a cell echoed in a report or JSON
PARAM_LIMIT = 1000  # characters of one message parameter (lists of headings, reasons)
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

OMITTED = "findings-omitted"  # the findings of one rule in one file past its ``examples``

__all__ = ["OMITTED", "Finding", "Lang", "Rule", "Severity", "Text", "capped", "clip", "has_errors", "order",
           "params_from_json", "params_to_json", "rule_counts", "tally"]


@dataclass(frozen=True)
class Finding:
    """A problem in a submission, located as the operator sees it (file, sheet, row, column)."""

    code: str
    file: str = ""
    sheet: str | None = None
    row: int | None = None  # 1-based row/line in the original file
    field: str | None = None
    value: str | None = None
    params: dict[str, Any] = dataclass_field(default_factory=dict)
    severity: Severity | None = None  # defaults to the rule's severity

    @property
    def rule(self) -> Rule:
        return rule(self.code)

    @property
    def level(self) -> Severity:
        return self.severity or self.rule.severity

    def message(self, lang: Lang = "id") -> str:
        template = self.rule.en if lang == "en" else self.rule.id
        params = {k: _shown(text_in(v, lang)) for k, v in self.params.items()}
        values = {"field": clip(self.field, VALUE_LIMIT), "value": clip(self.value, MESSAGE_VALUE_LIMIT),
                  **params}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError) as missing:  # a template asked for an unset parameter
            return f"{template} [{missing}]"

    def where(self, lang: Lang = "id") -> str:
        words = {"id": ("baris", "kolom", "lembar"), "en": ("row", "column", "sheet")}[lang]
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(f"{words[2]} {clip(self.sheet, VALUE_LIMIT)}")
        if self.row is not None:
            parts.append(f"{words[0]} {self.row}")
        if self.field:
            parts.append(f"{words[1]} {clip(self.field, VALUE_LIMIT)}")
        return ", ".join(parts)

    def to_dict(self, lang: Lang = "id") -> dict[str, Any]:
        """The one JSON shape of a finding (pinned by tests/unit/test_findings.py)."""
        return {
            "code": self.code,
            "severity": self.level,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "field": self.field,
            "value": clip(self.value, VALUE_LIMIT) if self.value is not None else None,
            "message": self.message(lang),
        }


def clip(value: Any, limit: int) -> str:
    """A cell as it may be echoed: control characters shown as spaces, at most ``limit`` long."""
    if value is None:
        return ""
    text = "".join(c if c.isprintable() else " " for c in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(value: Any) -> Any:
    """A message parameter as it may be shown: text without control characters (a heading or a
    reason quoting the file), at most ``PARAM_LIMIT`` long; numbers unchanged."""
    return clip(value, PARAM_LIMIT) if isinstance(value, str) else value


def params_to_json(params: dict[str, Any]) -> str:
    """Message parameters for storage; a ``Text`` keeps both languages."""
    def encode(value: Any) -> Any:
        if isinstance(value, Text):
            return {"id": str(value), "en": value.en}
        return value if isinstance(value, (int, float, bool, type(None))) else str(value)
    return json.dumps({k: encode(v) for k, v in params.items()}, ensure_ascii=False)


def params_from_json(text: str | None) -> dict[str, Any]:
    def decode(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"id", "en"}:
            return Text(value["id"], value["en"])
        return value
    return {k: decode(v) for k, v in json.loads(text or "{}").items()}


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)


def capped(findings: list[Finding]) -> list[Finding]:
    """At most the rule's ``examples`` findings of each rule per file (the first ones, in order),
    and for each rule over it one ``findings-omitted`` finding counting the others: a file with
    185,000 duplicate rows gives a report of a few hundred findings, not 60 MB. Every rule
    found keeps an example, so the verdict is the same; ``tally`` and ``rule_counts`` still
    count every finding. Idempotent: a capped list given more findings is capped again."""
    totals: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    levels: dict[tuple[str, str], Severity] = {}
    kept: list[Finding] = []
    for f in findings:
        if f.code == OMITTED:  # an earlier cap: its findings are counted, not listed
            key = (f.params["code"], f.file)
            totals[key] += int(f.params["more"])
            levels.setdefault(key, f.params["level"])
            continue
        key = (f.code, f.file)
        totals[key] += 1
        seen[key] += 1
        levels.setdefault(key, f.level)
        if f.rule.examples is None or seen[key] <= f.rule.examples:
            kept.append(f)
    listed = Counter((f.code, f.file) for f in kept)
    omitted = [Finding(OMITTED, file, params={"code": code, "level": levels[(code, file)],
                                              "total": totals[(code, file)],
                                              "shown": listed[(code, file)],
                                              "more": totals[(code, file)] - listed[(code, file)]})
               for code, file in totals if totals[(code, file)] > listed[(code, file)]]
    return kept + omitted


def _weighted(findings: list[Finding]) -> Iterator[tuple[str, str, int]]:
    """(rule, severity, how many) of each finding; a cap's ``findings-omitted`` stands for the
    findings it left out."""
    for f in findings:
        if f.code == OMITTED:
            yield f.params["code"], f.params["level"], int(f.params["more"])
        else:
            yield f.code, f.level, 1


def tally(findings: list[Finding]) -> Counter[str]:
    """Findings per severity, the ones a cap left out included."""
    levels: Counter[str] = Counter()
    for _, level, n in _weighted(findings):
        levels[level] += n
    return levels


def rule_counts(findings: list[Finding]) -> dict[str, int]:
    """Every rule found and how many times, the findings a cap left out included."""
    counts: Counter[str] = Counter()
    for code, _, n in _weighted(findings):
        counts[code] += n
    return dict(counts)


def order(findings: list[Finding]) -> list[Finding]:
    """Root causes first (an unknown village, an unmapped Siskeudes village, a missing column),
    without the row findings they explain; then every other finding in file order."""
    explained: set[str] = set()
    for f in findings:
        for name in f.rule.explains:
            explained.add(f.field if name == "$field" else name)
    def hidden(f: Finding) -> bool:
        return f.field in explained and f.rule.stage == "validate" and not f.rule.explains
    count = sum(hidden(f) for f in findings)
    kept = []
    for f in findings:
        if hidden(f):
            continue
        if f.rule.explains and count and "explained" not in f.params:
            f = replace(f, params={**f.params, "explained": count})  # how many it stands for
        kept.append(f)
    return sorted(kept, key=lambda f: (not f.rule.explains, f.row or 0, f.field or "", f.code))
