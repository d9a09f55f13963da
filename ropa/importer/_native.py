"""The register embedded in ropa's own workbooks: canonical JSON, validated like a register file."""

from __future__ import annotations

import dataclasses
import json

from ropa.diagnostics import Severity
from ropa.importer._report import Reporter
from ropa.importer._xlsx import EMBEDDED_SHEET
from ropa.loading.loader import SourceIndex, _Collector
from ropa.models import Register

__all__ = ["register_from_json"]


def register_from_json(text: str, rep: Reporter) -> Register | None:
    """Validate the embedded JSON text entity by entity, exactly as the loader validates a register file.

    Entities that fail are left out and reported with the loader's ``STR-`` codes; their location is
    ``/_ropa`` followed by the JSON Pointer into the register. JSON is parsed with :mod:`json` (not as
    YAML), so every string comes back exactly as it was written.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        rep.add(
            "IMP-006",
            Severity.ERROR,
            f"the embedded register is not valid JSON ({exc})",
            "Export the register again with 'ropa export', or import a visible sheet with --sheet NAME.",
            raw_pointer=f"/{EMBEDDED_SHEET}",
        )
        return None
    collector = _Collector(SourceIndex(None))
    collector.document(rep.file, data)
    for diagnostic in collector.diagnostics:
        location = dataclasses.replace(
            diagnostic.location, pointer=f"/{EMBEDDED_SHEET}{diagnostic.location.pointer}"
        )
        rep.diagnostics.append(dataclasses.replace(diagnostic, location=location))
    return collector.register()
