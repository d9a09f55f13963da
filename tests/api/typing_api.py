"""What a type checker sees of the main verbs (checked by test_typing.py with mypy --strict; not run).

Each ``reveal_type`` is followed by the type mypy must reveal, in a ``# revealed:`` comment.
"""

from __future__ import annotations

from pathlib import Path
from typing import reveal_type

import ropa
from ropa.models import Activity, Party

result = ropa.load("registers/miki4all")
reveal_type(result)  # revealed: ropa.loading.loader.LoadResult
reveal_type(result.register)  # revealed: ropa.models.register.Register
reveal_type(result.register.activities)  # revealed: tuple[ropa.models.activity.Activity, ...] | None
reveal_type(result.diagnostics)  # revealed: tuple[ropa.diagnostics.Diagnostic, ...]
reveal_type(ropa.loads("organisation: {name: X}"))  # revealed: ropa.loading.loader.LoadResult
reveal_type(ropa.load_data({"parties": []}))  # revealed: ropa.loading.loader.LoadResult
report = ropa.validate(result)
reveal_type(report)  # revealed: ropa.diagnostics.Report
reveal_type(report.diagnostics)  # revealed: tuple[ropa.diagnostics.Diagnostic, ...]
reveal_type(ropa.check("registers/miki4all"))  # revealed: ropa.loading.cache.CheckResult
reveal_type(ropa.check("registers/miki4all").failed)  # revealed: bool
reveal_type(ropa.export_json(result))  # revealed: str
reveal_type(ropa.export_json(result, "out.json"))  # revealed: pathlib.Path
reveal_type(ropa.export_xlsx(result, "out.xlsx", lang="nl"))  # revealed: pathlib.Path
reveal_type(ropa.export_csv(result, "out"))  # revealed: list[pathlib.Path]
reveal_type(ropa.dump(result.register))  # revealed: str
reveal_type(ropa.write_register(result, Path("copy"), layout="single"))  # revealed: list[pathlib.Path]
reveal_type(ropa.render_report(report, "sarif"))  # revealed: str
reveal_type(ropa.explain("LAW-001"))  # revealed: str
reveal_type(ropa.json_schema("register"))  # revealed: dict[str, Any]
reveal_type(ropa.translate_report(report, "nl"))  # revealed: ropa.diagnostics.Report
reveal_type(ropa.diff(result, result))  # revealed: ropa.changes._model.Diff
reveal_type(ropa.due(result))  # revealed: list[ropa.deadlines._due.DueItem]
register = result.register.add(Activity(id="x", name="X"))
reveal_type(register)  # revealed: ropa.models.register.Register
reveal_type(register.get(Party, "mollie"))  # revealed: ropa.models.parties.Party | None
reveal_type(register.model_copy(update={"parties": ()}))  # revealed: ropa.models.register.Register
reveal_type(Activity(id="x", name="X").unmapped)  # revealed: ropa.models._base.FrozenDict[str, str] | None

try:
    Activity(id="no spaces", name="X")
except ropa.ModelError as error:
    reveal_type(error.diagnostics)  # revealed: tuple[ropa.diagnostics.Diagnostic, ...]

# What the types refuse: each line must be reported with the error code in its ``# error:`` comment.
result.register.activities.append(Activity(id="x", name="X"))  # error: union-attr
report.diagnostics.append(report.diagnostics[0])  # error: attr-defined
ropa.export_xlsx(result, "out.xlsx", lang="es")  # error: arg-type
ropa.write_register(result, "copy", layout="flat")  # error: arg-type
ropa.RenderOptions(verbosity="high")  # error: arg-type
