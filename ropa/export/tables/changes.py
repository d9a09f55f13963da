"""Changes: what changed since an earlier version, and what it means in law (``ropa export --since REV``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ropa.diagnostics import Severity
from ropa.export.spec import Column, Context, Table
from ropa.i18n import legal_ref

if TYPE_CHECKING:
    from ropa.changes import ChangeRow

__all__ = ["CHANGES"]


def _change_rows(ctx: Context) -> Iterable[ChangeRow]:
    return ctx.changes.rows() if ctx.changes is not None else ()


CHANGES = Table["ChangeRow"](
    key="changes",
    columns=(
        Column("entity", lambda r, c: r.subject, width=40),
        Column("change", lambda r, c: c.t(f"change.{r.change}"), width=16),
        Column("change_details", lambda r, c: list(r.details) or None, multi=True, width=60),
        Column("change_meaning", lambda r, c: list(r.meanings) or None, multi=True, width=60),
        Column("change_action", lambda r, c: list(r.actions) or None, multi=True, width=60),
        Column(
            "legal_refs",
            lambda r, c: [legal_ref(ref, c.lang) for ref in r.legal_refs] or None,
            multi=True,
            width=30,
        ),
        Column("severity", lambda r, c: r.severity, kind="enum", enum=Severity, width=14),
        Column("location", lambda r, c: r.location, width=40),
    ),
    rows=_change_rows,
    count=lambda ctx: len(ctx.changes.rows()) if ctx.changes is not None else 0,
    present=lambda ctx: ctx.changes is not None,
    freeze_columns=1,
)
