"""The hostile corpus (bench/hostile.py, small form) through a real run: every file is rejected
with a finding, nothing is published (no dataset, resource or DataStore
table). Cost: one pipeline run of
16 small files (≈40 s)."""

from __future__ import annotations

import pytest

from bench.hostile import generate

pytestmark = pytest.mark.integration


def test_the_hostile_corpus_publishes_nothing(portal, run_pipeline, tmp_path):
    inbox = tmp_path / "inbox"
    files = generate(inbox, quick=True)
    # the small corpus carries no bomb: keep only the files that are hostile at any size
    for path in files:
        if path.name.startswith(("dekat_batas", "siskeudes_bom")):
            path.unlink()
    before = portal.ckan.action.package_list()
    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    assert len(summary.outcomes) >= 11
    assert {o.file.rsplit("/", 1)[-1]: o.verdict for o in summary.outcomes
            if o.verdict != "rejected"} == {}
    assert all(o.errors for o in summary.outcomes)
    # (a fresh portal may get its thematic groups: set-up, not data)
    assert sum(len(r.changes) for r in summary.published) == 0 and not summary.failures
    assert portal.ckan.action.package_list() == before
