"""Findings: the report of ``ropa.validate``, when one is given."""

from __future__ import annotations

from ropa.diagnostics import Diagnostic, Severity
from ropa.export.spec import Column, Context, Table, Value
from ropa.i18n import entity_text, legal_ref

__all__ = ["FINDINGS"]


def _location(d: Diagnostic, ctx: Context) -> Value:
    loc = d.location
    if loc.file is None:
        return loc.pointer or None
    if loc.span is not None:
        return f"{loc.file}:{loc.line}:{loc.column}"
    return f"{loc.file}#{loc.pointer}" if loc.pointer else loc.file


FINDINGS = Table[Diagnostic](
    key="findings",
    columns=(
        Column("code", lambda d, c: d.code, width=10),
        Column("severity", lambda d, c: d.severity, kind="enum", enum=Severity, width=12),
        Column("entity", lambda d, c: entity_text(d.location.entity, c.lang), width=26),
        Column("message", lambda d, c: d.message, width=60),
        Column(
            "legal_refs",
            lambda d, c: [legal_ref(r, c.lang) for r in d.legal_refs] or None,
            multi=True,
            width=26,
        ),
        Column("hint", lambda d, c: d.hint, width=60),
        Column("rule", lambda d, c: d.rule, width=26),
        Column("location", _location, width=34),
    ),
    rows=lambda ctx: ctx.report.diagnostics if ctx.report is not None else (),
    count=lambda ctx: len(ctx.report) if ctx.report is not None else 0,
    present=lambda ctx: ctx.report is not None,
    freeze_columns=1,
)
