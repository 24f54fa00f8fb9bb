"""``desa check``: exit codes, the --json contract, languages, and no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_intake import APBDES_HEADINGS, FIELDS, apbdes_rows, write_apbdes, write_csv

from desa_terbuka.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *map(str, args)])


@pytest.fixture
def valid_file(tmp_path: Path) -> Path:
    return write_apbdes(tmp_path / "apbdes_2024.csv", apbdes_rows())


@pytest.fixture
def invalid_file(tmp_path: Path) -> Path:
    rows = apbdes_rows()
    rows[1]["kode_rekening"] = "5.9.9.01"
    rows[2]["anggaran"] = "dua juta"
    headings = APBDES_HEADINGS + ["Paraf"]
    return write_csv(tmp_path / "apbdes_salah.csv", headings,
                     [[r[f] for f in FIELDS] + ["x"] for r in rows])


BROKEN = {
    "missing.csv": None,
    "kosong.csv": b"",
    "palsu.xlsx": b"PK but not really",
    "biner.csv": bytes(range(256)),
    "laporan.pdf": b"%PDF-1.4",
    "spasi.csv": b"  \n\n",
    "asing.csv": b"a;b;c\n1;2;3\n",
}


@pytest.fixture(params=sorted(BROKEN))
def broken_file(request, tmp_path: Path) -> Path:
    path = tmp_path / request.param
    if BROKEN[request.param] is not None:
        path.write_bytes(BROKEN[request.param])
    return path


def test_valid_exits_0(valid_file: Path) -> None:
    result = run(valid_file)
    assert result.exit_code == 0, result.output
    assert "VALID: siap diterbitkan" in result.output
    assert "62.02.16.2003" in result.output and "2024" in result.output


def test_invalid_exits_1_with_located_indonesian_messages(invalid_file: Path) -> None:
    result = run(invalid_file)
    assert result.exit_code == 1, result.output
    assert "TIDAK VALID" in result.output
    assert "baris 6, kolom kode_rekening" in result.output
    assert "tidak ada dalam bagan akun" in result.output
    assert "'dua juta' bukan angka" in result.output


def test_lang_en(invalid_file: Path) -> None:
    result = run(invalid_file, "--lang", "en")
    assert result.exit_code == 1
    assert "INVALID: will not be published" in result.output
    assert "row 6, column kode_rekening" in result.output
    assert "'dua juta' is not a number" in result.output
    assert "bukan angka" not in result.output


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unreadable_or_missing_exits_2_without_traceback(broken_file: Path, lang: str) -> None:
    for args in ([], ["--json"]):
        result = run(broken_file, "--lang", lang, *args)
        expected = 1 if broken_file.name == "asing.csv" else 2  # readable, but not a known type
        assert result.exit_code == expected, result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


JSON_KEYS = {"valid", "type", "kode_desa", "tahun", "rows", "errors", "warnings"}


def parse_one_json(output: str) -> dict:
    data = json.loads(output)  # exactly one JSON document, nothing around it
    assert isinstance(data, dict)
    assert JSON_KEYS <= set(data)
    return data


def test_json_valid(valid_file: Path) -> None:
    result = run(valid_file, "--json")
    assert result.exit_code == 0
    data = parse_one_json(result.output)
    assert data["valid"] is True
    assert (data["type"], data["kode_desa"], data["tahun"], data["rows"]) == (
        "apbdes", "62.02.16.2003", 2024, 3)
    assert data["errors"] == [] and data["warnings"] == []


def test_json_invalid_shape(invalid_file: Path) -> None:
    result = run(invalid_file, "--json")
    assert result.exit_code == 1
    data = parse_one_json(result.output)
    assert data["valid"] is False and data["rows"] == 3
    for problem in data["errors"] + data["warnings"]:
        assert {"row", "field", "message", "code"} <= set(problem)
    assert [(e["row"], e["field"], e["code"]) for e in data["errors"]] == [
        (6, "kode_rekening", "unknown-account"), (7, "anggaran", "invalid-number")]
    assert data["errors"][1]["message"].startswith("'dua juta' bukan angka.")
    assert data["warnings"] == []
    assert [(i["row"], i["field"], i["code"]) for i in data["info"]] == [(4, None, "unknown-column")]


def test_json_en_messages(invalid_file: Path) -> None:
    data = parse_one_json(run(invalid_file, "--json", "--lang", "en").output)
    assert data["errors"][1]["message"].startswith("'dua juta' is not a number.")


def test_json_missing_file(tmp_path: Path) -> None:
    result = run(tmp_path / "tidak-ada.csv", "--json")
    assert result.exit_code == 2
    data = parse_one_json(result.output)
    assert data["valid"] is False and data["rows"] == 0
    assert [(e["row"], e["field"], e["code"]) for e in data["errors"]] == [
        (None, None, "file-not-found")]


def test_json_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "laporan.pdf"
    path.write_bytes(b"%PDF")
    result = run(path, "--json")
    assert result.exit_code == 2
    data = parse_one_json(result.output)
    assert data["valid"] is False and data["type"] is None and data["rows"] == 0
    [error] = data["errors"]
    assert (error["row"], error["field"], error["code"]) == (None, None, "file-unreadable")
    assert "tidak didukung" in error["message"]


def test_forced_type(valid_file: Path) -> None:
    assert run(valid_file, "--type", "apbdes").exit_code == 0
    assert run(valid_file, "--type", "kegiatan").exit_code == 1
    assert run(valid_file, "--type", "bukan").exit_code == 2  # click usage error
