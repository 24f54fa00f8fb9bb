"""Row findings of one rule said once: the rows of a rule marked ``group_rows`` in the suite
become one finding listing them ("kolom realisasi kosong (baris 11, 13, 16–20)"), as other rules
list theirs; and a value the stage needs missing on every line (``whole_file_rule``) is not a
row's omission but the file's: no column was read as it, said once, as the root cause.
"""

from __future__ import annotations

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.records import Records


def grouped(findings: list[Finding], records: Records, suite: dict) -> list[Finding]:
    """The findings, each marked rule's rows in one finding (at its first row)."""
    metas = {e["meta"]["rule"]: e for e in suite.get("expectations", [])
             if e.get("meta", {}).get("group_rows") or e.get("meta", {}).get("whole_file_rule")}
    out, rows = [], {}
    for f in findings:
        if f.code in metas and f.row is not None:
            rows.setdefault(f.code, []).append(f)
        else:
            out.append(f)
    for code, found in rows.items():
        expectation = metas[code]
        whole = _whole_file(expectation, found, records)
        if whole is not None:
            out.append(whole)
        elif expectation["meta"].get("group_rows"):
            first = found[0]
            out.append(Finding(code, first.file, first.sheet, first.row, first.field, None,
                               params={**first.params, "rows": ranges([f.row for f in found])}))
        else:
            out += found
    return out


def _whole_file(expectation: dict, found: list[Finding], records: Records) -> Finding | None:
    """One file-level finding when the value is missing from every line of the file."""
    meta = expectation["meta"]
    code, name = meta.get("whole_file_rule"), expectation["kwargs"].get("column")
    if not code or any(row.get(name) for row in records.rows):
        return None
    header = records.header
    written = dict(getattr(header, "written", {}) or {})
    columns = dict(getattr(header, "columns", {}) or {})
    mine = [written.get(col, "") for col, field in columns.items() if field == name]
    if mine:
        column = Text(f"kolom '{mine[0]}' yang dibaca sebagai {name} kosong di semua baris",
                      f"column '{mine[0]}', read as {name}, is empty on every line")
    else:
        column = Text(f"tidak ada kolom yang dibaca sebagai {name}",
                      f"no column was read as {name}")
    headings = ", ".join(f"'{text}'" for text in written.values() if text) or "-"
    by = ((expectation["kwargs"].get("row_condition") or {}).get("column") or {}).get("name", "")
    stages = sorted({r.get(by, "") for r in records.rows if r.get(by)})
    first = found[0]
    return Finding(code, first.file, first.sheet, None, name, None,
                   params={"column": column, "headings": headings, "stage": ", ".join(stages),
                           "count": str(len(found))})
