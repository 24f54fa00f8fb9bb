"""Files correct in substance but unusual in form (``tests/data/tolerated``) are accepted, and
the report says how they were read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from desa_terbuka.cli import cli

TOLERATED = Path(__file__).parents[1] / "data" / "tolerated"
CASES = yaml.safe_load((TOLERATED / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_tolerated_file_is_accepted_and_says_how_it_was_read(case: dict) -> None:
    result = CliRunner().invoke(cli, ["check", str(TOLERATED / case["file"])])
    assert result.exit_code == 0, result.output
    assert "VALID" in result.output and "TIDAK VALID" not in result.output
    assert f"[{case['code']}]" in result.output and case["mentions"] in result.output
