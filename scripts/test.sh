#!/usr/bin/env bash
# One command: set everything up (Debian packages, .venv) and run all tests.
# Extra arguments go to pytest, e.g. `scripts/test.sh -m "not integration"`.
# Integration tests run their OWN local portal (folder <user portal>-test, every port shifted by
# portal_config/local_ckan.yaml test_portal.port_offset), restored to its just-installed state
# at the start of the session and stopped at its end. The user's portal (DESA_PORTAL_DIR /
# DESA_PORTAL_PORTS) and warehouse are never touched: the run fails if either changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/pytest -q "$@"
