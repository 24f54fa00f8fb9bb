"""The portal token and least privilege, on the real portal.

A bot user that is editor of ONE village's organization (and member of the three groups, so it
may file datasets under them) runs `desa run` in its own process for two villages; its token
comes from a Prefect Secret block. The run publishes its own village, is refused for the other
(portal-not-authorized, nothing created there), and the token appears nowhere: not in what the
run printed (stdout, stderr, with --debug and DEBUG logging), not in the Prefect logs and
artifacts of the run, not in any file the run wrote.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desa_terbuka.core.reference import villages
from desa_terbuka.publish.plan import organization_plan
from desa_terbuka.publish.portal import Portal
from desa_terbuka.publish.prepare import prepare_portal

pytestmark = pytest.mark.integration
KECAMATAN = "62.02.12"  # no other test publishes it
BLOCK = "desa-terbuka-bot-token"
BOT_USER = "bot-desa-editor"  # the portal's sysadmin is called desa-bot


def _bot(portal, org: str) -> str:
    """A user that is editor of ``org`` only (member of the groups), and its API token."""
    ckan = portal.ckan
    try:
        ckan.action.user_create(name=BOT_USER, email="bot-editor@example.invalid",
                                password="bot-password-for-tests-only")
    except Exception:  # a kept portal: the user exists already
        pass
    ckan.action.organization_member_create(id=org, username=BOT_USER, role="editor")
    prepare_portal(Portal(portal.url, portal.token))  # the groups, made by the sysadmin
    for group in ckan.action.group_list():  # thematic and kecamatan groups (site.yaml)
        ckan.action.group_member_create(id=group, username=BOT_USER, role="member")
    return ckan.action.api_token_create(user=BOT_USER, name="pipeline")["token"]


def test_a_village_bot_publishes_its_village_only_and_its_token_is_never_shown(
        portal, prefect_server, tmp_path):
    from prefect.blocks.system import Secret
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    from desa_terbuka.authoring.sample import generate

    inbox = tmp_path / "inbox"
    generate(inbox, kecamatan=KECAMATAN, years=(2024,))
    folders = sorted(inbox.iterdir())
    for extra in folders[2:]:
        for f in extra.iterdir():
            f.unlink()
        extra.rmdir()
    own, other = (villages()[f.name.split("-")[0]] for f in folders[:2])
    for village in (own, other):  # both organizations exist; the bot is editor of one
        org = organization_plan(village)
        try:
            portal.ckan.action.organization_create(name=org.name, title=org.title)
        except Exception:
            pass
    token = _bot(portal, organization_plan(own).name)
    Secret(value=token).save(BLOCK, overwrite=True)

    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "CKAN_API_TOKEN"}
    env.update(CKAN_URL=portal.url, CKAN_API_TOKEN_BLOCK=BLOCK, PREFECT_API_URL=PREFECT_API_URL.value(),
               PREFECT_LOGGING_LEVEL="DEBUG", DESA_WAREHOUSE=str(data / "warehouse.duckdb"))
    run = subprocess.run([sys.executable, "-m", "desa_terbuka.cli", "--debug", "run",
                          "--inbox", str(inbox), "--json"],
                         capture_output=True, text=True, env=env, timeout=600)
    summary = json.loads(run.stdout)
    assert run.returncode == 1, run.stderr[-2000:]  # the other village failed

    failures = summary["failures"]
    # refused: the other village, and the district datasets (organization dpmd-kotim: the
    # compliance and all-villages datasets), which are not this bot's either
    assert {f["code"] for f in failures.values()} == {"portal-not-authorized"}, failures
    theirs = [n for n in failures if other.kode.replace(".", "") in n]
    assert len(theirs) == 3, failures  # apbdes, kegiatan, musyawarah
    assert not any(own.kode.replace(".", "") in n for n in failures), failures
    published = {d["name"] for d in summary["datasets"]}
    assert published and all(own.kode.replace(".", "") in name for name in published)
    for name in published:  # public, complete
        package = portal.ckan.action.package_show(id=name)
        assert not package["private"] and package["resources"]
    assert not portal.ckan.action.package_search(
        fq=f"organization:{organization_plan(other).name}", include_private=True)["count"]

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts()
        logs = client.read_logs()
    seen = {
        "stdout": run.stdout, "stderr": run.stderr,
        "artifacts": json.dumps([a.model_dump(mode="json") for a in artifacts]),
        "logs": "\n".join(log.message for log in logs),
    }
    assert logs and artifacts  # there was something to search
    for place, text in seen.items():
        assert token not in text, f"token in {place}"
    for path in Path(tmp_path).rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), f"token in {path}"
