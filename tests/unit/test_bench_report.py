"""The bench's judge of the "one village changed" scenario (bench/report.py): a village's
APBDes year may change its own dataset and the district roll-ups that sum it, nothing else."""

from __future__ import annotations

from bench.report import only_the_change

FILE = "62.02.01.2003-palangan/apbdes_2024.csv"
OWN = {"apbdes-6202012003-palangan": ["CSV 2024 diperbarui (105 baris)", "metadata diperbarui"]}
ROLL_UP = {"apbdes-semua-desa-kotim": ["CSV 2024 diperbarui (412 baris)"],
           "tautan-situs-desa-kotim": ["Cuplikan HTML Desa Palangan diperbarui"]}


def test_the_village_and_the_roll_ups_of_its_year_are_the_change():
    assert only_the_change({**OWN, **ROLL_UP}, FILE)


def test_another_village_or_another_year_written_is_not():
    assert not only_the_change({**OWN, "apbdes-6202012004-hanjalipan": ["CSV 2024 diperbarui"]}, FILE)
    assert not only_the_change({**OWN, "apbdes-semua-desa-kotim": ["CSV 2023 diperbarui"]}, FILE)
    assert not only_the_change({"kegiatan-6202012003-palangan": ["CSV 2024 diperbarui"]}, FILE)
    assert not only_the_change({"count": 40}, FILE)
