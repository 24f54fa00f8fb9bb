"""Build the Siskeudes test ZIPs (run once; the ZIPs are committed). See README.md here.

    .venv/bin/python tests/data/siskeudes/build_corpus.py [--source DIR]

(a) bpkp_simulasi_v1.2.zip: BPKP's "Desa Simulasi" training tables as they are (Siskeudes V1.2,
    pre-2018 codes), from --source (default /work/shared/reference/siskeudes_desa_simulasi).
    Without --source available, (a) is read back from the committed ZIP.
(b) simulasi_2024_v2.zip: the same budget re-coded to Permendagri 20/2018 (the mapping tables
    below), year 2024, Siskeudes 2.x column layout, with Ta_SPJRinci/Ta_TBPRinci realisation.
(c) not_siskeudes.zip, missing_rabrinci.zip, corrupt.zip.
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/work/shared/reference/siskeudes_desa_simulasi")
STAMP = (2024, 1, 1, 0, 0, 0)  # fixed member timestamps: rebuilding gives the same bytes
KD_DESA = "14.01."

# Legacy (Permendagri 113/2014) ID_Keg -> Permendagri 20/2018 ID_Keg (kode_siskeudes).
KEGIATAN = {"01.01.": "01.01.02.", "01.02.": "01.01.04.", "01.03.": "01.01.06.",
            "01.04.": "01.01.07.", "02.01.": "04.02.06.", "02.02.": "02.03.10.",
            "03.01.": "03.01.03.", "04.01.": "04.03.02.", "05.01.": "05.01.01."}
# Legacy objek -> Permendagri 20/2018 objek (same for every kegiatan unless overridden below).
REKENING = {
    "4.1.1.04.": "4.1.2.06.", "4.1.2.01.": "4.1.2.01.", "4.1.3.01.": "4.1.3.01.",
    "4.1.4.01.": "4.1.4.01.", "4.1.4.04.": "4.3.6.01.", "4.2.1.01.": "4.2.1.01.",
    "4.2.2.01.": "4.2.2.01.", "4.2.3.01.": "4.2.3.01.", "4.2.4.01.": "4.2.4.01.",
    "4.3.1.05.": "4.3.4.01.", "4.3.2.01.": "4.3.9.90.", "6.2.1.01.": "6.2.1.01.",
    "6.2.2.01.": "6.2.2.01.", "5.1.1.01.": "5.1.2.01.", "5.1.1.02.": "5.2.2.02.",
    "5.1.1.03.": "5.1.2.02.", "5.1.1.06.": "5.1.4.01.", "5.1.1.10.": "5.2.2.03.",
    "5.1.2.02.": "5.2.1.01.", "5.1.2.04.": "5.2.1.01.", "5.1.2.06.": "5.2.1.05.",
    "5.1.2.07.": "5.2.1.06.", "5.1.2.08.": "5.2.1.09.", "5.1.2.09.": "5.2.1.07.",
    "5.1.2.10.": "5.3.5.02.", "5.1.2.11.": "5.2.4.02.", "5.1.2.13.": "5.2.1.04.",
    "5.1.2.14.": "5.2.2.01.", "5.1.2.15.": "5.2.2.04.", "5.1.2.16.": "5.2.3.01.",
    "5.1.2.22.": "5.2.5.90.", "5.1.3.15.": "5.3.2.04.", "5.1.3.16.": "5.3.2.03.",
    "5.1.3.27.": "5.3.5.03.", "5.1.3.29.": "5.3.7.03.",
}
# (legacy ID_Keg, legacy objek) -> modern objek, where the kegiatan decides (physical works).
REKENING_IN = {("02.01.", "5.1.2.10."): "5.3.7.02.", ("02.01.", "5.1.2.14."): "5.3.7.01.",
               ("02.02.", "5.1.2.14."): "5.3.5.01."}

RAB_COLUMNS = ["Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Kd_SubRinci", "No_Urut", "SumberDana",
               "Uraian", "Satuan", "JmlSatuan", "HrgSatuan", "Anggaran", "JmlSatuanPAK",
               "HrgSatuanPAK", "AnggaranStlhPAK", "AnggaranPAK", "Kode_SBU"]
SPJ_COLUMNS = ["Tahun", "No_SPJ", "Kd_Keg", "Kd_Rincian", "Sumberdana", "Kd_Desa", "No_SPP",
               "JmlCair", "Nilai", "Alamat", "Sisa", "Kd_SubRinci"]
TBP_COLUMNS = ["Tahun", "No_Bukti", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "RincianSD", "SumberDana",
               "nilai", "Kd_SubRinci"]  # OpenSID's v2 layout writes "nilai" in lower case


def csv_bytes(columns: list[str], rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def write_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


def read_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def rows_of(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def modern_line(row: dict) -> dict:
    """One Ta_RABRinci line re-coded: kegiatan via KEGIATAN, objek via REKENING(_IN)/uraian."""
    legacy_keg = row["Kd_Keg"][len(KD_DESA):]
    rincian, uraian = row["Kd_Rincian"], row["Uraian"].strip()
    if legacy_keg == "00.00.":
        keg = "00.00."
    else:
        keg = KEGIATAN[legacy_keg]
    new = REKENING_IN.get((legacy_keg, rincian), REKENING[rincian])
    if rincian in ("5.1.1.01.", "5.1.1.03.") and uraian.endswith("Kepala Desa"):
        keg, new = "01.01.01.", {"5.1.1.01.": "5.1.1.01.", "5.1.1.03.": "5.1.1.02."}[rincian]
    elif rincian == "5.1.1.03." and uraian.startswith("Staf"):
        new = "5.2.2.02."
    elif rincian == "5.1.1.06.":
        keg = "01.01.05."
    elif rincian == "5.1.2.16." and "Luar" in uraian:
        new = "5.2.3.02."
    return {**row, "Tahun": "2024", "Kd_Keg": KD_DESA + keg, "Kd_Rincian": new, "Uraian": uraian,
            "Kode_SBU": ""}


def realisation(rab: list[dict]) -> tuple[list[dict], list[dict]]:
    """Deterministic SPJ (belanja) and TBP (pendapatan) lines per budget key."""
    totals: dict[tuple, Decimal] = {}
    for r in rab:
        key = (r["Kd_Keg"], r["Kd_Rincian"], r["SumberDana"])
        totals[key] = totals.get(key, Decimal(0)) + Decimal(r["Anggaran"])
    spj, tbp = [], []
    for n, ((keg, rincian, sd), amount) in enumerate(totals.items(), start=1):
        if rincian.startswith("5") and n % 7 != 0:  # every 7th belanja line: nothing spent yet
            done = amount if sd not in ("DDS", "ADD") else (amount * Decimal("0.9") // 1000 * 1000)
            first = done // 2 // 1000 * 1000 if done > 10_000_000 else done
            for part, value in enumerate([first, done - first] if done != first else [done], 1):
                spj.append(dict(Tahun="2024", No_SPJ=f"{n:04d}/SPJ/14.01/2024", Kd_Keg=keg,
                                Kd_Rincian=rincian, Sumberdana=sd, Kd_Desa=KD_DESA,
                                No_SPP=f"{n:04d}/SPP/14.01/2024", JmlCair=value, Nilai=value,
                                Sisa=0, Kd_SubRinci=f"{part:02d}"))
        elif rincian.startswith("4") and amount:
            got = amount if sd != "PBP" else amount - 25_000_000  # provincial grant: one tranche late
            tbp.append(dict(Tahun="2024", No_Bukti=f"{n:04d}/TBP/14.01/2024", Kd_Desa=KD_DESA,
                            Kd_Keg=keg, Kd_Rincian=rincian, RincianSD=rincian + sd, SumberDana=sd,
                            nilai=got, Kd_SubRinci="01"))
    return spj, tbp


def build(source: Path | None) -> None:
    bpkp_zip = HERE / "bpkp_simulasi_v1.2.zip"
    if source and source.is_dir():
        tables = {p.name: p.read_bytes() for p in sorted(source.glob("*.csv"))
                  if not p.name.startswith("_")}
        write_zip(bpkp_zip, tables)
    bpkp = read_members(bpkp_zip)
    rab = [modern_line(r) for r in rows_of(bpkp["Ta_RABRinci.csv"])]
    spj, tbp = realisation(rab)
    kegiatan = sorted({r["Kd_Keg"] for r in rab if not r["Kd_Keg"].endswith("00.00.")})
    modern = {
        "Ref_Version.csv": b"Versi,Tgl_Rilis\r\nV2.0 R2.0.0.,2019-01-02 00:00:00\r\n",
        "Ta_Pemda.csv": csv_bytes(["Tahun", "Kd_Prov", "Kd_Kab", "Nama_Pemda", "Nama_Provinsi"], [
            dict(Tahun="2024", Kd_Prov="62", Kd_Kab="02", Nama_Pemda="Kabupaten Kotawaringin Timur",
                 Nama_Provinsi="Kalimantan Tengah")]),
        "Ta_Kegiatan.csv": csv_bytes(["Tahun", "Kd_Desa", "Kd_Bid", "Kd_Keg", "ID_Keg", "Kd_Sub"], [
            dict(Tahun="2024", Kd_Desa=KD_DESA, Kd_Bid=k[:9].rstrip("."), Kd_Keg=k,
                 ID_Keg=k[len(KD_DESA):], Kd_Sub=k[:12]) for k in kegiatan]),
        "Ta_RABRinci.csv": csv_bytes(RAB_COLUMNS, rab),
        "Ta_SPJRinci.csv": csv_bytes(SPJ_COLUMNS, spj),
        "Ta_TBPRinci.csv": csv_bytes(TBP_COLUMNS, tbp),
    }
    write_zip(HERE / "simulasi_2024_v2.zip", modern)
    write_zip(HERE / "not_siskeudes.zip", {
        "laporan/apbdes_2024.csv": b"Uraian,Anggaran\r\nDana Desa,1000000\r\n",
        "laporan/foto.txt": b"bukan data"})
    write_zip(HERE / "missing_rabrinci.zip", {n: modern[n] for n in (
        "Ref_Version.csv", "Ta_Pemda.csv", "Ta_Kegiatan.csv", "Ta_SPJRinci.csv")})
    whole = (HERE / "simulasi_2024_v2.zip").read_bytes()
    (HERE / "corrupt.zip").write_bytes(whole[: len(whole) // 2])  # cut off mid-transfer


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    build(parser.parse_args().source)
