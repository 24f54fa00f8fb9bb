"""``desa status`` for people (a rich table) and machines (JSON)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from desa_terbuka.stage.curation import SHORT_ID, LogEntry, Pending
from desa_terbuka.stage.status import (
    NOT_REQUIRED,
    STATUS_LABELS,
    STATUSES,
    VERDICTS,
    StatusBoard,
    StatusRow,
    status_record,
)
from desa_terbuka.views.text import finding_rows

COLOURS = {"tepat-waktu": "green", "terlambat": "yellow", "belum-masuk": "bold red",
           "belum-jatuh-tempo": "dim", NOT_REQUIRED: "dim"}
ACTIONS = {"approve": "disetujui", "retract": "ditarik", "restore": "dipulihkan"}


def filter_rows(board: StatusBoard, kecamatan: str | None = None, status: str | None = None,
                record_type: str | None = None, year: int | None = None) -> list[StatusRow]:
    """Rows matching the filters; a kecamatan by code or (part of) its name."""
    def wanted(row: StatusRow) -> bool:
        if kecamatan and kecamatan.lower() not in (row.kode_kecamatan, row.kecamatan.lower()) \
                and kecamatan.lower() not in row.kecamatan.lower():
            return False
        return ((not status or row.status == status) and (not record_type or row.record_type == record_type)
                and (not year or row.tahun == year))
    return [r for r in board.rows if wanted(r)]


def status_json(board: StatusBoard, rows: list[StatusRow]) -> dict[str, Any]:
    """The machine contract of ``desa status --json``."""
    return {
        "per_tanggal": board.as_of.isoformat(),
        "jumlah": dict(Counter(r.status for r in rows)),
        "kelurahan_tidak_wajib": board.kelurahan,
        "baris": [status_record(r) for r in rows],
        "riwayat_kurasi": [log_record(e) for e in board.log],
    }


def log_record(entry: LogEntry) -> dict[str, Any]:
    return {"waktu": entry.at.isoformat(timespec="seconds"), "tindakan": entry.action,
            "objek": entry.subject[:SHORT_ID] if entry.action == "approve" else entry.subject,
            "alasan": entry.reason, "oleh": entry.actor, "desa": entry.villages}


def summary_table(board: StatusBoard, rows: list[StatusRow]) -> Table:
    """Per kecamatan: how many reports are in each status."""
    table = Table(title=f"Status pelaporan per {board.as_of:%d-%m-%Y} "
                        f"(desa × jenis data × tahun)", title_justify="left")
    table.add_column("Kecamatan")
    shown = [s for s in (*reversed(STATUSES), NOT_REQUIRED) if any(r.status == s for r in rows)]
    for s in shown:
        table.add_column(STATUS_LABELS[s][0], justify="right", style=COLOURS[s])
    per: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        per[r.kecamatan][r.status] += 1
    for kecamatan in sorted(per):
        table.add_row(kecamatan, *(str(per[kecamatan][s]) for s in shown))
    total = Counter(r.status for r in rows)
    table.add_row(Text("Jumlah", style="bold"), *(Text(str(total[s]), style="bold") for s in shown))
    return table


def rows_table(rows: list[StatusRow]) -> Table:
    table = Table(show_lines=False)
    for head in ("Kecamatan", "Desa", "Jenis", "Tahun", "Status", "Tenggat", "Kiriman terakhir",
                 "Terbit", "Mutu"):
        table.add_column(head, overflow="fold")
    for r in rows:
        upcoming = r.next_deadline
        deadline = (f"{r.days_late} hari lewat" if r.days_late else "") + \
            (f"{'; ' if r.days_late else ''}berikut {upcoming.due:%d-%m-%Y}" if upcoming else "")
        sent = (f"{r.last_file} {r.last_submitted:%d-%m-%Y} ({VERDICTS.get(r.last_verdict, r.last_verdict)})"
                if r.last_submitted else "-")
        published = (f"{r.published_at:%d-%m-%Y} v{r.published_hash[:8]}" if r.published_at else "-")
        if r.retracted:
            published += " DITARIK"
        quality = f"{r.quality_warnings} peringatan" if r.quality_warnings else ("baik" if r.published_at else "-")
        table.add_row(r.kecamatan, f"{r.nama_desa} ({r.kode_desa})", r.record_type, str(r.tahun),
                      Text(STATUS_LABELS[r.status][0], style=COLOURS[r.status]), deadline, sent,
                      published, quality)
    return table


def log_table(entries: list[LogEntry]) -> Table:
    table = Table(title="Riwayat kurasi (audit log)", title_justify="left")
    for head in ("Waktu", "Tindakan", "Objek", "Oleh", "Alasan"):
        table.add_column(head, overflow="fold")
    for e in entries:
        subject = e.subject[:SHORT_ID] if e.action == "approve" else e.subject
        table.add_row(f"{e.at:%d-%m-%Y %H:%M}", ACTIONS.get(e.action, e.action), subject, e.actor, e.reason)
    return table


def print_status(console: Console, board: StatusBoard, rows: list[StatusRow], detail: bool) -> None:
    parts: list[Any] = [summary_table(board, rows)]
    if detail:
        parts.append(rows_table(rows))
    if board.log:
        parts.append(log_table(board.log))
    parts.append(Text(f"{board.kelurahan} kelurahan tidak wajib lapor (tidak punya APBDes) dan tidak "
                      "ditampilkan.", style="dim"))
    console.print(Group(*parts))


def review_table(items: list[Pending]) -> Table:
    """``desa review``: quarantined submissions with their reasons."""
    table = Table(title=f"Kiriman dalam karantina: {len(items)}", title_justify="left", show_lines=True)
    for head in ("ID", "Status", "Berkas", "Desa / tahun", "Diterima", "Alasan"):
        table.add_column(head, overflow="fold")
    for p in items:
        reasons = [f for f in p.findings if f.level == "error"] if p.verdict == "rejected" else \
            [f for f in p.findings if f.level == "warning"]
        shown = "\n".join(f"[{r['aturan']}] {r['pesan']}" for r in finding_rows(reasons[:5]))
        if len(reasons) > 5:
            shown += f"\n… dan {len(reasons) - 5} lagi"
        state = ("DITOLAK: desa harus memperbaiki" if p.verdict == "rejected"
                 else "DITAHAN: menunggu persetujuan petugas")
        table.add_row(p.short_id, state, p.file, f"{', '.join(p.villages) or '-'} / "
                      f"{', '.join(map(str, p.years)) or '-'}", f"{p.received_at:%d-%m-%Y %H:%M}", shown)
    return table
