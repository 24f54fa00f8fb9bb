"""A rejected file stays rejected across runs, and its stored findings render in a fresh process.

Regression: findings of rules declared by a reader rendered only when that reader had been
imported, so the second nightly `desa run` on the same inbox failed with a KeyError (exit 2).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
ZIP = Path(__file__).resolve().parents[1] / "data" / "siskeudes" / "simulasi_2024_v2.zip"


def test_second_run_renders_the_stored_rejection(tmp_path: Path, portal) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(ZIP, inbox / "siskeudes_2024.zip")
    unmapped = tmp_path / "siskeudes_desa.yaml"
    unmapped.write_text("desa: []\n", encoding="utf-8")
    env = {**os.environ, "CKAN_URL": portal.url, "CKAN_API_TOKEN": portal.token,
           "DESA_WAREHOUSE": str(tmp_path / "data" / "warehouse.duckdb"),
           "DESA_SISKEUDES_MAPPING": str(unmapped), "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)  # each run in its own process, as a nightly run would be
    runs = [subprocess.run([sys.executable, "-m", "desa_terbuka.cli", "run", "--inbox", str(inbox),
                            "--json"], capture_output=True, text=True, env=env, timeout=300)
            for _ in range(2)]
    for run in runs:
        assert run.returncode == 1, run.stdout + run.stderr
        assert "Traceback" not in run.stderr
    first, second = (json.loads(r.stdout) for r in runs)
    assert [s["verdict"] for s in first["submissions"]] == ["rejected"]
    assert [s["verdict"] for s in second["submissions"]] == ["unchanged-rejected"]
    codes = [f["code"] for f in second["submissions"][0]["findings"]]
    assert codes and codes[0] == "siskeudes-unmapped-village"
    message = second["submissions"][0]["findings"][0]["message"]
    assert message == first["submissions"][0]["findings"][0]["message"]
    assert message.startswith("Kd_Desa Siskeudes '14.01.' belum dipetakan")
