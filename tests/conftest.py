"""Session-wide test settings."""

import os
from pathlib import Path

# The Siskeudes test corpus has its own Kd_Desa mapping; the shipped one stays the district's.
os.environ.setdefault("DESA_SISKEUDES_MAPPING",
                      str(Path(__file__).parent / "data" / "siskeudes" / "siskeudes_desa.yaml"))
