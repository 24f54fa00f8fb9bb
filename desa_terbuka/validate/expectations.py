"""Run a record type's expectation suite on one submission: compiled to SQL over DuckDB (the
default, ``validate/sql_expectations.py``), or through GX Core (pandas, ephemeral context), the
reference engine, which also runs any expectation the SQL compiler does not know.

GX costs ~3 s to import and ~0.1 s to build a context, so it is imported lazily and the context,
suites and validation definitions are built once per process. Unexpected rows come back as
DataFrame positions and are mapped to the rows of the operator's original file.
"""

from __future__ import annotations

import copy
import logging
import threading
import warnings
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from desa_terbuka.core.catalogue import placeholders, rule
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import display
from desa_terbuka.normalise.records import Records
from desa_terbuka.normalise.table_rows import prefetch
from desa_terbuka.validate import sql_expectations
from desa_terbuka.validate.expectation_groups import grouped
from desa_terbuka.validate.relation import connection, table_of, value_table
from desa_terbuka.validate.suites import load_suite

if TYPE_CHECKING:  # pandas (~0.25 s to import) only for the reference engine
    import pandas as pd

_LOCK = threading.Lock()  # GX contexts are not thread-safe; Prefect may run tasks in threads
_STATE: dict[str, Any] = {}


def run_expectations(records: Records, today: date | None = None,
                     skip_rows: set[int] | None = None, engine: str = "sql",
                     table: str | None = None) -> list[Finding]:
    """Findings of the record type's suite for canonical records (empty list when all pass).

    ``skip_rows``: source rows already in error, left out so that the others are still checked.
    ``engine``: ``sql`` or ``reference`` (GX for every expectation); ``table``: the records
    already loaded in DuckDB (``relation.loaded``)."""
    if engine == "sql" and records.rows:
        found = _sql_findings(records, today or date.today(), skip_rows or set(), table)
    else:
        found = _gx_findings(records, today, skip_rows)
    return grouped(found, records, load_suite(records.definition.record_type))


def _sql_findings(records: Records, today: date, skip_rows: set[int], table: str | None) -> list[Finding]:
    record_type = records.definition.record_type
    suite = load_suite(record_type)
    plan = sql_expectations.compiled(record_type, today)
    parameters = dict(suite.get("meta", {}).get("parameters") or {})
    con = connection()
    skipped = [i for i, n in enumerate(records.row_numbers) if n in skip_rows]
    skip = "FALSE"
    if skipped:
        value_table(con, "skipped_rows", {"i": skipped})
        skip = "_i IN (SELECT i FROM skipped_rows)"
    with table_of(records, table) as loaded:
        failures = sql_expectations.unexpected_rows(con, loaded, record_type, today, skip)
        wanted = sorted({n for e in suite["expectations"] for n in _placeholders(e.get("meta", {}))})
        derived = sql_expectations.derived_values(con, loaded, record_type, today, wanted,
                                                  [i for _, i in failures])
    table_ = records.table
    findings = []
    prefetch(records.rows, (position for _, position in failures))
    for index, position in failures:
        meta, kwargs = suite["expectations"][index]["meta"], suite["expectations"][index]["kwargs"]
        field = meta.get("field") or kwargs.get("column") or kwargs.get("column_A")
        value = records.rows[position].get(field) if field in records.definition.field_names else None
        params = _params(_placeholders(meta), position, records,
                         lambda name, i=position: derived.get((i, name), _ABSENT), parameters)
        findings.append(Finding(meta["rule"], table_.file, table_.sheet, records.row_numbers[position],
                                field, value or None, params=params))
    if plan.rest:  # expectation types without a SQL form: GX runs them
        findings += _gx_findings(records, today, skip_rows, only=tuple(plan.rest), superseded=False)
        order = {code: k for k, code in enumerate(e["meta"]["rule"] for e in suite["expectations"])}
        findings.sort(key=lambda f: order.get(f.code, 0))
    return _drop_superseded(findings, suite)


_ABSENT = object()


def _gx_findings(records: Records, today: date | None, skip_rows: set[int] | None,
                 only: tuple[int, ...] | None = None, superseded: bool = True) -> list[Finding]:
    """The reference engine: GX validates a pandas frame of the records (``only``: these
    expectations of the suite)."""
    if skip_rows:
        kept = [i for i, n in enumerate(records.row_numbers) if n not in skip_rows]
        records = replace(records, rows=[records.rows[i] for i in kept],
                          row_numbers=[records.row_numbers[i] for i in kept],
                          reported_cells=set())
    if not records.rows:
        return []
    record_type = records.definition.record_type
    suite = load_suite(record_type)
    meta = suite.get("meta", {})
    parameters = dict(meta.get("parameters") or {})
    from desa_terbuka.validate.derive import derive_columns

    df = typed_frame(records.rows, records.definition)
    derive_columns(df, meta.get("derive") or {}, today or date.today())
    with _LOCK:
        validation = _validation(record_type, only)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = validation.run(batch_parameters={"dataframe": df},
                                    expectation_parameters=parameters, result_format="COMPLETE")
    findings: list[Finding] = []
    for outcome in result.results:
        findings += _findings(records, df, outcome, parameters)
    return _drop_superseded(findings, suite) if superseded else findings


