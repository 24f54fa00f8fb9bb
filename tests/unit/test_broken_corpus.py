"""Every kind of broken submission in ``tests/data/broken`` is refused with a located message.

``tests/data/broken/cases.yaml`` (built by ``tests/data/build_corpus.py``) gives, per file, the
exit code of ``desa check``, a finding code that must be among the problems and a text the report
must mention (where or what).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from desa_terbuka.cli import cli

BROKEN = Path(__file__).parents[1] / "data" / "broken"
CASES = yaml.safe_load((BROKEN / "cases.yaml").read_text(encoding="utf-8"))


def test_corpus_has_at_least_30_kinds() -> None:
    assert len(CASES) >= 30
    assert len({c["file"] for c in CASES}) == len(CASES)
    assert all((BROKEN / c["file"]).is_file() for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_broken_submission_is_refused_with_a_located_message(case: dict) -> None:
    path = BROKEN / case["file"]
    text = CliRunner().invoke(cli, ["check", str(path)])
    assert text.exit_code == case["exit"], text.output
    assert "Traceback" not in text.output
    assert text.exception is None or isinstance(text.exception, SystemExit)
    assert f"[{case['code']}]" in text.output
    assert case["mentions"] in text.output
    assert case["file"] in text.output  # the report names the file

    data = json.loads(CliRunner().invoke(cli, ["check", str(path), "--json", "--lang", "en"]).output)
    found = [e for e in data["errors"] if e["code"] == case["code"]]
    assert found, data["errors"]
    for error in data["errors"]:
        assert error["message"] and "{" not in error["message"]
        assert error["file"] == str(path)
