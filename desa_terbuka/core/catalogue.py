"""The one rule catalogue: every finding's code, severity and message, as data in ``rules/*.yaml``.

Loaded once, lazily, the first time a message is rendered, and checked on load: codes are
kebab-case and unique across files, both languages are present, and the Indonesian and English
templates use the same placeholders. Nothing registers rules at import time, so a finding stored
by one run renders in the next whatever was imported.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from desa_terbuka.core.config import ConfigError, Strict, load_config, shown
from desa_terbuka.core.paths import RULES_DIR

Severity = Literal["error", "warning", "info"]
STAGES = ("collect", "normalise", "validate", "expectations", "cross_dataset", "publish", "operations")
CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    id: str  # Indonesian template: what is wrong and how to fix it
    en: str
    stage: str = ""
    # fields whose row findings this finding explains ("$field": its own field): a root cause,
    # reported first and once, instead of the row findings it causes
    explains: tuple[str, ...] = ()
    # findings of this rule a report lists per file (the rest are counted, not listed); None:
    # every one (a code the catalogue does not know)
    examples: int | None = None


class _RuleEntry(Strict):
    severity: Severity
    id: str = Field(min_length=1)
    en: str = Field(min_length=1)
    explains: list[str] = []
    examples: int | None = Field(None, ge=1)  # overrides the file's examples_per_file


class _RuleFile(Strict):
    stage: Literal[STAGES]  # type: ignore[valid-type]
    # a file with 185,000 duplicate rows must not give a 60 MB report: each rule lists at most
    # this many findings per file; the report counts the others (findings-omitted)
    examples_per_file: int = Field(ge=1)
    rules: dict[str, _RuleEntry]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def load_catalogue(directory: Path = RULES_DIR) -> dict[str, Rule]:
    """Every rule of every ``*.yaml`` in ``directory``; ConfigError naming the file and code."""
    rules: dict[str, Rule] = {}
    where: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yaml")):
        entries = load_config(path, _RuleFile)
        for code, entry in entries.rules.items():
            if not CODE.fullmatch(code):
                raise ConfigError(f"{shown(path)}: '{code}': kode aturan harus kebab-case, mis. "
                                  "realisasi-over-budget / rule codes are kebab-case")
            if code in rules:
                raise ConfigError(f"{shown(path)}: '{code}': kode ini sudah ada di {shown(where[code])}; "
                                  "pakai kode lain / the code is already declared there")
            only_id = placeholders(entry.id) - placeholders(entry.en)
            only_en = placeholders(entry.en) - placeholders(entry.id)
            if only_id or only_en:
                raise ConfigError(
                    f"{shown(path)}: '{code}': placeholder berbeda antara id dan en "
                    f"(hanya id: {sorted(only_id)}, hanya en: {sorted(only_en)}); samakan / "
                    "the two languages must use the same placeholders")
            rules[code] = Rule(code, entry.severity, " ".join(entry.id.split()),
                               " ".join(entry.en.split()), entries.stage, tuple(entry.explains),
                               entry.examples or entries.examples_per_file)
            where[code] = path
    return rules


@cache
def catalogue() -> dict[str, Rule]:
    """The project's rule catalogue (cached for the process)."""
    return load_catalogue()


def rule(code: str) -> Rule:
    """The catalogue entry of ``code``.

    A code that is not (or no longer) declared still renders, as its code, so that a stored
    finding never stops a run; ``tests/unit/test_catalogue.py`` keeps the code base honest.
    """
    found = catalogue().get(code)
    return found or Rule(code, "error", f"[{code}]", f"[{code}]", "")
