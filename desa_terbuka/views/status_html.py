"""``desa status --html``: one self-contained page for DPMD data officers.

It opens offline (no CDN: the styles and the filter script are inline) and filters by
kecamatan, status, record type and year, also from the address (``board.html?kecamatan=Tualan
Hulu&status=terlambat``), so a link to "who is late in Tualan Hulu" can be shared.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from html import escape

from desa_terbuka.stage.curation import SHORT_ID
from desa_terbuka.stage.status import NOT_REQUIRED, STATUS_LABELS, STATUSES, VERDICTS, StatusBoard
from desa_terbuka.views.status import ACTIONS

COLOURS = {"tepat-waktu": "#1a7f37", "terlambat": "#b35900", "belum-masuk": "#c62828",
           "belum-jatuh-tempo": "#6e7781", NOT_REQUIRED: "#6e7781"}

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1f2328}
h1{font-size:1.4rem;margin:0 0 .3rem}
.filters{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0;align-items:end}
.filters label{display:flex;flex-direction:column;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
.badge{display:inline-block;padding:.1rem .45rem;border-radius:.6rem;color:#fff;font-size:.8rem;white-space:nowrap}
.counts span{margin-right:1rem}
.muted{color:#6e7781}
"""

_SCRIPT = """
(function(){
  var ids=['kecamatan','status','jenis','tahun'];
  var params=new URLSearchParams(location.search);
  ids.forEach(function(id){var v=params.get(id); if(v!==null){document.getElementById('f-'+id).value=v;}});
  function apply(){
    var want={}; ids.forEach(function(id){want[id]=document.getElementById('f-'+id).value;});
    var shown=0, per={};
    document.querySelectorAll('#rows tr').forEach(function(tr){
      var ok=ids.every(function(id){return !want[id]||tr.dataset[id]===want[id];});
      tr.hidden=!ok; if(ok){shown++; per[tr.dataset.status]=(per[tr.dataset.status]||0)+1;}
    });
    document.getElementById('shown').textContent=shown;
    document.querySelectorAll('[data-count]').forEach(function(el){el.textContent=per[el.dataset.count]||0;});
  }
  ids.forEach(function(id){document.getElementById('f-'+id).addEventListener('change',apply);});
  apply();
})();
"""


def _options(values: list[str], labels: dict[str, str] | None = None) -> str:
    return "".join(f'<option value="{escape(v)}">{escape((labels or {}).get(v, v))}</option>'
                   for v in values)


def status_html(board: StatusBoard) -> str:
    rows = board.rows
    kecamatan = sorted({r.kecamatan for r in rows})
    statuses = [s for s in (*reversed(STATUSES), NOT_REQUIRED) if any(r.status == s for r in rows)]
    labels = {s: STATUS_LABELS[s][0] for s in statuses}
    total = Counter(r.status for r in rows)
    body = []
    for r in rows:
        upcoming = r.next_deadline
        sent = (f"{escape(r.last_file)}<br><span class=muted>{r.last_submitted:%d-%m-%Y} · "
                f"{VERDICTS.get(r.last_verdict, r.last_verdict)}</span>" if r.last_submitted else "-")
        published = (f"{r.published_at:%d-%m-%Y}<br><span class=muted>v{r.published_hash[:8]}</span>"
                     if r.published_at else "-") + (" <b>DITARIK</b>" if r.retracted else "")
        details = "<br>".join(
            escape(f"{d.label} ({d.due:%d-%m-%Y}): {STATUS_LABELS[d.status][0].lower()}"
                   + (f", masuk {d.fulfilled:%d-%m-%Y}" if d.fulfilled else "")
                   + (f", {d.days_late} hari" if d.days_late else "")) for d in r.deadlines)
        body.append(
            f'<tr data-kecamatan="{escape(r.kecamatan)}" data-status="{r.status}" '
            f'data-jenis="{r.record_type}" data-tahun="{r.tahun}" data-kode="{r.kode_desa}">'
            f"<td>{escape(r.kecamatan)}</td><td>{escape(r.nama_desa)}<br>"
            f"<span class=muted>{r.kode_desa}</span></td><td>{r.record_type}</td><td>{r.tahun}</td>"
            f'<td><span class=badge style="background:{COLOURS[r.status]}">'
            f"{escape(STATUS_LABELS[r.status][0])}</span></td><td>{details}"
            + (f"<br><span class=muted>berikut: {upcoming.due:%d-%m-%Y}</span>" if upcoming else "")
            + f"</td><td>{sent}</td><td>{published}</td>"
            f"<td>{r.quality_warnings or ('baik' if r.published_at else '-')}</td></tr>")
    log = "".join(
        f"<tr><td>{e.at:%d-%m-%Y %H:%M}</td><td>{ACTIONS.get(e.action, e.action)}</td>"
        f"<td>{escape(e.subject[:SHORT_ID] if e.action == 'approve' else e.subject)}</td>"
        f"<td>{escape(e.actor)}</td><td>{escape(e.reason)}</td></tr>" for e in board.log)
    counts = "".join(f'<span><span class=badge style="background:{COLOURS[s]}">{escape(labels[s])}</span> '
                     f'<b data-count="{s}">{total[s]}</b></span>' for s in statuses)
    generated = datetime.now(timezone.utc).astimezone(board.calendar.zone)
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Status pelaporan data desa per {board.as_of:%d-%m-%Y}</title><style>{_STYLE}</style></head>
<body>
<h1>Status pelaporan data desa</h1>
<p class=muted>Per {board.as_of:%d-%m-%Y} (tenggat: portal_config/deadlines.yaml) · dibuat
{generated:%d-%m-%Y %H:%M} · {board.kelurahan} kelurahan tidak wajib lapor (tidak punya APBDes).</p>
<div class=filters>
<label>Kecamatan<select id="f-kecamatan"><option value="">Semua</option>{_options(kecamatan)}</select></label>
<label>Status<select id="f-status"><option value="">Semua</option>{_options(statuses, labels)}</select></label>
<label>Jenis data<select id="f-jenis"><option value="">Semua</option>{_options(sorted({r.record_type for r in rows}))}</select></label>
<label>Tahun<select id="f-tahun"><option value="">Semua</option>{_options(sorted({str(r.tahun) for r in rows}))}</select></label>
<p class=counts>Ditampilkan: <b id="shown">{len(rows)}</b> baris · {counts}</p>
</div>
<table><thead><tr><th>Kecamatan</th><th>Desa</th><th>Jenis</th><th>Tahun</th><th>Status</th>
<th>Tenggat</th><th>Kiriman terakhir</th><th>Terbit</th><th>Peringatan mutu</th></tr></thead>
<tbody id="rows">{''.join(body)}</tbody></table>
<h2>Riwayat kurasi</h2>
<table><thead><tr><th>Waktu</th><th>Tindakan</th><th>Objek</th><th>Oleh</th><th>Alasan</th></tr></thead>
<tbody id="log">{log or '<tr><td colspan=5 class=muted>Belum ada tindakan kurasi.</td></tr>'}</tbody></table>
<script>{_SCRIPT}</script>
</body></html>
"""
