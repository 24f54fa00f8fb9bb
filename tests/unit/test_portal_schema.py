"""The pipeline and the portal's dataset schema agree (portal_config/scheming/dataset.yaml).

ckanext-scheming drops every field its schema does not declare, silently: a field the pipeline
sends but the schema lacks would vanish, and the metadata hash with it (every run would rewrite
every dataset). These checks keep the two in step without a portal.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from test_sync import FakePortal, plan

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR
from desa_terbuka.core.reference import villages
from desa_terbuka.core.settings import ConfigError
from desa_terbuka.publish.build import quality_fields
from desa_terbuka.publish.plan import (
    SDI_FIELDS,
    ResourcePlan,
    dataset_plan,
    portal_config,
)
from desa_terbuka.publish.sync import sync_dataset

SCHEMA = yaml.safe_load((PORTAL_CONFIG_DIR / "scheming" / "dataset.yaml").read_text("utf-8"))
DATASET_FIELDS = {f["field_name"]: f for f in SCHEMA["dataset_fields"]}
RESOURCE_FIELDS = {f["field_name"]: f for f in SCHEMA["resource_fields"]}
# CKAN core keys outside the schema: `tags`/`groups` (the schema's form field is tag_string),
# owner_org added by sync, mimetype a core resource column.
CORE_DATASET = {"tags", "groups"}
CORE_RESOURCE = {"mimetype", "url_type"}
BOOKKEEPING = {"dataset": {"desa_metadata_hash", "sumber_hash", "versi_pipeline"},
               "resource": {"desa_content_hash", "desa_key", "sumber_sha256", "desa_staging",
                            "desa_replaces"}}


def real_plan(record_type: str):
    """A plan as build.build_plan makes it: yearly resources and quality metadata."""
    resources = [ResourcePlan(2024, "x", "", "x.csv", b"kode_desa\n", [], "sha")]
    quality = quality_fields({"status": "ok", "warnings": 0}, date(2025, 1, 31))
    return dataset_plan(definitions()[record_type], villages()["62.02.16.2003"], resources,
                        extra_metadata=quality)


@pytest.mark.parametrize("record_type", sorted(definitions()))
def test_the_pipeline_sends_exactly_the_schemas_dataset_fields(record_type):
    sent = set(real_plan(record_type).metadata) - CORE_DATASET
    declared = set(DATASET_FIELDS) - {"tag_string", "owner_org"}
    assert sent == declared


def test_every_resource_field_the_pipeline_writes_is_declared():
    portal = FakePortal()
    sync_dataset(portal, plan())
    [package] = portal.packages.values()
    written = {k for r in package["resources"] for k in r} - {"id", "content", "datastore_active",
                                                             "position"}
    assert written - CORE_RESOURCE <= set(RESOURCE_FIELDS)
    assert {"tahun", "jumlah_baris"} <= written


def test_sdi_fields_are_required_and_bookkeeping_is_never_displayed():
    assert {n for n, f in DATASET_FIELDS.items() if f.get("required")} == set(SDI_FIELDS)
    for name in BOOKKEEPING["dataset"]:
        assert DATASET_FIELDS[name]["display_snippet"] is None
    for name in BOOKKEEPING["resource"]:
        assert RESOURCE_FIELDS[name]["display_snippet"] is None
    for name in ("tahun", "jumlah_baris"):
        assert RESOURCE_FIELDS[name]["label"]["id"]


def test_every_update_schedule_has_a_dcat_frequency_and_every_dataset_uses_one():
    choices = {c["value"] for c in DATASET_FIELDS["jadwal_pemutakhiran"]["choices"]}
    assert set(portal_config()["dcat"]["frequency"]) == choices
    for record_type in definitions():
        assert real_plan(record_type).metadata["jadwal_pemutakhiran"] in choices


def test_sdi_values_come_from_the_config_and_a_missing_one_is_a_clear_error():
    metadata = real_plan("apbdes").metadata
    assert metadata["walidata"] == portal_config()["sdi"]["walidata"]
    assert metadata["produsen_data"] == "Pemerintah Desa Merah"
    assert metadata["publisher_name"] == metadata["walidata"]
    assert metadata["kode_referensi"] == "DPMD-6202-APBDES-6202162003"
    config = {**portal_config(), "sdi": {"walidata": "DPMD"}}
    with pytest.raises(ConfigError, match="produsen_data, cakupan_wilayah"):
        dataset_plan(definitions()["apbdes"], villages()["62.02.16.2003"], [], config=config)
