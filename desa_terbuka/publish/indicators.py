"""The indicators query: one set-based SQL statement over the warehouse's typed record tables.

It reads the views ``public_slices`` (record_type, kode_desa, tahun, submission_id: what is on
public view) and ``reference_villages`` (names and kecamatan), which the caller registers. APBDes
amounts add only leaf lines: a line with sub-lines in the same file (a subtotal such as ``4.2``
above ``4.2.1.01``) would otherwise count twice. The account codes come from
``portal_config/district.yaml`` (codes:), the columns and their order from
``schemas/indikator.schema.json``.
"""

from __future__ import annotations

import re

BIDANG = range(1, 6)


def _under(column: str, code: str) -> str:
    """SQL: the code in ``column`` is ``code`` or below it (dotted hierarchy)."""
    if not re.fullmatch(r"\d+(\.\d+)*", code):
        raise ValueError(f"kode rekening tidak sah di portal_config/district.yaml: {code!r}")
    return f"({column} = '{code}' OR starts_with({column}, '{code}.'))"


def _percent(part: str, whole: str) -> str:
    return f"CAST(round(100.0 * {part} / nullif({whole}, 0), 1) AS DECIMAL(6,1))"


def indicator_sql(names: list[str], codes: dict[str, str]) -> str:
    """The statement; selects exactly ``names`` (a schema field the query lacks fails at once)."""
    income, spending = _under("kode_rekening", codes["pendapatan"]), _under("kode_rekening", codes["belanja"])
    bidang_sums = ",\n".join(
        f"  sum(anggaran) FILTER (WHERE {spending} AND split_part(kode_kegiatan, '.', 1) = '{b}') AS bidang_{b}"
        for b in BIDANG)
    bidang_shares = ",\n".join(
        f"  CASE WHEN f.total_belanja > 0 THEN {_percent(f'coalesce(f.bidang_{b}, 0)', 'f.total_belanja')} "
        f"END AS belanja_bidang_{b}_persen" for b in BIDANG)
    return f"""
WITH apbdes AS (
  SELECT r.kode_desa, r.tahun_anggaran AS tahun, r.tahap, r.kode_rekening, r.kode_kegiatan,
         r.anggaran, r.realisasi
  FROM records_apbdes r JOIN public_slices p
    ON p.record_type = 'apbdes' AND p.submission_id = r.submission_id
   AND p.kode_desa = r.kode_desa AND p.tahun = r.tahun_anggaran
),
leaf AS (
  SELECT a.* FROM apbdes a
  WHERE NOT EXISTS (SELECT 1 FROM apbdes b WHERE b.kode_desa = a.kode_desa AND b.tahun = a.tahun
                    AND starts_with(b.kode_rekening, a.kode_rekening || '.'))
),
fin AS (
  SELECT kode_desa, tahun, string_agg(DISTINCT tahap, ', ' ORDER BY tahap) AS tahap_apbdes,
  coalesce(sum(anggaran) FILTER (WHERE {income}), 0) AS total_pendapatan,
  sum(realisasi) FILTER (WHERE {income}) AS realisasi_pendapatan,
  coalesce(sum(anggaran) FILTER (WHERE {spending}), 0) AS total_belanja,
  sum(realisasi) FILTER (WHERE {spending}) AS realisasi_belanja,
  coalesce(sum(anggaran) FILTER (WHERE {_under("kode_rekening", codes["dana_desa"])}), 0) AS dana_desa,
  coalesce(sum(anggaran) FILTER (WHERE {_under("kode_rekening", codes["alokasi_dana_desa"])}), 0) AS alokasi_dana_desa,
{bidang_sums}
  FROM leaf GROUP BY kode_desa, tahun
),
keg AS (
  SELECT r.kode_desa, r.tahun, count(*) AS jumlah_kegiatan
  FROM records_kegiatan r JOIN public_slices p
    ON p.record_type = 'kegiatan' AND p.submission_id = r.submission_id
   AND p.kode_desa = r.kode_desa AND p.tahun = r.tahun
  GROUP BY ALL
),
mus AS (
  SELECT r.kode_desa, year(r.tanggal) AS tahun, count(*) AS jumlah_musyawarah,
         sum(hadir_perempuan) FILTER (WHERE hadir_perempuan IS NOT NULL AND hadir_laki_laki IS NOT NULL) AS perempuan,
         sum(hadir_perempuan + hadir_laki_laki) AS hadir
  FROM records_musyawarah r JOIN public_slices p
    ON p.record_type = 'musyawarah' AND p.submission_id = r.submission_id
   AND p.kode_desa = r.kode_desa AND p.tahun = year(r.tanggal)
  GROUP BY ALL
),
keys AS (
  SELECT kode_desa, tahun FROM fin UNION SELECT kode_desa, tahun FROM keg
  UNION SELECT kode_desa, tahun FROM mus
),
wide AS (
  SELECT k.kode_desa, v.nama_desa, v.kode_kecamatan, v.kecamatan, k.tahun, f.tahap_apbdes,
  f.total_pendapatan, f.realisasi_pendapatan, f.total_belanja, f.realisasi_belanja,
  CASE WHEN f.realisasi_belanja IS NOT NULL THEN {_percent('f.realisasi_belanja', 'f.total_belanja')} END
    AS realisasi_belanja_persen,
  f.dana_desa, f.alokasi_dana_desa,
{bidang_shares},
  coalesce(g.jumlah_kegiatan, 0) AS jumlah_kegiatan,
  coalesce(m.jumlah_musyawarah, 0) AS jumlah_musyawarah,
  {_percent('m.perempuan', 'm.hadir')} AS kehadiran_perempuan_persen
  FROM keys k JOIN reference_villages v USING (kode_desa)
  LEFT JOIN fin f USING (kode_desa, tahun) LEFT JOIN keg g USING (kode_desa, tahun)
  LEFT JOIN mus m USING (kode_desa, tahun)
)
SELECT {", ".join(names)} FROM wide ORDER BY kode_desa, tahun
"""
