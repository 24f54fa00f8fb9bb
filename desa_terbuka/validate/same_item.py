"""Two lines that name the same item with different figures: one of them is wrong.

A line repeated word for word is ``duplicate-row``. A line that names the same item again — the
same account, kegiatan and description, or the same meeting on the same day at the same place —
but states another amount or another attendance is worse: publishing both counts the item twice,
publishing one is a guess. Which fields name an item and which must agree is declared per record
type (``same_item`` in ``datasets/<type>.yaml``); the text fields of the key are compared as a
reader would (case and spacing aside).
"""

from __future__ import annotations

from collections import defaultdict

from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.records import Records
from desa_terbuka.normalise.table_rows import prefetch
from desa_terbuka.validate.relation import connection, literal, quote, table_of


def _rule(definition: DatasetDefinition) -> dict | None:
    rule = definition.config.get("same_item")
    if not rule:
        return None
    names = set(definition.field_names)
    key = [k for k in rule["key"] if k in names]
    values = [v for v in rule["values"] if v in names]
    return {**rule, "key": key, "values": values} if key and values else None


def _text(column: str) -> str:
    return f"lower(regexp_replace(trim(coalesce({quote(column)}, '')), '\\s+', ' ', 'g'))"


def _compared(rule: dict) -> str:
    """SQL: the line is one the rule compares (of its ``only`` codes, when it names some)."""
    only = rule.get("only")
    if not only:
        return "TRUE"
    return f"{quote(only['field'])} IN ({', '.join(literal(c) for c in only['codes'])})"


def candidates_sql(definition: DatasetDefinition, table: str, per: str = "") -> str | None:
    """SQL of the lines (``_i``, and ``per``'s column first when given: a batch's ``_f``) whose
    key another line shares with other figures; hashes group them, the caller compares the
    cells (a collision only adds a line to compare). None when the type declares no rule."""
    rule = _rule(definition)
    if rule is None:
        return None
    key = ", ".join([*([per] if per else []), *(_text(k) for k in rule["key"])])
    values = ", ".join(f"coalesce({quote(v)}, '')" for v in rule["values"])
    return (f"WITH hashed AS MATERIALIZED (SELECT {per + ', ' if per else ''}_i, hash({key}) AS k, "
            f"hash({values}) AS v FROM {table} WHERE {_compared(rule)}) "
            f"SELECT {per + ', ' if per else ''}_i FROM hashed WHERE k IN "
            f"(SELECT k FROM hashed GROUP BY k HAVING count(DISTINCT v) > 1) ORDER BY _i")


def same_item_findings(records: Records, table: str | None = None) -> list[Finding]:
    """``conflicting-lines`` at each later line naming an item an earlier line names with other figures."""
    definition = records.definition
    rule = _rule(definition)
    if rule is None or not records.rows:
        return []
    with table_of(records, table) as loaded:
        found = [i for (i,) in connection().execute(candidates_sql(definition, loaded)).fetchall()]
    prefetch(records.rows, found)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index in found:
        row = records.rows[index]
        groups[tuple(" ".join((row.get(k) or "").split()).lower() for k in rule["key"])].append(index)
    findings = []
    for key, lines in groups.items():
        first = records.rows[lines[0]]
        for index in lines[1:]:
            row = records.rows[index]
            differ = [v for v in rule["values"] if (row.get(v) or "") != (first.get(v) or "")]
            if not differ:
                continue
            label = " · ".join(row.get(k) or "" for k in rule["key"] if k in rule.get("label", rule["key"])
                               and row.get(k))
            findings.append(Finding(
                "conflicting-lines", records.table.file, records.table.sheet, records.row_numbers[index],
                differ[0], row.get(differ[0]) or "-",
                params={"reason": records.row_numbers[lines[0]], "label": label,
                        "other": first.get(differ[0]) or "-"}))
    return findings


def _once(definition: DatasetDefinition) -> dict | None:
    once = (definition.config.get("same_item") or {}).get("once")
    names = set(definition.field_names)
    return once if once and once["field"] in names and set(once["key"]) <= names else None


def repeated_sql(definition: DatasetDefinition, table: str, per: str = "") -> str | None:
    """SQL of the lines (``_i``, and ``per``'s column first when given) of an account received
    once a year that stands on more than one line (None when the type declares none)."""
    once = _once(definition)
    if once is None:
        return None
    codes = ", ".join(literal(c) for c in once["codes"])
    key = ", ".join([*([per] if per else []), *(quote(k) for k in once["key"])])
    return (f"SELECT {per + ', ' if per else ''}_i FROM (SELECT *, count(*) OVER (PARTITION BY {key}) "
            f"AS n FROM {table} WHERE {quote(once['field'])} IN ({codes})) WHERE n > 1 ORDER BY _i")


def repeated_findings(records: Records, table: str | None = None,
                      conflicting: frozenset[int] | set[int] = frozenset()) -> list[Finding]:
    """``allocation-repeated`` (a warning) once per account received once a year that stands on
    several lines: parts of one allocation (earmark / non-earmark) or one figure written twice,
    which only the village can tell. Lines already ``conflicting-lines`` (their row numbers in
    ``conflicting``) are not said again."""
    once = _once(records.definition)
    if once is None or not records.rows:
        return []
    with table_of(records, table) as loaded:
        found = [i for (i,) in connection().execute(repeated_sql(records.definition, loaded)).fetchall()]
    prefetch(records.rows, found)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index in found:
        groups[tuple(records.rows[index].get(k) or "" for k in once["key"])].append(index)
    findings = []
    for lines in groups.values():
        numbers = [records.row_numbers[i] for i in lines]
        if set(numbers) & conflicting:
            continue
        first = records.rows[lines[0]]
        findings.append(Finding(
            "allocation-repeated", records.table.file, records.table.sheet, numbers[1], once["field"],
            first.get(once["field"]), params={"label": first.get("uraian") or first.get(once["field"]),
                                              "reason": ", ".join(map(str, numbers))}))
    return findings


__all__ = ["candidates_sql", "repeated_findings", "repeated_sql", "same_item_findings"]
