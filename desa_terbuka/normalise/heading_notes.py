"""What is said of the columns no field reads, from the most to the least telling.

- a row-number column ("No", "Nomor Urut") is form: nothing is said;
- a companion of a published field (``unpublished_headers``: an APBDes Perubahan's "Anggaran
  Awal"): information, the field published instead is named;
- data another record type publishes (``published_elsewhere``: a kegiatan realisation report's
  "Realisasi s.d. Bulan Ini (Rp)", "% Keuangan"): a warning, for numbers the file carries do not
  appear, and the operator is told where they are published;
- a column the sheet hides: information that it is hidden and not published (the operator never
  sees it, so its spelling is nothing to check);
- a form app's own columns of an export ("_uuid", "start": ``form_paths.meta_columns``): said
  once as its metadata, the ones naming a person ("phonenumber") apart (their cells are scanned
  for personal data like every unread column's);
- anything else: an unknown column (information).
"""

from __future__ import annotations

from typing import Any

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.form_paths import meta_columns, personal_meta
from desa_terbuka.normalise.heading_words import amount_source, is_row_number, is_share, published_elsewhere
from desa_terbuka.normalise.headings import Header, heading_forms, unpublished_headings

__all__ = ["published_elsewhere", "unknown_notes"]


def unknown_notes(header: Header, definition: DatasetDefinition, read: set[int] | None = None,
                  hidden: set[int] | None = None) -> list[tuple[str, str | None, str, dict[str, Any]]]:
    """(code, field, heading as written, params) for each column no field reads (``read``: the
    columns another step reads, such as a date's month and year; ``hidden``: the columns the
    sheet hides, which the operator never sees: no spelling to check)."""
    unpublished = unpublished_headings(definition)
    notes = []
    meta = meta_columns(header.unknown)
    plain = [h for h in meta.values() if not personal_meta(h)]
    personal = [h for h in meta.values() if personal_meta(h)]
    for code, headings in (("form-meta-columns", plain), ("form-meta-personal", personal)):
        if headings:
            notes.append((code, None, ", ".join(f"'{h}'" for h in headings), {"count": len(headings)}))
    for col, heading in header.unknown.items():
        if col in (read or ()) or col in meta:
            continue
        if is_row_number(heading):  # "No": numbers the rows; nothing to say
            continue
        shown = next((unpublished[f] for f in heading_forms(heading) if f in unpublished), None)
        other = published_elsewhere(definition, heading) or (
            next(iter(definition.config.get("published_elsewhere") or {}), None)
            if is_share(definition, heading) else None)
        if not shown and amount_source(definition, heading):  # "SUMBER DANA PEMERINTAH"
            shown = (definition.config.get("source_amounts") or {}).get("total", "anggaran")
        if shown:  # "Anggaran Awal" of an APBDes Perubahan: known, and not what is published
            notes.append(("column-not-published", shown, heading, {}))
        elif other:
            notes.append(("column-published-elsewhere", None, heading,
                          {"record_type": definition.record_type, "other": other}))
        elif col in (hidden or ()):
            notes.append(("hidden-column", None, heading, {}))
        else:
            notes.append(("unknown-column", None, heading, {}))
    notes += [("unknown-column", None, heading, {}) for heading in header.choices.values()]
    for col, name in header.companions.items():  # "Semester I" beside the JUMLAH of REALISASI
        total = next((header.written.get(c, "") for c, n in header.columns.items() if n == name), "")
        notes.append(("column-part-of-total", name, header.written.get(col, ""), {"total": total}))
    return notes
