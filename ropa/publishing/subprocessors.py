"""The sub-processor list: the register's processors and their sub-processors, with the service each
provides, where it processes the data and how a transfer there is safeguarded.

Three forms: CSV (for a spreadsheet; cells that a spreadsheet would run as a formula are quoted), Markdown
(for a README or a wiki) and an HTML fragment-free page (for a web site). The list is the published view:
only processors, sub-processors and the parties processors engage.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Literal

from ropa.export.cells import csv_escape
from ropa.models.vocab import PartyRole
from ropa.publishing import _text
from ropa.publishing._render import html_env, md_env, template_globals
from ropa.publishing._view import PartyView, RegisterView

__all__ = ["SubprocessorRow", "render_subprocessors", "subprocessor_rows"]

TableFormat = Literal["csv", "md", "html"]


@dataclass(frozen=True)
class SubprocessorRow:
    name: str
    role: str
    """``Processor`` or ``Sub-processor of X`` in words."""
    service: str
    location: str
    safeguard: str
    status: str
    activities: tuple[str, ...]


def _rows(view: RegisterView) -> list[tuple[PartyView, str]]:
    """Processors in register order, each followed by its sub-processors (depth first, no repeats)."""
    by_id = {p.id: p for p in view.parties}
    lang = view.lang
    out: list[tuple[PartyView, str]] = []
    seen: set[str] = set()

    def visit(party: PartyView, owner: PartyView | None) -> None:
        if party.id in seen:
            return
        seen.add(party.id)
        if owner is None:
            role = party.role or _text.label(PartyRole.PROCESSOR, lang)
        else:
            role = _text.t("recipients.sub_of", lang, name=owner.name)
        out.append((party, role))
        for sub in party.sub_processors:
            child = by_id.get(sub)
            if child is not None:
                visit(child, party)

    for party in view.parties:
        if party.role_code == PartyRole.PROCESSOR.value and not party.processor_of:
            visit(party, None)
    for party in view.parties:  # sub-processors of a processor that is itself someone's sub-processor
        if party.id not in seen and party.role_code == PartyRole.PROCESSOR.value:
            visit(party, None)
    return out


def subprocessor_rows(view: RegisterView) -> list[SubprocessorRow]:
    """The rows of the list."""
    names = {a.id: a.name for a in view.activities}
    lang = view.lang
    return [
        SubprocessorRow(
            name=party.name,
            role=role,
            service=party.service or "",
            location=party.country or _text.label("ui.not_stated", lang),
            safeguard="; ".join(party.safeguards) or _text.label("ui.not_stated", lang),
            status=_text.t(f"status.{party.status}", lang) if party.status != "unknown" else "",
            activities=tuple(names.get(a, a) for a in party.used_by),
        )
        for party, role in _rows(view)
    ]


def _headers(view: RegisterView) -> list[str]:
    lang = view.lang
    return [
        _text.label("column.recipient", lang),
        _text.label("column.role", lang),
        _text.t("recipients.service", lang),
        _text.t("subprocessors.location", lang),
        _text.label("column.safeguards", lang),
        _text.label("column.used_by", lang),
    ]


def render_subprocessors(view: RegisterView, fmt: TableFormat) -> str:
    """The list as CSV, Markdown or HTML."""
    rows = subprocessor_rows(view)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(_headers(view))
        for row in rows:
            cells = [row.name, row.role, row.service, row.location, row.safeguard, "; ".join(row.activities)]
            writer.writerow([csv_escape(c) for c in cells])
        return buffer.getvalue()
    env = md_env() if fmt == "md" else html_env()
    template = env.get_template(f"subprocessors.{fmt}.j2")
    text: str = template.render(view=view, rows=rows, headers=_headers(view), **template_globals(view.lang))
    return text
