"""Transfers (Art. 30(1)(e), 30(2)(c), 44–49): one row per transfer of an activity or processor activity."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ropa.export.spec import Column, Context, Table, Value
from ropa.export.tables._text import country
from ropa.models import Activity, ProcessorActivity, Transfer
from ropa.models.vocab import Frequency, ProcessingRole, TransferMechanism

__all__ = ["TRANSFERS", "TransferRow"]


@dataclass(frozen=True, slots=True)
class TransferRow:
    """A transfer with the activity (or processor activity) it belongs to."""

    activity_id: str
    activity_name: str | None
    record: ProcessingRole
    transfer: Transfer


def _transfer_rows(ctx: Context) -> Iterator[TransferRow]:
    for a in ctx.register.activities or ():
        for t in a.transfers or ():
            yield TransferRow(a.id, a.name, ProcessingRole.CONTROLLER, t)
    for p in ctx.register.processor_activities or ():
        name = p.controller.name if p.controller else None
        for t in p.transfers or ():
            yield TransferRow(p.id, name, ProcessingRole.PROCESSOR, t)


def _transfer_count(ctx: Context) -> int:
    entities: tuple[Activity | ProcessorActivity, ...] = (
        *(ctx.register.activities or ()),
        *(ctx.register.processor_activities or ()),
    )
    return sum(len(e.transfers or ()) for e in entities)


def _doc(attr: str) -> Callable[[TransferRow, Context], Value]:
    def get(row: TransferRow, ctx: Context) -> Value:
        doc = row.transfer.documentation
        value: Value = getattr(doc, attr) if doc is not None else None
        return value

    return get


TRANSFERS = Table[TransferRow](
    key="transfers",
    columns=(
        Column("activity_id", lambda r, c: r.activity_id, width=20),
        Column("activity", lambda r, c: r.activity_name, width=30),
        Column("record", lambda r, c: r.record, kind="enum", enum=ProcessingRole, width=16),
        Column("third_country", lambda r, c: country(r.transfer.country, c.lang), art30="30(1)(e)", width=24),
        Column(
            "international_organisation",
            lambda r, c: r.transfer.international_organisation,
            art30="30(1)(e)",
            width=24,
        ),
        Column(
            "recipient",
            lambda r, c: c.index.party_name(r.transfer.recipient) if r.transfer.recipient else None,
            width=30,
        ),
        Column("mechanism", lambda r, c: r.transfer.mechanism, kind="enum", enum=TransferMechanism, width=40),
        Column("scc_module", lambda r, c: r.transfer.scc_module, kind="number", width=10),
        Column("tia", lambda r, c: r.transfer.tia, width=30),
        Column("bcr_reference", lambda r, c: r.transfer.bcr_reference, width=24),
        Column("frequency", lambda r, c: r.transfer.frequency, kind="enum", enum=Frequency, width=14),
        Column("art49_assessment", _doc("assessment"), art30="30(1)(e)", width=30),
        Column("art49_safeguards", _doc("safeguards"), art30="30(1)(e)", width=30),
        Column("sa_notified", _doc("sa_notified"), kind="date", width=12),
        Column("notes", lambda r, c: r.transfer.notes, width=40),
    ),
    rows=_transfer_rows,
    count=_transfer_count,
    detail=True,
)
