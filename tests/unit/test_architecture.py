"""The package reads as the data flow: import-linter holds the layers and forbids import loops."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGES = ["collect", "normalise", "validate", "stage", "publish", "link", "views"]


def test_import_contracts_hold() -> None:
    """Layers (core < collect < ... < cli), the dev portal only from the CLI, no import loops."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a dev dependency (pip install -e .[dev])"
    result = subprocess.run([lint, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_stages_are_folders_and_the_dev_portal_is_outside_the_package() -> None:
    package = ROOT / "desa_terbuka"
    assert all((package / stage / "__init__.py").is_file() for stage in STAGES)
    assert not (package / "portal").exists() and (ROOT / "devportal" / "local.py").is_file()


def test_no_rule_is_registered_at_import_time() -> None:
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "desa_terbuka").rglob("*.py")]
    assert not any("RULES.update" in s or "register_all" in s for s in sources)
