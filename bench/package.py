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

from desa_terbuka.core.definitions import definitions
from desa_terbuka.validate.codes import REFERENCES


def schema_form(source: Path, folder: Path, record_type: str = "apbdes") -> Path:
    """Write ``apbdes.csv`` (schema form), the reference CSVs and ``datapackage.json`` in
    ``folder``; return the package's path."""
    definition = definitions()[record_type]
    names = definition.field_names
    inputs = [f.name for f in definition.input_fields]
    counters: dict[tuple[str, str], int] = defaultdict(int)
    seen: dict[tuple, str] = {}
    with open(source, newline="", encoding="utf-8") as f, \
            open(folder / f"{record_type}.csv", "w", newline="", encoding="utf-8") as out:
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
    schema = dict(definition.schema)
    schema["foreignKeys"] = []
    resources = [{"name": record_type, "path": f"{record_type}.csv", "schema": schema}]
    for name, (_, _, known) in REFERENCES.items():
        if name not in names:
            continue
        table = f"reference_{name}"
        with open(folder / f"{table}.csv", "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["kode"])
            writer.writerows([code] for code in sorted(set(known())))
        resources.append({"name": table, "path": f"{table}.csv",
                          "schema": {"fields": [{"name": "kode", "type": "string"}]}})
        schema["foreignKeys"].append({"fields": [name], "reference": {"resource": table, "fields": ["kode"]}})
    package = folder / "datapackage.json"
    package.write_text(json.dumps({"name": f"bench-{record_type}", "resources": resources}, indent=1))
    return package
