"""Build the variety corpus: correct village files in the many forms villages really send, each
with what must be read from it (cases.yaml). See SOURCES.md for where every shape comes from.

    .venv/bin/python tests/data/variety/build.py

Deterministic (fixed timestamps, no randomness): a rebuild gives the same bytes. Totals in
cases.yaml are computed here from the line items written into each file (an independent
statement of the source, not the pipeline's reading of it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _apbdes  # noqa: E402
import _kegiatan  # noqa: E402
import _musyawarah  # noqa: E402
import _siskeudes  # noqa: E402
from _common import HERE, Registry  # noqa: E402

KEEP = {"build.py", "SOURCES.md", "cases.yaml", "siskeudes_desa.yaml", "__pycache__"}


def main() -> None:
    for path in HERE.iterdir():
        if path.name not in KEEP and not path.name.startswith("_"):
            path.unlink()
    reg = Registry()
    _apbdes.build(reg)
    mapping = _siskeudes.build(reg)
    _kegiatan.build(reg)
    _musyawarah.build(reg)
    header = ("# Variety corpus: correct village files and what a careful reader finds in them.\n"
              "# Built by build.py (totals from the line items written); provenance in SOURCES.md.\n"
              "# apbdes totals: sums of LINE ITEMS (never subtotal rows) by kode rekening 4 / 5 / 6.1 / 6.2.\n"
              "# kegiatan: anggaran = sum of anggaran/pagu. musyawarah: meetings, hadir = sum of attendance.\n"
              "# per_desa: files holding several desa; sheets: workbooks with several data sheets.\n")
    (HERE / "cases.yaml").write_text(header + yaml.safe_dump(reg.cases, sort_keys=False, allow_unicode=True, width=110),
                                     encoding="utf-8")
    (HERE / "siskeudes_desa.yaml").write_text(
        "# Kd_Desa -> kode desa for the Siskeudes ZIPs of this corpus (tests set DESA_SISKEUDES_MAPPING here).\n"
        + yaml.safe_dump({"desa": mapping}, sort_keys=False), encoding="utf-8")
    files = sorted(p.name for p in HERE.iterdir() if p.name not in KEEP and not p.name.startswith("_"))
    assert files == sorted(c["file"] for c in reg.cases), set(files) ^ {c["file"] for c in reg.cases}
    print(f"{len(reg.cases)} files")


if __name__ == "__main__":
    main()