def typed_frame(rows: list[dict[str, str]], definition: DatasetDefinition) -> pd.DataFrame:
    """Canonical text to pandas types; an unreadable cell (already reported) becomes missing."""
    import pandas as pd

    data: dict[str, pd.Series] = {}
    for f in definition.fields:
        values = [row.get(f.name) or None for row in rows]
        if f.type in ("number", "integer"):
            data[f.name] = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").astype("float64")
        elif f.type == "date":
            data[f.name] = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce", format="ISO8601")
        else:
            data[f.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))


def _validation(record_type: str, only: tuple[int, ...] | None = None):
    """The cached ValidationDefinition of a record type (built on first use); ``only``: of a
    suite holding only these expectations."""
    key = record_type if only is None else f"{record_type}:{','.join(map(str, only))}"
    if key in _STATE:
        return _STATE[key]
    import great_expectations as gx  # lazily: ~3 s
    from great_expectations.data_context.types.base import ProgressBarsConfig

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "context" not in _STATE:
            # GX sets some of its loggers to INFO (e.g. its temporary docs folder): noise in an
            # operator's report.
            for name in list(logging.root.manager.loggerDict):
                if name.startswith("great_expectations"):
                    logging.getLogger(name).setLevel(logging.WARNING)
            context = gx.get_context(mode="ephemeral")
            context.variables.progress_bars = ProgressBarsConfig(globally=False)
            _STATE["context"] = context
            _STATE["datasource"] = context.data_sources.add_pandas("desa_terbuka")
        context = _STATE["context"]
        batch = _STATE["datasource"].add_dataframe_asset(key) \
            .add_batch_definition_whole_dataframe("submission")
        descriptor = copy.deepcopy(load_suite(record_type))
        if only is not None:
            descriptor["expectations"] = [e for i, e in enumerate(descriptor["expectations"]) if i in only]
            descriptor["name"] = key
        suite = context.suites.add(gx.ExpectationSuite(**descriptor))
        validation = context.validation_definitions.add(
            gx.ValidationDefinition(name=key, data=batch, suite=suite))
    _STATE[key] = validation
    return validation


def _findings(records: Records, df: pd.DataFrame, outcome, parameters: dict) -> list[Finding]:
    config = outcome.expectation_config
    meta, kwargs = config.meta or {}, config.kwargs
    if (outcome.exception_info or {}).get("raised_exception"):
        raise RuntimeError(f"expectation {meta.get('rule')} could not run: "
                           f"{outcome.exception_info.get('exception_message')}")
    if outcome.success:
        return []
    field = meta.get("field") or kwargs.get("column") or kwargs.get("column_A")
    names = _placeholders(meta)
    table = records.table
    indexes = outcome.result.get("unexpected_index_list")
    if indexes is None:  # a table-level expectation: the whole submission
        return [Finding(meta["rule"], table.file, table.sheet, None, field, None,
                        params=_params(names, None, records, _frame_values(df), parameters))]
    findings = []
    for index in indexes:
        position = int(index)
        value = records.rows[position].get(field) if field in records.definition.field_names else None
        findings.append(Finding(meta["rule"], table.file, table.sheet, records.row_numbers[position],
                                field, value or None,
                                params=_params(names, position, records,
                                               _frame_values(df, position), parameters)))
    return findings


def _frame_values(df: pd.DataFrame, position: int | None = None):
    import pandas as pd

    def value(name: str) -> Any:
        if position is None or name not in df.columns:
            return _ABSENT
        found = df[name].iloc[position]
        return None if pd.isna(found) else found  # NaN, NaT: no value
    return value


def _placeholders(meta: dict) -> set[str]:
    entry = rule(meta["rule"])
    return (placeholders(entry.id) | placeholders(entry.en)) - {"field", "value"}


def _params(names: set[str], position: int | None, records: Records, derived,
            parameters: dict) -> dict[str, str]:
    """Only what the messages use: suite parameters, the row's cells and derived values
    (``derived(name)``: the row's derived value, ``_ABSENT`` when there is none)."""
    types = {f.name: f.type for f in records.definition.fields}
    params = {}
    for name in sorted(names):
        if name in parameters:
            params[name] = display(parameters[name])
        elif position is None:
            continue
        elif name in types:
            params[name] = _cell_display(records.rows[position].get(name, ""), types[name])
        elif (value := derived(name)) is not _ABSENT:
            params[name] = "" if value is None or value != value else \
                display(value if isinstance(value, str) else float(value))
    return params


def _cell_display(text: str, field_type: str) -> str:
    if field_type != "number" or not text:
        return text
    try:
        return display(Decimal(text))
    except InvalidOperation:
        return text


def _drop_superseded(findings: list[Finding], suite: dict) -> list[Finding]:
    """A row over the error limit gets the error only, not also the warning it supersedes."""
    supersedes = {e["meta"]["rule"]: e["meta"]["supersedes"]
                  for e in suite.get("expectations", []) if e.get("meta", {}).get("supersedes")}
    covered = {(supersedes[f.code], f.row) for f in findings if f.code in supersedes}
    return [f for f in findings if (f.code, f.row) not in covered]
