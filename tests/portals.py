"""Which portal the tests use, decided once when pytest starts (imported by tests/conftest.py).

The user's portal (DESA_PORTAL_DIR / DESA_PORTAL_PORTS, as `desa portal` sees them) and their
warehouse are never touched: the tests get their own portal beside it (its own folder, ports
and databases, devportal/instances.py), and the environment is pointed at that portal before
any test runs, so even code that falls back to "the local portal" lands on the test one.
"""

from __future__ import annotations

import os
from pathlib import Path

from desa_terbuka.core.paths import PROJECT_ROOT
from devportal import instances

USER_PORTAL = instances.layout()
USER_WAREHOUSE = Path(os.environ.get("DESA_WAREHOUSE",
                                     PROJECT_ROOT / "data" / "warehouse.duckdb")).resolve()
TEST_PORTAL = instances.test_layout(USER_PORTAL)


def isolate() -> None:
    """Point every portal setting of this process (and its children) at the test portal."""
    os.environ.update(instances.environment(TEST_PORTAL, test=True))
    os.environ.pop("DESA_PORTAL_PORT", None)
    for name in ("CKAN_URL", "CKAN_API_TOKEN"):  # a configured portal (even production)
        os.environ.pop(name, None)
