"""The report files kept beside a quarantined submission, for the data officer."""

from __future__ import annotations

import json

from desa_terbuka.validate.check import CheckedSubmission
from desa_terbuka.views.json import check_json
from desa_terbuka.views.text import check_text


def quarantine_reports(checked: CheckedSubmission) -> dict[str, str]:
    """File name -> text: the operator's report in Bahasa Indonesia and the same as JSON."""
    return {
        "laporan.txt": check_text(checked, "id") + "\n",
        "laporan.json": json.dumps(check_json(checked, "id"), ensure_ascii=False, indent=2) + "\n",
    }
