#!/usr/bin/env bash
# One command: set everything up, start the local CKAN portal, write the sample submissions of
# Kecamatan Tualan Hulu and publish them; ends by printing the dataset URLs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/desa portal up
.venv/bin/desa portal sync   # site texts, 168 desa organizations, groups, the bot user (portal_config/site.yaml)
inbox=${DESA_INBOX:-inbox}
.venv/bin/desa sample --out "$inbox"
.venv/bin/desa run --inbox "$inbox"
