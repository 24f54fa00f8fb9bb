#!/usr/bin/env bash
# Set up everything the project needs on a fresh Debian 12 machine, as root:
# Debian packages (PostgreSQL, Redis, build tools, Chromium for the board tests) and the project's
# virtualenv in .venv.
# Idempotent: a second run only checks. The local CKAN portal installs itself on `desa portal up`.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pg_ctlcluster >/dev/null || need_apt+=(postgresql)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v redis-server >/dev/null || need_apt+=(redis-server)
dpkg -s python3-venv >/dev/null 2>&1 || need_apt+=(python3-venv)
dpkg -s libpq-dev >/dev/null 2>&1 || need_apt+=(libpq-dev)
dpkg -s libmagic1 >/dev/null 2>&1 || need_apt+=(libmagic1)
dpkg -s build-essential >/dev/null 2>&1 || need_apt+=(build-essential python3-dev)
# Headless Chromium: the tests open the offline status board (desa status --html) in it.
command -v chromium >/dev/null || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need_apt[@]}" >/dev/null
fi

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for cand in python3.11 python3; do
    if command -v "$cand" >/dev/null && "$cand" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PY=$cand; break
    fi
  done
fi
[ -n "$PY" ] || { echo "Python 3.11 not found (set PYTHON=/path/to/python3.11)" >&2; exit 2; }

if [ ! -x .venv/bin/desa ] || [ pyproject.toml -nt .venv/.installed ]; then
  echo "==> virtualenv .venv (pip install -e .[dev,scale])"
  [ -d .venv ] || "$PY" -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -e ".[dev,scale]" 2>&1 | grep -v "is ignored: it is neither" || true
  .venv/bin/python -c "import desa_terbuka, ckanapi, frictionless, prefect, duckdb, great_expectations" \
    || { echo "virtualenv install failed" >&2; exit 1; }
  touch .venv/.installed
fi
