"""The expectation suites as SQL: the GX expectation types the project uses, compiled once per
suite and run as one query over a DuckDB table of records (one submission, or a whole batch).

GX (pandas) stays the definition: ``expectations.run_expectations(engine="reference")`` runs it,
and any expectation type, keyword or row condition not compiled here runs through GX instead
(``compiled(...).rest``). The SQL mirrors the pandas engine's semantics: numbers are doubles
(``to_numeric``), an empty cell is missing, a missing value is never "unexpected" for a
``between``, ``x / 0`` is infinite and ``0 / 0`` missing, ``NOT_IN`` keeps rows whose column is
missing, ``==`` and ``IN`` do not.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from desa_terbuka.core.definitions import definitions
from desa_terbuka.validate.relation import literal, quote
from desa_terbuka.validate.suites import load_suite


class Unsupported(ValueError):
    """This part of a suite has no SQL form here: GX runs it."""


@dataclass
class Compiled:
    """A suite's SQL: per compiled expectation its index and its 'unexpected' condition; the
    indexes of those GX must run; the derived columns' SQL (by name)."""

    conditions: list[tuple[int, str]] = field(default_factory=list)
    rest: list[int] = field(default_factory=list)
    derived: dict[str, str] = field(default_factory=dict)


_SQL_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_COMPARE = {"==": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


def typed_columns(record_type: str) -> dict[str, str]:
    """SQL of each field as the pandas frame types it (``expectations.typed_frame``)."""
    out = {}
    for f in definitions()[record_type].fields:
        cell = f"NULLIF({quote(f.name)}, '')"
        out[f.name] = {"number": f"TRY_CAST({cell} AS DOUBLE)", "integer": f"TRY_CAST({cell} AS DOUBLE)",
                       "date": f"TRY_CAST({cell} AS DATE)"}.get(f.type, cell)
    return out


def _derive(expression: str, known: dict[str, str], today: date) -> str:
    def sql(node: ast.AST) -> str:
        if isinstance(node, ast.Name):
            if node.id not in known:
                raise Unsupported(f"unknown column {node.id!r}")
            return f"({known[node.id]})"
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and \
                not isinstance(node.value, bool):
            return f"CAST({node.value!r} AS DOUBLE)"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return literal(node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return f"(-{sql(node.operand)})"
        if isinstance(node, ast.BinOp) and type(node.op) in _SQL_OPS:
            # NaN (0/0) is missing in pandas; DuckDB's NaN would compare as the largest number
            return f"NULLIF(({sql(node.left)} {_SQL_OPS[type(node.op)]} {sql(node.right)}), 'nan'::DOUBLE)"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
            args = [sql(a) for a in node.args]
            name = node.func.id
            if name == "today" and not args:
                return f"DATE {literal(today.isoformat())}"
            if name == "left" and len(args) == 2 and isinstance(node.args[1], ast.Constant):
                return f"left({args[0]}, {int(node.args[1].value)})"
            if name == "year" and len(args) == 1:
                return f"CAST(year({args[0]}) AS DOUBLE)"
            if name == "month_index" and len(args) == 1:
                return f"CAST(year({args[0]}) * 12 + month({args[0]}) - 1 AS DOUBLE)"
            if name == "days" and len(args) == 2:
                return f"CAST(date_diff('day', {args[1]}, {args[0]}) AS DOUBLE)"
        raise Unsupported(f"unsupported expression {ast.unparse(node)!r}")

    return sql(ast.parse(expression, mode="eval").body)


def _value(value: Any, parameters: dict[str, Any]) -> Any:
    if isinstance(value, dict) and set(value) == {"$PARAMETER"}:
        return parameters[value["$PARAMETER"]]
    return value


def _constant(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise Unsupported(f"constant {value!r}")
    return literal(value) if isinstance(value, str) else f"CAST({value!r} AS DOUBLE)"


def _condition(condition: dict[str, Any], columns: dict[str, str]) -> str:
    """A GX row condition as the pandas engine's ``DataFrame.query`` applies it."""
    kind = condition.get("type")
    if kind in ("and", "or"):
        parts = [_condition(c, columns) for c in condition["conditions"]]
        return "(" + f" {kind.upper()} ".join(parts) + ")"
    column = columns.get((condition.get("column") or {}).get("name", ""))
    if column is None:
        raise Unsupported(f"row condition {condition!r}")
    if kind == "nullity":
        return f"(({column}) IS {'' if condition['is_null'] else 'NOT '}NULL)"
    if kind != "comparison":
        raise Unsupported(f"row condition {condition!r}")
    op, value = condition["operator"], condition["parameter"]
    if op in ("IN", "NOT_IN"):
        items = ", ".join(_constant(v) for v in value)
        return f"coalesce(({column}) IN ({items}), FALSE)" if op == "IN" else \
            f"coalesce(({column}) NOT IN ({items}), TRUE)"
    if op in _COMPARE:  # a missing value compares false, except for != (NaN != x)
        return f"coalesce(({column}) {_COMPARE[op]} {_constant(value)}, {'TRUE' if op == '!=' else 'FALSE'})"
    raise Unsupported(f"operator {op!r}")


_KNOWN_KWARGS = {
    "expect_column_values_to_be_between": {"column", "min_value", "max_value", "strict_min", "strict_max",
                                           "row_condition", "condition_parser"},
    "expect_column_values_to_not_be_null": {"column", "row_condition", "condition_parser"},
    "expect_column_values_to_be_null": {"column", "row_condition", "condition_parser"},
    "expect_column_pair_values_a_to_be_greater_than_b": {"column_A", "column_B", "or_equal", "ignore_row_if",
                                                         "row_condition", "condition_parser"},
}


def _unexpected(kind: str, kwargs: dict[str, Any], columns: dict[str, str], parameters: dict) -> str:
    """SQL: the row is in the expectation's domain and fails it."""
    if kind not in _KNOWN_KWARGS or set(kwargs) - _KNOWN_KWARGS[kind]:
        raise Unsupported(kind)
    domain = _condition(kwargs["row_condition"], columns) if kwargs.get("row_condition") else "TRUE"
    if kind == "expect_column_pair_values_a_to_be_greater_than_b":
        a, b = columns.get(kwargs["column_A"]), columns.get(kwargs["column_B"])
        ignore = kwargs.get("ignore_row_if", "both_values_are_missing")
        if a is None or b is None or ignore not in ("either_value_is_missing", "both_values_are_missing"):
            raise Unsupported(kind)
        skip = f"({a}) IS NULL {'OR' if ignore == 'either_value_is_missing' else 'AND'} ({b}) IS NULL"
        test = f"({a}) {'>=' if kwargs.get('or_equal') else '>'} ({b})"
        return f"{domain} AND NOT ({skip}) AND NOT coalesce({test}, FALSE)"
    column = columns.get(kwargs["column"])
    if column is None:
        raise Unsupported(f"column {kwargs['column']!r}")
    if kind == "expect_column_values_to_not_be_null":
        return f"{domain} AND ({column}) IS NULL"
    if kind == "expect_column_values_to_be_null":
        return f"{domain} AND ({column}) IS NOT NULL"
    low, high = _value(kwargs.get("min_value"), parameters), _value(kwargs.get("max_value"), parameters)
    if low is None and high is None:
        raise Unsupported("between without bounds")
    inside = []
    if low is not None:
        inside.append(f"({column}) {'>' if kwargs.get('strict_min') else '>='} {_constant(low)}")
    if high is not None:
        inside.append(f"({column}) {'<' if kwargs.get('strict_max') else '<='} {_constant(high)}")
    return f"{domain} AND ({column}) IS NOT NULL AND NOT ({' AND '.join(inside)})"


@cache
def _compiled(record_type: str, today: date) -> Compiled:
    suite = load_suite(record_type)
    meta = suite.get("meta", {})
    parameters = dict(meta.get("parameters") or {})
    columns = typed_columns(record_type)
    out = Compiled()
    for name, expression in (meta.get("derive") or {}).items():
        columns[name] = _derive(expression, columns, today)  # a derive GX cannot do either: an error
        out.derived[name] = columns[name]
    for index, expectation in enumerate(suite["expectations"]):
        try:
            out.conditions.append((index, _unexpected(expectation["type"], expectation["kwargs"],
                                                      columns, parameters)))
        except Unsupported:
            out.rest.append(index)
    return out


def compiled(record_type: str, today: date) -> Compiled:
    """The suite's SQL (cached per record type and day: ``today()`` is a constant)."""
    return _compiled(record_type, today)


def unexpected_rows(con, table: str, record_type: str, today: date,
                    skip: str = "FALSE") -> list[tuple[int, int]]:
    """(expectation index, row index) of every failure, in suite order then row order; ``skip``
    is a SQL condition on ``_i`` for rows left out (already in error)."""
    plan = compiled(record_type, today)
    if not plan.conditions:
        return []
    parts = [f"SELECT {index} AS k, _i FROM {table} WHERE NOT ({skip}) AND ({condition})"
             for index, condition in plan.conditions]
    return con.execute(" UNION ALL ".join(parts) + " ORDER BY k, _i").fetchall()


def derived_values(con, table: str, record_type: str, today: date, names: list[str],
                   rows: list[int]) -> dict[tuple[int, str], Any]:
    """The derived columns ``names`` of the given rows (for the messages)."""
    plan = compiled(record_type, today)
    names = [n for n in names if n in plan.derived]
    if not names or not rows:
        return {}
    select = ", ".join(f"{plan.derived[n]} AS {quote(n)}" for n in names)
    found = con.execute(f"SELECT _i, {select} FROM {table} WHERE _i IN "
                        f"(SELECT unnest(?::BIGINT[]))", [sorted(set(rows))]).fetchall()
    return {(row[0], name): value for row in found for name, value in zip(names, row[1:])}
