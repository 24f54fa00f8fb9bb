#!/usr/bin/env bash
# One command: set everything up (Debian packages, .venv, local CKAN portal) and run all tests.
# Extra arguments go to pytest, e.g. `scripts/test.sh -m "not integration"`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
source scripts/portal_dir.sh
.venv/bin/desa portal up >/dev/null
exec .venv/bin/pytest -q "$@"
