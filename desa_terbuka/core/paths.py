"""Where the project's declarative files live.

Everything is resolved from the checkout (or the installed package's parent), never from ../shared,
so the project works from its own tree. ``DESA_CONFIG_ROOT`` points at another folder holding the
same layout (datasets/, schemas/, expectations/, rules/, portal_config/, reference/): a district's
own reviewed configuration, or a test's copy.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONFIG_ROOT = Path(os.environ.get("DESA_CONFIG_ROOT") or PROJECT_ROOT).resolve()
REFERENCE_DIR = CONFIG_ROOT / "reference"
SCHEMAS_DIR = CONFIG_ROOT / "schemas"
DATASETS_DIR = CONFIG_ROOT / "datasets"
EXPECTATIONS_DIR = CONFIG_ROOT / "expectations"
PORTAL_CONFIG_DIR = CONFIG_ROOT / "portal_config"
RULES_DIR = CONFIG_ROOT / "rules"
