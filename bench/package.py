"""The validation baseline's input: the generated file as Frictionless can judge it, so that
``frictionless validate`` and ``desa check`` read the same lines against the same rules.

- Schema form: ``baris`` filled (the primary key's line number, which the pipeline assigns; an
  identical repeated line takes its twin's number, so a true duplicate is a primary-key error for
  Frictionless as it is a duplicate for the pipeline) and Siskeudes' non-activity ``0.0.00``
  written as the empty code the schema allows. Nothing else changes: same lines, same line numbers.
- A data package: the project's Table Schema plus the reference tables as foreign keys
  (``validate/codes.py`` ``REFERENCES``, ranges such as ``4.1.1.90-99`` spelled out), each a CSV.
Both files are derived (schema, reference tables); nothing is written by hand.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

from desa_terbuka.core.definitions import DatasetDefinition, definitions
from desa_terbuka.validate.codes import REFERENCES


def schema_form(source: Path, folder: Path, record_type: str = "apbdes") -> Path:
    """Write ``apbdes.csv`` (schema form), the reference CSVs and ``datapackage.json`` in
    ``folder``; return the package's path."""
    definition = definitions()[record_type]
    write_schema_form(source, folder / f"{record_type}.csv", definition)
    return _package(folder, definition, f"bench-{record_type}", [(record_type, f"{record_type}.csv")])


def batch_package(sources: list[tuple[str, Path]], folder: Path, record_type: str = "apbdes") -> Path:
    """A batch of files as one package: each (name, source) written in schema form to
    ``folder/<name>.csv`` and listed as its own resource with the same schema and foreign keys;
    the reference CSVs once. ``name``: a Frictionless resource name (lower case, ``-._``)."""
    definition = definitions()[record_type]
    for name, source in sources:
        write_schema_form(source, folder / f"{name}.csv", definition)
    return _package(folder, definition, f"bench-batch-{record_type}",
                    [(name, f"{name}.csv") for name, _ in sources])


def write_schema_form(source: Path, target: Path, definition: DatasetDefinition) -> None:
    """``source``'s lines in schema form (see the module's docstring) at ``target``."""
    names = definition.field_names
    inputs = [f.name for f in definition.input_fields]
    counters: dict[tuple[str, str], int] = defaultdict(int)
    seen: dict[tuple, str] = {}
    with open(source, newline="", encoding="utf-8") as f, \
            open(target, "w", newline="", encoding="utf-8") as out:
        reader, writer = csv.DictReader(f), csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in reader:
            if row.get("kode_kegiatan") == "0.0.00":
                row["kode_kegiatan"] = ""
            line = tuple(row.get(n, "") for n in inputs)
            if line in seen:
                row["baris"] = seen[line]
            else:
                key = (row.get("kode_desa", ""), row.get(definition.year_field, ""))
                counters[key] += 1
                row["baris"] = seen[line] = str(counters[key])
            writer.writerow([row.get(n, "") for n in names])


def _package(folder: Path, definition: DatasetDefinition, name: str, tables: list[tuple[str, str]]) -> Path:
    """``datapackage.json``: each (resource, path) with the schema and the reference tables as
    foreign keys (written here as CSVs)."""
    names = definition.field_names
    schema = dict(definition.schema)
    schema["foreignKeys"] = []
    references = []
    for field, (_, _, known) in REFERENCES.items():
        if field not in names:
            continue
        table = f"reference_{field}"
        with open(folder / f"{table}.csv", "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["kode"])
            writer.writerows([code] for code in sorted(set(known())))
        references.append({"name": table, "path": f"{table}.csv",
                           "schema": {"fields": [{"name": "kode", "type": "string"}]}})
        schema["foreignKeys"].append({"fields": [field], "reference": {"resource": table, "fields": ["kode"]}})
    resources = [{"name": resource, "path": path, "schema": schema} for resource, path in tables]
    package = folder / "datapackage.json"
    package.write_text(json.dumps({"name": name, "resources": resources + references}, indent=1))
    return package
