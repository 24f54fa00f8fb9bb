"""Quality gates: business rules a schema cannot express, reported as ordinary findings.

Per-row rules are Great Expectations suites (``expectations/<type>.json``) run on one submission;
rules spanning datasets or years are DuckDB SQL (``expectations/cross_dataset.yaml``) run on the
warehouse. Importing this package registers every declared rule in ``findings.RULES``; GX itself
is imported only when expectations first run.
"""

from desa_terbuka.quality.rules import register_all

register_all()

__all__ = ["register_all"]
