"""The portal as code: desired state from portal_config/, diff against a fake portal, resource
order. (Fast: no portal; the real one is tests/integration/test_portal_site.py.)"""

from __future__ import annotations

from desa_terbuka.core.reference import villages
from desa_terbuka.publish.config import all_groups, site_config
from desa_terbuka.publish.ordering import ordered_ids
from desa_terbuka.publish.site import (
    apply_changes,
    desired_groups,
    desired_organizations,
    desired_settings,
    portal_diff,
)


class FakePortal:
    """Just enough of CKAN's API for the diff: lists paged like CKAN's, writes recorded."""

    url = "http://fake"

    def __init__(self):
        self.orgs: dict[str, dict] = {}
        self.groups: dict[str, dict] = {}
        self.settings: dict[str, str] = {"ckan.site_title": "CKAN"}
        self.packages: list[dict] = []
        self.users: dict[str, dict] = {}
        self.members: dict[str, set[str]] = {}  # organization or group -> user ids
        self.writes: list[str] = []

    def show(self, action, **data):
        assert action == "user_show"
        return self.users.get(data["id"])

    def call(self, action, **data):
        if action in ("organization_list", "group_list"):
            items = self.orgs if action == "organization_list" else self.groups
            names = sorted(items)[data["offset"]:data["offset"] + data["limit"]]
            return [{"name": n, **items[n]} for n in names]
        if action == "config_option_show":
            return self.settings.get(data["key"], "")
        if action == "organization_list_for_user":
            uid = self.users[data["id"]]["id"]
            return [{"name": n} for n, ids in self.members.items() if uid in ids and n in self.orgs]
        if action == "member_list":
            return [(i, "user", "member") for i in self.members.get(data["id"], ())]
        if action == "package_show":
            return next(p for p in self.packages if p["name"] == data["id"])
        if action == "package_search":
            return {"count": len(self.packages), "results": self.packages[data["start"]:][:data["rows"]]}
        self.writes.append(action)
        if action == "config_option_update":
            self.settings.update(data)
        elif action in ("organization_create", "organization_patch"):
            self.orgs.setdefault(data.get("name") or data["id"], {}).update(
                {k: v for k, v in data.items() if k in ("title", "description")})
        elif action in ("group_create", "group_patch"):
            self.groups.setdefault(data.get("name") or data["id"], {}).update(
                {k: v for k, v in data.items() if k in ("title", "description")})
        elif action == "user_create":
            assert len(data["password"]) >= 32  # never a guessable one
            self.users[data["name"]] = {"id": "u-" + data["name"], "name": data["name"]}
        elif action in ("organization_member_create", "group_member_create"):
            self.members.setdefault(data["id"], set()).add(self.users[data["username"]]["id"])
        elif action == "package_patch":
            package = next(p for p in self.packages if p["id"] == data["id"])
            assert all("position" not in r for r in data["resources"])
            package["resources"] = [{**r, "position": n} for n, r in enumerate(data["resources"])]


def test_every_desa_gets_an_organization_and_no_kelurahan_does():
    wanted = desired_organizations()
    desa = [v for v in villages().values() if v.jenis == "desa"]
    kelurahan = [v for v in villages().values() if v.jenis == "kelurahan"]
    assert (len(desa), len(kelurahan)) == (168, 17)
    village_orgs = [n for n in wanted if n.startswith("desa-")]
    assert len(village_orgs) == 168
    assert not any(v.kode in n for v in kelurahan for n in wanted)
    assert "dpmd-kotim" in wanted


def test_groups_are_the_thematic_ones_and_one_per_kecamatan():
    kecamatan = {v.nama_kecamatan for v in villages().values()}
    names = [g["name"] for g in all_groups()]
    assert len(names) == len(set(names)) == len(site_config().groups) + len(kecamatan) == 20
    assert "kecamatan-tualan-hulu" in names


