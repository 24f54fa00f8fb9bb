"""The reporting status of every desa × record type × year, as of a date, from the warehouse.

One row says what the DPMD last received (file, when, verdict), what is published (when, which
version, its quality warnings) and whether the village is on time against the deadline calendar
(``portal_config/deadlines.yaml``). ``--on DATE`` replays the warehouse as it stood at the end of
that day: later files, publications and curation actions are not seen.

Kelurahan are part of the district administration, not self-governing villages: they have no
APBDes, no Dana Desa and no Musdes, so they owe no report. They are left off the board (counted
in ``StatusBoard.kelurahan``) unless they sent something, which is then shown as ``tidak-wajib``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable

from desa_terbuka.core.deadlines import Calendar, Deadline, reporting_calendar
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.reference import Village, villages
from desa_terbuka.stage.curation import LogEntry, curation_log, retracted
from desa_terbuka.stage.warehouse import Warehouse, records_table

# From best to worst; a row shows the worst of its deadlines.
STATUSES = ("belum-jatuh-tempo", "tepat-waktu", "terlambat", "belum-masuk")
NOT_REQUIRED = "tidak-wajib"
STATUS_LABELS = {
    "tepat-waktu": ("Tepat waktu", "On time"),
    "terlambat": ("Terlambat", "Late"),
    "belum-masuk": ("Belum masuk (lewat tenggat)", "Missing (overdue)"),
    "belum-jatuh-tempo": ("Belum jatuh tempo", "Not yet due"),
    NOT_REQUIRED: ("Tidak wajib (kelurahan)", "Not required (kelurahan)"),
}
VERDICTS = {"accepted": "diterima", "rejected": "ditolak", "held": "ditahan"}


@dataclass(frozen=True)
class DeadlineStatus:
    label: str
    stage: str | None
    due: date
    status: str
    fulfilled: date | None  # when the report that met it arrived
    days_late: int = 0  # after the deadline: when it arrived, or until the board's date


@dataclass
class StatusRow:
    kode_desa: str
    nama_desa: str
    kode_kecamatan: str
    kecamatan: str
    record_type: str
    tahun: int
    status: str
    deadlines: list[DeadlineStatus]
    dataset: str
    last_file: str = ""
    last_submitted: datetime | None = None
    last_submission: str = ""
    last_verdict: str = ""  # accepted | rejected | held (as of the board's date)
    last_errors: int = 0
    last_warnings: int = 0
    published_at: datetime | None = None
    published_submission: str = ""
    published_hash: str = ""
    quality_warnings: int = 0
    warning_codes: list[str] = field(default_factory=list)
    retracted: bool = False
    current_sha256: str = ""  # the file behind the version the portal shows (as of the date)
    current_warnings: int = 0

    @property
    def public_state(self) -> str:
        """ya | tidak | ditarik: whether citizens can read this slice on the portal."""
        return "ditarik" if self.retracted and self.current_sha256 else "ya" if self.current_sha256 else "tidak"

    @property
    def next_deadline(self) -> DeadlineStatus | None:
        return next((d for d in self.deadlines if d.status == "belum-jatuh-tempo"), None)

    @property
    def days_late(self) -> int:
        return max((d.days_late for d in self.deadlines), default=0)


@dataclass
class StatusBoard:
    as_of: date
    rows: list[StatusRow]
    log: list[LogEntry]
    kelurahan: int  # kelurahan left off the board (no report owed)
    calendar: Calendar

    def counts(self) -> dict[str, int]:
        counted = dict.fromkeys([*STATUSES, NOT_REQUIRED], 0)
        for row in self.rows:
            counted[row.status] += 1
        return counted


Progress = Callable[[int, int], None]


def build_status(warehouse: Warehouse, as_of: date, *, calendar: Calendar | None = None,
                 progress: Progress | None = None) -> StatusBoard:
    """The board as it stood at the end of ``as_of`` (in the calendar's time zone)."""
    calendar = calendar or reporting_calendar()
    until = calendar.end_of(as_of)
    record_types = [rt for rt in definitions() if rt in calendar.deadlines]
    years = [y for y in range(calendar.first_year, as_of.year + 2)
             if any(d.due_date(y) <= as_of or y <= as_of.year
                    for rt in record_types for d in calendar.deadlines[rt])]
    subs = _submissions(warehouse, calendar, until)
    stages = _stages(warehouse, calendar, record_types)
    published = _publications(warehouse, until)
    approved_at = {e.subject: e.at for e in curation_log(warehouse) if e.action == "approve"}
    off_view = retracted(warehouse, until)
    everyone = villages()
    owing = sorted((v for v in everyone.values() if v.jenis == "desa"), key=lambda v: v.kode_desa)
    volunteered = sorted({k for (_, k, _) in subs if k in everyone and everyone[k].jenis != "desa"})
    board = [*owing, *(everyone[k] for k in volunteered)]
    rows = []
    for i, village in enumerate(board):
        for rt in record_types:
            for year in years:
                rows.append(_row(village, rt, year, as_of, until, calendar, subs.get((rt, village.kode_desa, year), []),
                                 stages, published.get((rt, village.kode_desa, year)), approved_at,
                                 off_view))
        if progress:
            progress(i + 1, len(board))
    kelurahan = sum(v.jenis != "desa" for v in everyone.values()) - len(volunteered)
    return StatusBoard(as_of, rows, curation_log(warehouse, until), kelurahan, calendar)


def _row(village: Village, rt: str, year: int, as_of: date, until: datetime, calendar: Calendar,
         subs: list[dict[str, Any]], stages: dict[tuple[str, str, str, int], int],
         published: dict[str, Any] | None, approved_at: dict[str, datetime],
         off_view: dict[str, LogEntry]) -> StatusRow:
    definition = definitions()[rt]
    dataset = definition.render("name", village)

    def verdict(sub: dict[str, Any]) -> str:  # an approval after the board's date is not seen yet
        when = approved_at.get(sub["submission_id"])
        return "held" if sub["verdict"] == "accepted" and when and when > until else sub["verdict"]

    accepted = [s for s in subs if verdict(s) == "accepted"]
    results = []
    for deadline in calendar.deadlines[rt]:
        results.append(_deadline_status(deadline, year, as_of, calendar, accepted, stages, rt,
                                        village.kode_desa, village.jenis != "desa"))
    if village.jenis != "desa":
        status = NOT_REQUIRED
    else:
        status = max((d.status for d in results), key=STATUSES.index)
    row = StatusRow(village.kode_desa, village.nama_desa, village.kode_kecamatan, village.nama_kecamatan,
                    rt, year, status, results, dataset, retracted=dataset in off_view)
    if accepted:
        row.current_sha256 = accepted[-1]["sha256"]
        row.current_warnings = accepted[-1]["warning_count"]
    if subs:
        last = subs[-1]
        row.last_file, row.last_submitted = last["file_name"], last["submitted_at"]
        row.last_submission, row.last_verdict = last["submission_id"], verdict(last)
        row.last_errors, row.last_warnings = last["error_count"], last["warning_count"]
    if published:
        row.published_at = published["published_at"]
        row.published_submission = published["submission_id"]
        row.published_hash = published["content_hash"]
        row.quality_warnings = published["warning_count"] or 0
        row.warning_codes = published["warning_codes"]
    return row


def _deadline_status(deadline: Deadline, year: int, as_of: date, calendar: Calendar,
                     accepted: list[dict[str, Any]], stages: dict, rt: str, kode: str,
                     exempt: bool) -> DeadlineStatus:
    due = deadline.due_date(year)
    need = calendar.stage_rank(rt, deadline.stage)
    meeting = [s for s in accepted
               if deadline.stage is None or stages.get((s["submission_id"], rt, kode, year), -1) >= need]
    label = deadline.label_id
    if meeting:
        arrived = calendar.local_date(meeting[0]["submitted_at"])
        late = (arrived - due).days
        status = "tepat-waktu" if late <= 0 else "terlambat"
        return DeadlineStatus(label, deadline.stage, due, NOT_REQUIRED if exempt else status, arrived,
                              max(late, 0))
    if as_of > due:
        return DeadlineStatus(label, deadline.stage, due, NOT_REQUIRED if exempt else "belum-masuk",
                              None, (as_of - due).days)
    return DeadlineStatus(label, deadline.stage, due, NOT_REQUIRED if exempt else "belum-jatuh-tempo",
                          None)


def _submissions(warehouse: Warehouse, calendar: Calendar,
                 until: datetime) -> dict[tuple[str, str, int], list[dict[str, Any]]]:
    """Every receipt up to ``until``, per (record type, kode desa, year), in order of arrival."""
    submitted = ("s.received_at" if calendar.submitted_time == "received"
                 else "coalesce(least(s.modified_at, s.received_at), s.received_at)")
    cursor = warehouse.con.execute(
        f"SELECT * FROM (SELECT s.submission_id, s.sha256, s.file_name, s.record_type, s.verdict, "
        f"s.error_count, s.warning_count, {submitted} AS submitted_at, v.kode_desa, y.tahun "
        "FROM submissions s, unnest(s.villages) v(kode_desa), unnest(s.years) y(tahun) "
        "WHERE s.record_type IS NOT NULL) WHERE submitted_at <= ? "
        "ORDER BY submitted_at, submission_id", [until])
    names = [d[0] for d in cursor.description]
    grouped: dict[tuple[str, str, int], list[dict[str, Any]]] = defaultdict(list)
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        grouped[(row["record_type"], row["kode_desa"], row["tahun"])].append(row)
    return grouped


def _stages(warehouse: Warehouse, calendar: Calendar,
            record_types: list[str]) -> dict[tuple[str, str, str, int], int]:
    """(submission, record type, kode desa, year) -> the latest stage its records report."""
    found: dict[tuple[str, str, str, int], int] = {}
    for rt in record_types:
        stage_field = calendar.stage_fields.get(rt)
        if not stage_field:
            continue
        definition = definitions()[rt]
        year = definition.year_field
        year_expr = f'"{year}"' if definition.field(year).type == "integer" else f'year("{year}")'
        rows = warehouse.con.execute(
            f'SELECT submission_id, kode_desa, {year_expr}, list_distinct(list("{stage_field}")) '
            f"FROM {records_table(rt)} GROUP BY ALL").fetchall()
        for sid, kode, tahun, values in rows:
            found[(sid, rt, kode, int(tahun))] = max(calendar.stage_rank(rt, v) for v in values)
    return found


def _publications(warehouse: Warehouse, until: datetime) -> dict[tuple[str, str, int], dict[str, Any]]:
    """The latest publication of every slice up to ``until``, with its submission's warnings."""
    cursor = warehouse.con.execute(
        "SELECT p.record_type, p.kode_desa, p.tahun, p.published_at, p.submission_id, "
        "p.content_hash, s.warning_count, "
        "(SELECT list_distinct(list(f.code)) FROM findings f WHERE f.submission_id = p.submission_id "
        " AND f.severity = 'warning') AS warning_codes "
        "FROM publications p LEFT JOIN submissions s USING (submission_id) WHERE p.published_at <= ? "
        "QUALIFY row_number() OVER (PARTITION BY p.record_type, p.kode_desa, p.tahun "
        "ORDER BY p.published_at DESC) = 1", [until])
    names = [d[0] for d in cursor.description]
    found = {}
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        row["warning_codes"] = sorted(row["warning_codes"] or [])
        found[(row["record_type"], row["kode_desa"], row["tahun"])] = row
    return found


def status_record(row: StatusRow, *, public: bool = False) -> dict[str, Any]:
    """One row as flat fields (JSON, CSV). ``public`` (the open compliance dataset) keeps what
    follows from the files villages sent, so any warehouse fed the same inbox publishes the same
    bytes; it leaves out what only officers need: file names and submission ids may carry
    names or numbers a village typed, and publication times are this warehouse's own log."""
    upcoming = row.next_deadline
    record: dict[str, Any] = {
        "kode_desa": row.kode_desa, "nama_desa": row.nama_desa,
        "kode_kecamatan": row.kode_kecamatan, "kecamatan": row.kecamatan,
        "jenis_data": row.record_type, "tahun": row.tahun,
        "status": row.status, "status_label": STATUS_LABELS[row.status][0],
        "hari_terlambat": row.days_late,
        "tenggat_berikutnya": upcoming.label if upcoming else "",
        "tanggal_tenggat_berikutnya": upcoming.due.isoformat() if upcoming else "",
        "rincian_tenggat": "; ".join(_deadline_text(d) for d in row.deadlines),
        "kiriman_terakhir": row.last_submitted.isoformat(timespec="seconds") if row.last_submitted else "",
        "hasil_pemeriksaan": VERDICTS.get(row.last_verdict, row.last_verdict),
        "galat": row.last_errors, "peringatan": row.last_warnings,
        "terbit": row.public_state,
        "versi_terbit": row.current_sha256[:12],
        "peringatan_mutu": row.current_warnings,
        "dataset": row.dataset,
    }
    if not public:
        record.update({
            "berkas_terakhir": row.last_file, "id_kiriman": row.last_submission[:12],
            "diterbitkan": row.published_at.isoformat(timespec="seconds") if row.published_at else "",
            "hash_csv_terbit": row.published_hash[:12], "id_kiriman_terbit": row.published_submission[:12],
            "kode_peringatan_terbit": ", ".join(row.warning_codes),
        })
    return record


def _deadline_text(d: DeadlineStatus) -> str:
    text = f"{d.label} {d.due.isoformat()}: {STATUS_LABELS[d.status][0].lower()}"
    if d.fulfilled:
        text += f" ({d.fulfilled.isoformat()})"
    if d.days_late:
        text += f", {d.days_late} hari"
    return text
