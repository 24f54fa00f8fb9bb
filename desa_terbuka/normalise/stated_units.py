"""The size of the table's numbers as its heading, its title rows and its notes state it.

A print says it once for the table, often outside the heading: a title row "(dalam ribuan
rupiah)", a note under the table "Nilai dalam Rp ribuan" or "Satuan: Rp 1.000". Read as rupiah,
those amounts would be published a thousand times too small, so they are multiplied like a
heading's "(Rp.000)" (the words are ``heading_units``' one vocabulary) and the operator is told
which row said it. A line naming a column ("Kolom Anggaran dalam ribuan rupiah") sizes that column
only; any other sizes every amount column. Two statements that disagree (the heading "(Rp.000)"
and a note "dalam rupiah") cannot be settled by reading: an error asks which one is right.
"""

from __future__ import annotations

from dataclasses import dataclass

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.heading_units import column_scales, line_scale, without_scale

# words around a column's name in a unit line: "Catatan: kolom Anggaran dan Realisasi dalam …"
_LEAD = {"catatan", "keterangan", "ket", "note", "kolom", "angka", "nilai", "semua", "seluruh",
         "untuk", "pada"}
_TRAIL = {"angka", "nilai", "satuan", "dalam", "ditulis", "dinyatakan", "adalah", "yaitu"}
_AND = {"dan", "serta"}
_CURRENCY = {"rp", "rupiah"}


@dataclass(frozen=True)
class Scale:
    """What one place states of a column's numbers."""

    factor: int
    stated: str  # the words that state it ("dalam ribuan rupiah")
    written: str  # the heading or the line as written
    row: int | None = None  # the title or note row; None: the column's heading

    def source(self, inside: bool = False) -> Text:
        """Where it is said, to open a message (``inside``: in the middle of one)."""
        if self.row is None:
            said = Text("Judul kolom", "Column heading")
        else:
            said = Text(f"Keterangan di baris {self.row}", f"The line at row {self.row}")
        return Text(str(said).lower(), said.en.lower()) if inside else said

    def place(self) -> Text:
        return Text("judulnya", "the heading") if self.row is None else \
            Text("baris itu", "that row")


@dataclass(frozen=True)
class Conflict:
    """Two statements of one column's size that disagree."""

    field: str
    first: Scale
    second: Scale


def unit_of(factor: int) -> Text:
    words = {1: ("rupiah penuh", "full rupiah"), 10**3: ("ribuan rupiah", "thousands of rupiah"),
             10**6: ("jutaan rupiah", "millions of rupiah"), 10**9: ("miliaran rupiah", "billions of rupiah")}
    id_text, en_text = words.get(factor, (f"× {factor}", f"× {factor}"))
    return Text(id_text, en_text)


def stated_scales(header, definition: DatasetDefinition, lines: list[tuple[int, str]]
                  ) -> tuple[dict[str, Scale], list[Conflict]]:
    """field -> the size applied to its amounts, and the statements that disagree.

    ``lines``: (source row, text) of the title rows and the notes around the table."""
    headed = {name: Scale(factor, stated, heading)
              for name, (factor, stated, heading) in column_scales(header, definition).items()}
    amounts = _amount_columns(header, definition)
    said: dict[str, list[Scale]] = {name: [headed[name]] if name in headed else [] for name in amounts}
    for row, text in lines:
        found = line_scale(text)
        if not found:
            continue
        factor, stated, before = found
        scale = Scale(factor, stated, " ".join(text.split()), row)
        for name in _named(before, amounts) or list(amounts):
            said[name].append(scale)
    scales, conflicts = {}, []
    for name, statements in said.items():
        other = next((s for s in statements[1:] if s.factor != statements[0].factor), None)
        if other is not None:
            conflicts.append(Conflict(name, statements[0], other))
            if name in headed:  # as before the notes were read; the error holds the file
                scales[name] = headed[name]
        elif statements and statements[0].factor != 1:
            scales[name] = statements[0]
    return scales, conflicts


def _amount_columns(header, definition: DatasetDefinition) -> dict[str, set[str]]:
    """Amount field -> the ways a line may name its column (heading as written, field name, title)."""
    names: dict[str, set[str]] = {}
    for col, name in header.columns.items():
        f = definition.field(name)
        if f.type != "number" or f.raw.get("x-unit") or f.raw.get("x-unit-field"):
            continue  # a percentage, or a volume with its own unit: no rupiah
        keys = {without_scale(header.written.get(col) or ""), normalise_heading(name),
                normalise_heading(f.title or "")}
        names.setdefault(name, set()).update(
            " ".join(w for w in k.split() if w not in _CURRENCY) for k in keys)
        names[name].discard("")
    return names


def _named(before: str, amounts: dict[str, set[str]]) -> list[str]:
    """The columns the words before a unit statement name ("kolom anggaran dan realisasi"); none
    when they are anything else (a report's title), so the statement sizes every column."""
    words = before.split()
    while words and words[0] in _LEAD:
        words.pop(0)
    while words and words[-1] in _TRAIL:
        words.pop()
    if not words:
        return []
    parts, current = [], []
    for word in words + ["dan"]:
        if word in _AND:
            if current:
                parts.append(" ".join(current))
            current = []
        elif word not in _CURRENCY:
            current.append(word)
    named = []
    for part in parts:
        match = [name for name, keys in amounts.items() if part in keys]
        if len(match) != 1:
            return []
        named += match
    return named