def test_home_page_carries_every_section_in_indonesian():
    intro = desired_settings()["ckan.site_intro_text"]
    for section in site_config().home:
        assert section.title in intro
    assert "Cara membaca APBDes" in intro and "Welcome to CKAN" not in intro


def test_an_empty_portal_needs_everything_and_a_synced_one_nothing():
    portal = FakePortal()
    changes = portal_diff(portal)
    creates = [c for c in changes if c.code == "site-create-organization"]
    assert len([c for c in creates if c.name.startswith("desa-")]) == 168
    assert len([c for c in changes if c.code == "site-create-group"]) == len(desired_groups())
    assert not portal.writes  # the diff only reads
    assert [c.code for c in changes].count("site-bot-editor") == len(desired_organizations())
    assert [c.code for c in changes].count("site-bot-group") == len(desired_groups())
    apply_changes(portal, changes)
    assert portal_diff(portal) == []


def test_the_bot_becomes_editor_of_a_new_organization_only():
    portal = FakePortal()
    apply_changes(portal, portal_diff(portal))
    name = next(n for n in portal.orgs if n.startswith("desa-"))
    del portal.orgs[name]
    portal.members[name].clear()
    assert [c.code for c in portal_diff(portal)] == ["site-create-organization", "site-bot-editor"]


def test_an_edited_title_is_an_update_and_an_unknown_organization_is_left_alone():
    portal = FakePortal()
    apply_changes(portal, portal_diff(portal))
    name = next(n for n in portal.orgs if n.startswith("desa-"))
    portal.orgs[name]["title"] = "Desa Lama"
    portal.orgs["organisasi-lain"] = {"title": "Dibuat petugas", "description": ""}
    [change] = portal_diff(portal)
    assert change.code == "site-update-organization" and change.name == name
    assert change.before == {"title": "Desa Lama"}
    assert "title" in change.finding().message("en")
    apply_changes(portal, [change])
    assert "organisasi-lain" in portal.orgs and portal_diff(portal) == []


def _res(rid, key):
    return {"id": rid, "desa_key": key}


def test_resources_newest_year_first_quality_report_last():
    resources = [_res("a", "tahun-2024"), _res("q", "laporan-kualitas"), _res("b", "tahun-2023"),
                 _res("c", "tahun-2025"), _res("i24", "infografis-2024-png"),
                 _res("i25", "infografis-2025-png"), _res("t", "terbaru-csv"), {"id": "hand"},
                 _res("dp", "datapackage"), _res("ti", "infografis-terbaru-png")]
    assert ordered_ids(resources) == ["c", "a", "b", "t", "ti", "i25", "i24", "hand", "dp", "q"]


def test_a_dataset_out_of_order_is_reordered_by_the_sync():
    portal = FakePortal()
    portal.packages = [{"name": "apbdes-x", "id": "apbdes-x", "resources": [
        _res("a", "tahun-2024"), _res("q", "laporan-kualitas"), _res("b", "tahun-2023"),
        _res("c", "tahun-2025")]}]
    apply_changes(portal, portal_diff(portal))
    assert [r["id"] for r in portal.packages[0]["resources"]] == ["c", "a", "b", "q"]
    assert [r["position"] for r in portal.packages[0]["resources"]] == [0, 1, 2, 3]
    assert portal_diff(portal) == []


def test_a_gap_in_resource_positions_is_closed_even_in_page_order():
    """A switch that replaced a resource can leave positions 0,1,3: CKAN's next write on that
    dataset would fail (IndexError in package_update), so the sync closes the gap."""
    portal = FakePortal()
    apply_changes(portal, portal_diff(portal))
    portal.packages = [{"name": "x", "id": "x", "resources": [
        {**_res("c", "tahun-2025"), "position": 0}, {**_res("a", "tahun-2024"), "position": 1},
        {**_res("q", "laporan-kualitas"), "position": 3}]}]
    [change] = portal_diff(portal)
    assert change.code == "site-reorder-resources"
    apply_changes(portal, [change])
    assert [r["position"] for r in portal.packages[0]["resources"]] == [0, 1, 2]
