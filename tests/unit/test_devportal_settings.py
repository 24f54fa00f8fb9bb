"""The local portal's settings without running it: the test portal beside the user's, gunicorn's
options, and the fingerprint comparison that proves a test run left the user's portal alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from devportal import ckan_venv, guard, instances, web
from devportal.layout import Layout
from devportal.services import LocalPortalError

USER = Layout(Path("/srv/portal"), {"ckan": 5201, "postgres": 54521, "redis": 63821,
                                    "solr": 19021}, Path("/cache/ckan-2.12.0-abc"))


def test_the_test_portal_sits_beside_the_users_with_every_port_shifted(monkeypatch):
    monkeypatch.delenv("DESA_TEST_PORTAL_DIR", raising=False)
    monkeypatch.delenv("DESA_TEST_PORTAL_PORTS", raising=False)
    test = instances.test_layout(USER)
    offset = instances.settings()["test_portal"]["port_offset"]
    assert test.root == Path("/srv/portal-test")
    assert test.ports == {k: v + offset for k, v in USER.ports.items()}
    assert test.venv == USER.venv


def test_overrides_that_would_share_a_port_or_the_folder_are_refused(monkeypatch):
    monkeypatch.setenv("DESA_TEST_PORTAL_PORTS", "redis=63821")
    with pytest.raises(ValueError, match="redis"):
        instances.test_layout(USER)
    monkeypatch.delenv("DESA_TEST_PORTAL_PORTS")
    monkeypatch.setenv("DESA_TEST_PORTAL_DIR", "/srv/portal")
    with pytest.raises(ValueError, match="folder"):
        instances.test_layout(USER)


def test_environment_round_trips_through_layout(monkeypatch, tmp_path):
    lay = Layout(tmp_path / "p", {"ckan": 6301, "postgres": 55621, "redis": 64921,
                                  "solr": 20121}, USER.venv)
    for key, value in instances.environment(lay).items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DESA_PORTAL_PORT", raising=False)
    assert instances.layout().root == lay.root and instances.layout().ports == lay.ports


def test_one_venv_per_ckan_version_and_package_list():
    base = {"ckan_version": "2.12.0", "ckan_packages": ["gunicorn==27.0.1"]}
    same = {"ckan_version": "2.12.0", "ckan_packages": ["gunicorn==27.0.1"]}
    other = {"ckan_version": "2.12.0", "ckan_packages": ["gunicorn==27.0.1", "ckanext-dcat"]}
    assert ckan_venv.venv_dir(base) == ckan_venv.venv_dir(same) != ckan_venv.venv_dir(other)
    assert ckan_venv.venv_dir(base).name.startswith("ckan-2.12.0-")


def test_gunicorn_runs_the_configured_workers_and_refuses_a_typo():
    cmd = web.command(USER, {"web": {"workers": 3, "timeout": 90}})
    assert cmd[cmd.index("--workers") + 1] == "3"
    assert cmd[cmd.index("--timeout") + 1] == "90"
    assert cmd[-1] == "wsgi:application" and "uwsgi" not in " ".join(cmd)
    with pytest.raises(LocalPortalError, match="workerz"):
        web.options({"web": {"workerz": 2}})
    with pytest.raises(LocalPortalError, match="workers"):
        web.options({"web": {"workers": 0}})
    assert web.options(instances.settings())["workers"] >= 2


def test_fingerprint_differences_name_what_changed():
    before = {"datasets": {"a": "t1", "b": "t1"}, "storage": {}, "ckan": "stopped"}
    after = {"datasets": {"a": "t2", "c": "t1"}, "storage": {"x/y.csv": [3, 1]}}
    assert guard.differences(before, after) == [
        'ckan: "stopped" -> null', "datasets: a changed", "datasets: b removed",
        "datasets: c added", "storage: x/y.csv added"]
    assert guard.differences(before, dict(before)) == []
