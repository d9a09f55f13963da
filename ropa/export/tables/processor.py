"""The processor record (Art. 30(2)): only when the register has processor activities."""

from __future__ import annotations

from ropa.export.spec import Column, Context, Table, Value
from ropa.export.tables._text import contact_lines, measures, names, safeguard
from ropa.models import ProcessorActivity

__all__ = ["PROCESSOR_RECORD"]


def _processor_transfers(p: ProcessorActivity, ctx: Context) -> Value:
    return None if p.transfers is None else [safeguard(t, ctx) for t in p.transfers]


PROCESSOR_RECORD = Table[ProcessorActivity](
    key="processor_record",
    columns=(
        Column("id", lambda p, c: p.id, width=20),
        Column(
            "served_controller",
            lambda p, c: contact_lines(p.controller, c.lang),
            art30="30(2)(a)",
            required=True,
            multi=True,
            width=36,
        ),
        Column(
            "served_representative",
            lambda p, c: contact_lines(p.controller_representative, c.lang),
            art30="30(2)(a)",
            multi=True,
            width=36,
        ),
        Column(
            "processing_categories",
            lambda p, c: p.categories,
            art30="30(2)(b)",
            required=True,
            multi=True,
            width=40,
        ),
        Column("transfers", _processor_transfers, art30="30(2)(c)", multi=True, width=40),
        Column("security_measures", measures, art30="30(2)(d)", multi=True, width=40),
        Column(
            "sub_processors", lambda p, c: names(p.sub_processors, c.index.party_name), multi=True, width=30
        ),
        Column("controller_agreement", lambda p, c: p.agreement, width=36),
        Column("notes", lambda p, c: p.notes, width=40),
    ),
    rows=lambda ctx: ctx.register.processor_activities or (),
    count=lambda ctx: len(ctx.register.processor_activities or ()),
    present=lambda ctx: bool(ctx.register.processor_activities),
    freeze_columns=1,
)
