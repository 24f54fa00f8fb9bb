"""``desa check --json`` has one shape: the same keys with the same types for every file (one
village and year, several, none, unreadable, missing), villages and years always lists, and
``kode_desa`` / ``tahun`` the single value or null. Cost: a few seconds (6 small files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_intake import apbdes_rows, write_apbdes

from desa_terbuka.cli import cli

SHAPE = {"file": (str,), "valid": (bool,), "type": (str, type(None)), "villages": (list,),
         "years": (list,), "kode_desa": (str, type(None)), "tahun": (int, type(None)),
         "rows": (int,), "sheet": (str, type(None)), "encoding": (str, type(None)),
         "sources": (dict,), "counts": (dict,), "errors": (list,), "warnings": (list,),
         "info": (list,)}
# ``counts`` (added with the cap on findings per rule and file): rule code -> how many times it was
# found, the findings the lists leave out included (a findings-omitted info says how many).
FINDING = {"code": (str,), "severity": (str,), "file": (str,), "sheet": (str, type(None)),
           "row": (int, type(None)), "field": (str, type(None)), "value": (str, type(None)),
           "message": (str,)}


def _files(tmp: Path) -> dict[str, Path]:
    one = write_apbdes(tmp / "satu.csv", apbdes_rows())
    rows = apbdes_rows()
    rows[0] = {**rows[0], "kode_desa": "62.02.16.2005", "tahun_anggaran": "2023"}
    two = write_apbdes(tmp / "dua_desa.csv", rows)
    none = write_apbdes(tmp / "tanpa_desa.csv", [{**r, "kode_desa": ""} for r in apbdes_rows()])
    pdf = tmp / "laporan.csv"
    pdf.write_bytes(b"%PDF-1.7\n" * 10)
    mixed = tmp / "campur.csv"
    mixed.write_text("kode_desa,tahun_anggaran,kode_rekening,uraian,anggaran\n"
                     + "62.02.16.2003;2024;5.1.1.01;Penghasilan Tetap;36000000\n" * 5)
    return {"one": one, "two": two, "none": none, "pdf": pdf, "mixed": mixed,
            "missing": tmp / "tidak_ada.csv"}


@pytest.fixture(scope="module")
def shown(tmp_path_factory) -> dict[str, dict]:
    files = _files(tmp_path_factory.mktemp("json"))
    return {name: json.loads(CliRunner().invoke(cli, ["check", "--json", str(path)]).output)
            for name, path in files.items()}


def _assert_shape(data: dict) -> None:
    assert set(data) - {"other_parts"} == set(SHAPE)
    for key, types in SHAPE.items():
        assert isinstance(data[key], types), (key, data[key])
    assert all(isinstance(v, str) for v in data["villages"])
    assert all(isinstance(y, int) for y in data["years"])
    assert all(isinstance(k, str) and isinstance(n, int) for k, n in data["counts"].items())
    for finding in data["errors"] + data["warnings"] + data["info"]:
        assert set(finding) == set(FINDING)
        for key, types in FINDING.items():
            assert isinstance(finding[key], types), (key, finding[key])


def test_every_file_gives_the_same_shape(shown):
    for name, data in shown.items():
        _assert_shape(data)
        assert isinstance(data["other_parts"], list), name
        for part in data["other_parts"]:
            _assert_shape(part)


def test_single_values_or_null_and_always_lists(shown):
    assert (shown["one"]["villages"], shown["one"]["kode_desa"]) == (["62.02.16.2003"], "62.02.16.2003")
    assert (shown["one"]["years"], shown["one"]["tahun"]) == ([2024], 2024)
    assert shown["two"]["villages"] == ["62.02.16.2003", "62.02.16.2005"]
    assert (shown["two"]["kode_desa"], shown["two"]["years"], shown["two"]["tahun"]) == (
        None, [2023, 2024], None)
    for name in ("none", "pdf", "missing"):
        assert (shown[name]["villages"], shown[name]["kode_desa"]) == ([], None), name


def test_a_mixed_delimiter_file_gets_a_hint(shown):
    hints = [w for w in shown["mixed"]["warnings"] if w["code"] == "mixed-delimiter"]
    assert hints and "';'" in hints[0]["message"] and "','" in hints[0]["message"]
