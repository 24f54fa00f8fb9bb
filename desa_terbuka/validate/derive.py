"""Derived columns declared in a suite (``meta.derive``), evaluated without ``eval``.

GX has no pandas expectation for "A ≤ 1.5 × B"; a derived column plus a plain expectation does
it. Expressions are parsed with ``ast`` and only a whitelist is evaluated: column names, numbers,
strings, ``+ - * /``, unary minus and the functions below.
"""

from __future__ import annotations

import ast
import operator
from datetime import date
from typing import Any, Callable

import pandas as pd

_OPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}


def _left(series: pd.Series, n: int) -> pd.Series:
    return series.map(lambda v: v[:n] if isinstance(v, str) else None)


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "left": _left,                                                    # left(kode_rekening, 3)
    "year": lambda s: s.dt.year.astype("float64"),                    # year(tanggal)
    "month_index": lambda s: (s.dt.year * 12 + s.dt.month - 1).astype("float64"),
    "days": lambda a, b: (a - b).dt.days.astype("float64"),           # days(a, b) = a - b in days
}


def derive_columns(df: pd.DataFrame, derive: dict[str, str], today: date) -> None:
    """Add each declared column to ``df`` in order (later ones may use earlier ones)."""
    for name, expression in derive.items():
        try:
            tree = ast.parse(expression, mode="eval")
            df[name] = _evaluate(tree.body, df, today)
        except (SyntaxError, ValueError, KeyError) as problem:
            raise ValueError(f"derive {name}: cannot evaluate {expression!r}: {problem}") from None


def _evaluate(node: ast.AST, df: pd.DataFrame, today: date) -> Any:
    if isinstance(node, ast.Name):
        if node.id not in df.columns:
            raise ValueError(f"unknown column {node.id!r}")
        return df[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand, df, today)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        left, right = _evaluate(node.left, df, today), _evaluate(node.right, df, today)
        return _OPS[type(node.op)](left, right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        args = [_evaluate(a, df, today) for a in node.args]
        if node.func.id == "today" and not args:
            return pd.Timestamp(today)
        if node.func.id in FUNCTIONS:
            return FUNCTIONS[node.func.id](*args)
    raise ValueError(f"unsupported expression {ast.unparse(node)!r}")
