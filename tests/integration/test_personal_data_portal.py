"""No personal data reaches the portal: the personal-data corpus (tests/data/personal) is run
through the real pipeline into the tests' portal, then every dataset's metadata, every published
file and every DataStore table is read back and searched for each planted value (as written and
as bare digits). Files with personal data are blocked; the clean file's unknown column is never
published. Cost: one pipeline run of 9 files (≈30 s on a warm portal)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import requests
import yaml

from desa_terbuka.core.reference import villages

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parent.parent / "data" / "personal"


def published_texts(portal) -> dict[str, str]:
    """Everything the portal shows of every dataset: metadata, files, DataStore rows."""
    texts: dict[str, str] = {}
    names = portal.ckan.action.package_list()
    for name in names:
        package = portal.ckan.action.package_show(id=name)
        texts[f"{name} (metadata)"] = json.dumps(package, ensure_ascii=False)
        for resource in package["resources"]:
            where = f"{name}/{resource['name']}"
            response = requests.get(resource["url"], timeout=60,
                                    headers={"Authorization": portal.token})
            response.raise_for_status()
            texts[f"{where} (file)"] = response.content.decode("utf-8", errors="replace")
            if resource.get("datastore_active"):
                records = portal.ckan.action.datastore_search(resource_id=resource["id"],
                                                              limit=100000)
                texts[f"{where} (DataStore)"] = json.dumps(records, ensure_ascii=False)
    return texts


def test_the_personal_data_corpus_leaks_nothing_to_the_portal(portal, run_pipeline, tmp_path):
    cases = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for case in cases:
        shutil.copy(CORPUS / case["file"], inbox / case["file"])

    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    verdicts = {Path(o.file).name: o.verdict for o in summary.outcomes}
    assert verdicts == {c["file"]: ("rejected" if c["blocked"] else "accepted") for c in cases}
    assert not summary.failures

    texts = published_texts(portal)
    clean = next(c for c in cases if not c["blocked"])
    village = villages()["62.02.12.2004"]
    clean_dataset = f"musyawarah-{village.kode}-{village.slug}"
    assert any(k.startswith(clean_dataset) and k.endswith("(DataStore)") for k in texts), \
        "the clean file must be published, or the scan proves nothing"
    assert "Terantang Hilir" in "".join(v for k, v in texts.items() if k.startswith(clean_dataset))

    leaks = []
    for case in cases:
        for value in case["planted"]:
            digits = re.sub(r"\D", "", value)
            for where, text in texts.items():
                if value in text or (len(digits) >= 9 and digits in re.sub(r"\D", "", text)):
                    leaks.append((case["file"], value[:4] + "…", where))
    planted = sum(len(c["planted"]) for c in cases)
    print(f"personal-data corpus: {len(cases)} files, {planted} planted values, "
          f"{len(texts)} published texts scanned, {len(leaks)} leaks")
    assert planted > 40 and leaks == []
