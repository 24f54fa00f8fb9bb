"""Docs that cannot drift: the README's command reference and docs/errors.md are generated."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_docs_are_fresh() -> None:
    """Fails when a command's --help or a rule changed: run `cog -r README.md docs/errors.md`."""
    cog = shutil.which("cog", path=str(Path(sys.executable).parent))
    assert cog, "cogapp is a dev dependency (pip install -e .[dev])"
    result = subprocess.run([cog, "--check", "README.md", "docs/errors.md"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_command_is_in_the_readme() -> None:
    from desa_terbuka.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"<code>desa {name}</code>" in readme for name in cli.commands)
