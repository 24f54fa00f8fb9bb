"""An officer's typo in a configuration file gives one clear line from `desa check`, exit 2.

Each case copies the project's configuration (DESA_CONFIG_ROOT), plants one typo and runs the
real command in a fresh process: no traceback, the file and key named, a remedy given.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ["datasets", "schemas", "expectations", "rules", "portal_config", "reference"]
VALID = ROOT / "tests" / "data" / "messy"


def _replace(path: str, old: str, new: str):
    def plant(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plant


CASES = {
    "unknown key": (_replace("datasets/apbdes.yaml", "\nheaders:", "\nheders:"),
                    "datasets/apbdes.yaml: 'heders': kunci tidak dikenal; maksudnya 'headers'?"),
    "synonym for a field that does not exist": (
        _replace("datasets/apbdes.yaml", "  uraian: [uraian,", "  uraiann: [uraian,"),
        "datasets/apbdes.yaml: 'headers.uraiann'"),
    "personal data safe for a field the schema lacks": (
        _replace("datasets/musyawarah.yaml", "personal_data_safe: {}",
                 "personal_data_safe: {keterangann: [email]}"),
        "datasets/musyawarah.yaml: 'personal_data_safe.keterangann'"),
    "personal data safe for an unknown kind": (
        _replace("datasets/musyawarah.yaml", "personal_data_safe: {}",
                 "personal_data_safe: {keputusan: [telepon]}"),
        "datasets/musyawarah.yaml: 'personal_data_safe.keputusan.0'"),
    "YAML syntax": (_replace("datasets/kegiatan.yaml", "groups: [kegiatan-desa]", "groups: [kegiatan-desa"),
                    "datasets/kegiatan.yaml, baris"),
    "unknown placeholder": (_replace("datasets/musyawarah.yaml", "{nama_desa}", "{nama_dessa}"),
                            "datasets/musyawarah.yaml: 'title'"),
    "missing schema file": (_replace("datasets/apbdes.yaml", "schemas/apbdes.schema.json",
                                     "schemas/apbdes.json"), "datasets/apbdes.yaml: 'schema'"),
    "suite names an unknown rule": (
        _replace("expectations/apbdes.json", '"rule": "apbdes-negative-amount"',
                 '"rule": "apbdes-negatif-amount"'), "expectations/apbdes.json: 'expectations."),
    "rule message placeholders differ": (
        _replace("rules/validate.yaml", "Column '{field}' must not be empty.",
                 "Column '{fiel}' must not be empty."), "rules/validate.yaml: 'required-value'"),
    "bad severity": (_replace("rules/normalise.yaml", "severity: warning", "severity: peringatan"),
                     "rules/normalise.yaml: 'rules."),
    "portal.yaml unknown key": (_replace("portal_config/portal.yaml", "publisher:", "publiser:"),
                                "portal_config/portal.yaml: 'publiser': kunci tidak dikenal; maksudnya 'publisher'?"),
    "deadline calendar unknown key": (
        _replace("portal_config/deadlines.yaml", "first_year:", "first_yaer:"),
        "portal_config/deadlines.yaml: 'first_yaer': kunci tidak dikenal; maksudnya 'first_year'?"),
    "deadline of an unknown stage": (
        _replace("portal_config/deadlines.yaml", "- stage: realisasi_semester_1", "- stage: realisasi_semester1"),
        "portal_config/deadlines.yaml: 'record_types.apbdes'"),
    "deadline calendar of an unknown record type": (
        _replace("portal_config/deadlines.yaml", "  musyawarah:\n    deadlines:", "  musyawarh:\n    deadlines:"),
        "portal_config/deadlines.yaml: 'record_types.musyawarh': jenis data tidak dikenal"),
    "schedule with a broken cron": (_replace("portal_config/schedule.yaml", '"0 2 * * *"', '"0 2 * *"'),
                                    "portal_config/schedule.yaml: 'schedules.0.cron'"),
    "an error held for review": (
        _replace("portal_config/curation.yaml", "  - apbdes-total-yoy-jump", "  - apbdes-deficit-unfunded"),
        "portal_config/curation.yaml: 'hold_for_review'"),
    "compliance dataset unknown key": (
        _replace("portal_config/compliance.yaml", "license_id:", "licence_id:"),
        "portal_config/compliance.yaml: 'licence_id': kunci tidak dikenal; maksudnya 'license_id'?"),
    "cross rule of an unknown record type": (
        _replace("expectations/cross_dataset.yaml", "record_type: kegiatan", "record_type: kegiatann"),
        "expectations/cross_dataset.yaml: 'rules."),
}


def _valid_file() -> Path:
    return VALID / "apbdes_merah_2024.csv"


@pytest.mark.parametrize("case", sorted(CASES))
def test_typo_is_one_clear_line(tmp_path: Path, case: str) -> None:
    plant, expected = CASES[case]
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    plant(tmp_path)
    env = {**os.environ, "DESA_CONFIG_ROOT": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "desa_terbuka.cli", "check", str(_valid_file())],
                            capture_output=True, text=True, env=env, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert expected in output, output
    assert len(result.stderr.strip().splitlines()) == 1, output


def test_the_unchanged_copy_passes(tmp_path: Path) -> None:
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    env = {**os.environ, "DESA_CONFIG_ROOT": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "desa_terbuka.cli", "check", "--json",
                             str(_valid_file())], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["valid"] is True
