"""Where the project's declarative files live.

Everything is resolved from the checkout (or the installed package's parent), never from ../shared,
so the project works from its own tree.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = PROJECT_ROOT / "reference"
SCHEMAS_DIR = PROJECT_ROOT / "schemas"
DATASETS_DIR = PROJECT_ROOT / "datasets"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
PORTAL_CONFIG_DIR = PROJECT_ROOT / "portal_config"
RULES_DIR = PROJECT_ROOT / "rules"
