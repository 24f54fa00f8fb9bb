"""The rule catalogue: checked on load, complete for the code base, documented in docs/errors.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desa_terbuka.core.catalogue import catalogue, load_catalogue, placeholders
from desa_terbuka.core.config import ConfigError
from desa_terbuka.stage.cross_dataset import cross_rules
from desa_terbuka.validate.suites import suite_codes
from desa_terbuka.views.errors_doc import errors_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_catalogue_loads_with_both_languages_and_matching_placeholders() -> None:
    rules = catalogue()
    assert len(rules) >= 60
    for rule in rules.values():
        assert rule.id and rule.en and rule.severity in ("error", "warning", "info")
        assert placeholders(rule.id) == placeholders(rule.en), rule.code


def test_every_code_the_code_base_emits_is_declared() -> None:
    """Finding("code", ...) literals, PortalError codes, suite and cross rules all resolve."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "desa_terbuka").rglob("*.py"))
    used = set(re.findall(r'Finding\(\s*"([a-z0-9-]+)"', source))
    used |= set(re.findall(r'code = "([a-z0-9-]+)"', source))
    used |= set(re.findall(r'_report\([^)]*?"([a-z0-9]+(?:-[a-z0-9]+)+)"', source))
    used |= {code for t in ("apbdes", "kegiatan", "musyawarah") for code in suite_codes(t)}
    used |= {rule["rule"] for rule in cross_rules()}
    assert used and not used - set(catalogue())


@pytest.mark.parametrize("yaml_text, problem", [
    ("stage: validate\nexamples_per_file: 100\nrules:\n  x-y:\n    severity: error\n    id: 'a {field}'\n    en: 'b'\n",
     "placeholder berbeda"),
    ("stage: validate\nexamples_per_file: 100\nrules:\n  x-y:\n    severity: fatal\n    id: a\n    en: b\n", "'rules.x-y.severity'"),
    ("stage: validate\nexamples_per_file: 100\nrules:\n  x-y:\n    severity: error\n    id: a\n", "'rules.x-y.en'"),
    ("stage: validate\nexamples_per_file: 100\nrules:\n  XY:\n    severity: error\n    id: a\n    en: b\n", "kebab-case"),
    ("stage: validat\nexamples_per_file: 100\nrules: {}\n", "'stage'"),
    ("stage: validate\nrules: {}\n", "'examples_per_file'"),  # the cap on listed findings
    ("stage: validate\nexamples_per_file: 0\nrules: {}\n", "'examples_per_file'"),
])
def test_a_broken_catalogue_is_one_clear_line(tmp_path: Path, yaml_text: str, problem: str) -> None:
    (tmp_path / "bad.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_catalogue(tmp_path)
    assert problem in str(raised.value) and "bad.yaml" in str(raised.value)


def test_a_code_declared_twice_is_refused(tmp_path: Path) -> None:
    entry = "stage: validate\nexamples_per_file: 100\nrules:\n  x-y:\n    severity: error\n    id: a\n    en: b\n"
    (tmp_path / "a.yaml").write_text(entry, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(entry, encoding="utf-8")
    with pytest.raises(ConfigError, match="sudah ada"):
        load_catalogue(tmp_path)


def test_error_reference_lists_every_rule() -> None:
    text = errors_markdown()
    assert all(f"`{code}`" in text for code in catalogue())
