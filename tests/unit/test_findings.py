"""The finding model: one JSON shape, both languages kept through the warehouse, bounded echoes."""

from __future__ import annotations

from desa_terbuka.core.findings import Finding, Text, params_from_json, params_to_json

SHAPE = ["code", "severity", "file", "sheet", "row", "field", "value", "message"]


def test_to_dict_is_the_one_shape() -> None:
    finding = Finding("invalid-number", "a.csv", "Sheet1", 7, "anggaran", "12x")
    assert list(finding.to_dict()) == SHAPE
    assert finding.to_dict() == {
        "code": "invalid-number", "severity": "error", "file": "a.csv", "sheet": "Sheet1", "row": 7,
        "field": "anggaran", "value": "12x",
        "message": "'12x' bukan angka. Tulis angka rupiah seperti 1.250.000 atau 1250000, tanpa huruf."}
    assert finding.to_dict("en")["message"].startswith("'12x' is not a number.")


def test_params_keep_both_languages_through_storage() -> None:
    params = {"reason": Text("harus bertipe date", "must be of type date"), "count": 3}
    back = params_from_json(params_to_json(params))
    assert back == params and isinstance(back["reason"], Text)
    finding = Finding("invalid-date", value="31/02/2024", params=back)
    assert "must be of type date" in finding.message("en")
    assert "harus bertipe date" in finding.message("id")


def test_echoed_values_are_bounded_and_printable() -> None:
    cell = "=cmd|' /C calc'!A0\x1b[31m" + "x" * 150_000
    shown = Finding("invalid-value", value=cell, params={"reason": "x"}).to_dict()
    assert len(shown["value"]) == 200 and "\x1b" not in shown["value"]
    assert len(shown["message"]) < 400


def test_an_undeclared_code_still_renders() -> None:
    assert Finding("no-such-rule").message() == "[no-such-rule]"
